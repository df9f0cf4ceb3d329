import * as oidc from 'openid-client';
import { appendAudit } from '../../platform/audit/audit.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { SsoConfig } from '../../platform/config.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { UserRow } from '../users/users.queries.ts';
import {
  findLegalPersonUser,
  findNaturalPersonUsers,
  insertSsoRequest,
  purgeSsoRequests,
  takeSsoRequest,
} from './sso.queries.ts';

export type SsoIdentity = 'legal' | 'natural';
export type SsoTarget = 'web' | 'mobile';

const requestLifetimeMs = 10 * 60_000;
const discovered = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration from its discovery document, fetched once per process. */
function providerConfig(sso: SsoConfig): Promise<oidc.Configuration> {
  const key = `${sso.issuer}|${sso.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    found = oidc
      .discovery(new URL(sso.issuer), sso.clientId, sso.clientSecret, undefined, {
        ...(sso.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered.delete(key);
        throw error;
      });
    discovered.set(key, found);
  }
  return found;
}

function requireSso(ctx: ServiceContext): SsoConfig {
  if (!ctx.config.sso) throw new AppError('NOT_FOUND', '未启用统一身份认证登录');
  return ctx.config.sso;
}

/** Starts an authorization-code + PKCE login; state, nonce and verifier stay on the server. */
export async function beginSsoLogin(
  ctx: ServiceContext,
  input: { identity: SsoIdentity; target: SsoTarget },
): Promise<string> {
  const sso = requireSso(ctx);
  const config = await providerConfig(sso).catch(() => {
    throw new AppError('UNAVAILABLE', '统一身份认证平台暂时无法访问，请稍后再试或使用账号密码登录');
  });
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = ctx.now();
  await purgeSsoRequests(ctx.db, new Date(now.getTime() - requestLifetimeMs));
  await insertSsoRequest(ctx.db, {
    state,
    nonce,
    codeVerifier,
    identity: input.identity,
    target: input.target,
    createdAt: now,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: sso.redirectUri,
    scope: sso.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

function pickUser(candidates: UserRow[], target: SsoTarget): UserRow | undefined {
  const preferred = candidates.find((u) =>
    target === 'mobile' ? u.role === 'field_staff' : u.role !== 'field_staff',
  );
  return preferred ?? candidates[0];
}

/**
 * Finishes the login at the callback: the state must be one we issued (once, within 10 minutes),
 * the code is exchanged with the PKCE verifier, and the ID token's nonce must match. A legal-person
 * identity maps to its agency's 法人 account by credit code; a natural person to their accounts by ID number.
 */
export type SsoOutcome =
  | { ok: true; token: string; csrfToken: string; target: SsoTarget }
  | { ok: false; message: string; target: SsoTarget };

export async function completeSsoLogin(ctx: ServiceContext, input: { query: string }): Promise<SsoOutcome> {
  const sso = requireSso(ctx);
  const callbackUrl = new URL(sso.redirectUri);
  callbackUrl.search = input.query;
  const state = callbackUrl.searchParams.get('state') ?? '';
  const request = state ? await takeSsoRequest(ctx.db, state) : undefined;
  if (!request || ctx.now().getTime() - request.createdAt.getTime() > requestLifetimeMs) {
    return { ok: false, message: '登录请求已失效或不是本平台发起的，请重新登录', target: 'web' };
  }
  const target: SsoTarget = request.target === 'mobile' ? 'mobile' : 'web';
  const fail = (message: string): SsoOutcome => ({ ok: false, message, target });
  const providerError = callbackUrl.searchParams.get('error');
  if (providerError) {
    return fail(`统一身份认证未通过：${callbackUrl.searchParams.get('error_description') ?? providerError}`);
  }
  const config = await providerConfig(sso);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
  } catch {
    return fail('统一身份认证校验失败（授权码、state 或 nonce 不符），请重新登录');
  }

  let user: UserRow | undefined;
  if (request.identity === 'legal') {
    const creditCode = String(claims[sso.creditCodeClaim] ?? '').toUpperCase();
    user = creditCode ? await findLegalPersonUser(ctx.db, creditCode) : undefined;
    if (!user) return fail(`未找到统一社会信用代码为 ${creditCode || '（空）'} 的机构账号，请先完成法人注册`);
  } else {
    const idNumber = String(claims[sso.idNumberClaim] ?? '').toUpperCase();
    user = idNumber
      ? pickUser(await findNaturalPersonUsers(ctx.db, ctx.pii.lookupHash(idNumber)), target)
      : undefined;
    if (!user) return fail('未找到与您身份证号一致的账号，请先完成个人注册或联系所在机构分配监测账号');
  }
  const account = user;
  return ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, {
      userId: account.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      now: ctx.now(),
      policy: ctx.config.session,
    });
    await appendAudit(tx, ctx, {
      action: 'auth.sso_login',
      targetType: 'user',
      targetId: account.id,
      agencyId: account.agencyId,
      after: { username: account.username, identity: request.identity, subject: String(claims.sub ?? '') },
    });
    return { ok: true as const, token: session.token, csrfToken: session.csrfToken, target };
  });
}
