import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Captcha } from '@eco/contracts';
import { create as createSvgCaptcha } from 'svg-captcha';
import type { ServiceContext } from '../../platform/context.ts';
import type { PiiCipher } from '../../platform/crypto/pii.ts';
import { validationError } from '../../platform/errors.ts';
import {
  claimCaptcha,
  countMissesSince,
  deleteCaptchasExpiredBefore,
  deleteLookupsBefore,
  insertCaptcha,
  insertLookup,
} from './public-guard.queries.ts';

const captchaTtlMs = 5 * 60_000;
/** Capitals and digits that a distorted font cannot confuse (no 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V). */
const captchaChars = 'ACDEFHJKMNPRTWXY3479';
const lookupRetentionMs = 24 * 3600_000;
/** One insert in this many also clears look-ups older than a day; no scheduler needed. */
const pruneEvery = 50;

export type LookupKind = 'report' | 'preview';

function clientIp(ctx: ServiceContext): string {
  return ctx.meta.ip ?? 'unknown';
}

/** Keyed with the PII look-up key and bound to the captcha's id; case does not matter. */
export function captchaAnswerHash(pii: PiiCipher, id: string, answer: string): string {
  return pii.lookupHash(`captcha:${id}:${answer.trim().toLowerCase()}`);
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function captchaRefused(message: string) {
  return validationError([{ field: 'captcha', message }], message);
}

/** A 4-character image captcha; only a keyed hash of its answer is kept, for 5 minutes and one try. */
export async function createCaptcha(ctx: ServiceContext): Promise<Captcha> {
  const now = ctx.now();
  const { text, data } = createSvgCaptcha({
    size: 4,
    charPreset: captchaChars,
    noise: 3,
    color: true,
    width: 120,
    height: 40,
  });
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + captchaTtlMs);
  await deleteCaptchasExpiredBefore(ctx.db, now);
  await insertCaptcha(ctx.db, { id, answerHash: captchaAnswerHash(ctx.pii, id, text), expiresAt });
  return { id, svg: data, expiresAt: expiresAt.toISOString() };
}

/**
 * Before a look-up by report number: once an address has missed too often within the window,
 * every further look-up from it needs a fresh captcha. Errors name the field `captcha`, so the
 * page knows to show (or renew) the image.
 */
export async function requireCaptchaAfterMisses(
  ctx: ServiceContext,
  input: { captchaId?: string | undefined; captchaAnswer?: string | undefined },
): Promise<void> {
  const { captchaAfterMisses, missWindowMinutes } = ctx.config.publicPortal;
  const now = ctx.now();
  const misses = await countMissesSince(
    ctx.db,
    clientIp(ctx),
    new Date(now.getTime() - missWindowMinutes * 60_000),
  );
  if (misses < captchaAfterMisses) return;
  if (!input.captchaId || !input.captchaAnswer) throw captchaRefused('请输入图形验证码');
  const stored = await claimCaptcha(ctx.db, input.captchaId, now);
  if (!stored || !sameHash(stored, captchaAnswerHash(ctx.pii, input.captchaId, input.captchaAnswer))) {
    throw captchaRefused('图形验证码错误');
  }
}

/** Counts a look-up by its outcome (misses call for a captcha); now and then clears old rows. */
export async function recordLookup(ctx: ServiceContext, kind: LookupKind, found: boolean): Promise<void> {
  const now = ctx.now();
  const id = await insertLookup(ctx.db, { ip: clientIp(ctx), kind, found, at: now });
  if (id % pruneEvery === 0) await deleteLookupsBefore(ctx.db, new Date(now.getTime() - lookupRetentionMs));
}
