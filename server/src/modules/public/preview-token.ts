import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A 预览 grant as a stateless token: base64url(JSON).base64url(HMAC-SHA256). It lets its holder
 * open one report until it expires; any server process holding the key can check it.
 */
export type PreviewGrantClaims = {
  reportId: string;
  viewId: string;
  mobileMasked: string;
  issuedAt: Date;
  expiresAt: Date;
};

const claimsSchema = z.object({
  r: z.string(),
  v: z.string(),
  m: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
});

function sign(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

export function signPreviewToken(key: Buffer, claims: PreviewGrantClaims): string {
  const body = Buffer.from(
    JSON.stringify({
      r: claims.reportId,
      v: claims.viewId,
      m: claims.mobileMasked,
      iat: claims.issuedAt.getTime(),
      exp: claims.expiresAt.getTime(),
    }),
  ).toString('base64url');
  return `${body}.${sign(key, body).toString('base64url')}`;
}

/** The claims of a well-signed token that has not expired at `now`; null for anything else. */
export function readPreviewToken(key: Buffer, token: string, now: Date): PreviewGrantClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success || now.getTime() >= parsed.data.exp) return null;
  const { r, v, m, iat, exp } = parsed.data;
  return { reportId: r, viewId: v, mobileMasked: m, issuedAt: new Date(iat), expiresAt: new Date(exp) };
}
