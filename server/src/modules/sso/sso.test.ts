import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskIdNumber, maskMobile } from '@eco/contracts';
import { sql } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, randomIdNumber } from '../../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { users } from '../users/users.tables.ts';

/**
 * A real OpenID provider (oidc-provider) stands in for the provincial government-service portal;
 * the browser's part (login and consent forms) is played by fetch with a cookie jar.
 */
let env: TestEnv;
let server: http.Server;
let issuer: string;
const redirectUri = 'http://127.0.0.1:3000/api/v1/sso/callback';
const accounts: Record<string, Record<string, string>> = {};
let agencyAdminId = '';
let fieldUserId = '';

beforeAll(async () => {
  let handler: http.RequestListener = (_req, res) => res.end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'eco-platform',
        client_secret: 'eco-secret',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'credit_code', 'id_number'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['sso-test-cookie-key'] },
    findAccount: async (_ctx, id) => {
      const claims = accounts[id];
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  handler = provider.callback();

  env = await createTestEnv({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'eco-platform',
    OIDC_CLIENT_SECRET: 'eco-secret',
    OIDC_REDIRECT_URI: redirectUri,
    OIDC_ALLOW_INSECURE: 'true',
  });
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  agencyAdminId = (await buildUser(env.platform, { role: 'agency_admin', agencyId: agency.id })).id;
  accounts['legal-1'] = { name: agency.name, credit_code: agency.creditCode };
  accounts['legal-unknown'] = { name: '未注册公司', credit_code: '91510000MA00000001' };

  const idNumber = randomIdNumber('510105', '19920718');
  const mobile = '13990001111';
  const { pii } = env.platform;
  const [staff] = await env.platform.db
    .insert(personnel)
    .values({
      agencyId: agency.id,
      name: '王采样',
      gender: '男',
      idNumberEnc: pii.encrypt(idNumber),
      idNumberHash: pii.lookupHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      mobileEnc: pii.encrypt(mobile),
      mobileHash: pii.lookupHash(mobile),
      mobileMasked: maskMobile(mobile),
      title: '工程师',
      posts: ['sampler'],
      education: 'bachelor',
      status: 'approved',
    })
    .returning();
  const field = await buildUser(env.platform, { role: 'field_staff', agencyId: agency.id });
  await env.platform.db.update(users).set({ personnelId: staff?.id }).where(sql`${users.id} = ${field.id}`);
  fieldUserId = field.id;
  accounts['natural-1'] = { name: '王采样', id_number: idNumber };
}, 120_000);

afterAll(async () => {
  await env.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Plays the browser at the provider: follows redirects, submits the login and consent forms. */
async function authorizeAt(authUrl: string, accountId: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), rest.join('='));
    }
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without form: ${res.status} ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = html.includes('value="login"')
      ? new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString()
      : new URLSearchParams({ prompt: 'consent' }).toString();
  }
  throw new Error('too many hops at the provider');
}

async function startLogin(identity: 'legal' | 'natural', target: 'web' | 'mobile' = 'web'): Promise<string> {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/sso/login?identity=${identity}&target=${target}`,
  });
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
  const params = new URL(location).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  return location;
}

const callback = (callbackUrl: string) =>
  env.app.inject({ method: 'GET', url: `/api/v1/sso/callback${new URL(callbackUrl).search}` });

async function meWith(res: Awaited<ReturnType<typeof callback>>) {
  const cookie = res.cookies.find((c) => c.name === 'eco_sid');
  if (!cookie) return null;
  const me = await env.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: `eco_sid=${cookie.value}` },
  });
  return me.json().user as { id: string; role: string };
}

describe('provincial SSO (OpenID Connect, authorization code + PKCE)', () => {
  it('a legal-person identity logs into its agency’s 法人 account by credit code', async () => {
    const back = await authorizeAt(await startLogin('legal'), 'legal-1');
    const res = await callback(back);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(await meWith(res)).toMatchObject({ id: agencyAdminId, role: 'agency_admin' });
  });

  it('a natural person with a field account lands in the field app', async () => {
    const back = await authorizeAt(await startLogin('natural', 'mobile'), 'natural-1');
    const res = await callback(back);
    expect(res.headers.location).toBe('/m/');
    expect(await meWith(res)).toMatchObject({ id: fieldUserId, role: 'field_staff' });
  });

  it('an agency that has not registered is told so, with no session', async () => {
    const back = await authorizeAt(await startLogin('legal'), 'legal-unknown');
    const res = await callback(back);
    expect(decodeURIComponent(String(res.headers.location))).toContain(
      '未找到统一社会信用代码为 91510000MA00000001',
    );
    expect(res.cookies.find((c) => c.name === 'eco_sid')).toBeUndefined();
  });

  it('refuses a forged state, and a replayed callback', async () => {
    const back = new URL(await authorizeAt(await startLogin('legal'), 'legal-1'));
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    const res = await callback(forged.href);
    expect(decodeURIComponent(String(res.headers.location))).toContain('登录请求已失效');
    expect(res.cookies.find((c) => c.name === 'eco_sid')).toBeUndefined();
    expect((await callback(back.href)).headers.location).toBe('/');
    const replay = await callback(back.href);
    expect(decodeURIComponent(String(replay.headers.location))).toContain('登录请求已失效');
  });

  it('refuses an ID token whose nonce is not the one we sent', async () => {
    const authUrl = await startLogin('legal');
    const state = new URL(authUrl).searchParams.get('state');
    await env.platform.db.execute(
      sql`update sso_requests set nonce = 'another-nonce' where state = ${state}`,
    );
    const res = await callback(await authorizeAt(authUrl, 'legal-1'));
    expect(decodeURIComponent(String(res.headers.location))).toContain('校验失败');
    expect(res.cookies.find((c) => c.name === 'eco_sid')).toBeUndefined();
  });

  it('says so when the provider refuses', async () => {
    const authUrl = await startLogin('natural');
    const state = new URL(authUrl).searchParams.get('state') ?? '';
    const res = await callback(
      `${redirectUri}?error=access_denied&error_description=user%20cancelled&state=${state}`,
    );
    expect(decodeURIComponent(String(res.headers.location))).toContain('统一身份认证未通过');
  });
});
