import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ LOGIN_IP_LIMIT: '1000' });
});
afterAll(() => env.close());
beforeEach(() => env.clock.reset());

const postLogin = (username: string, password: string, ip = '10.0.0.1') =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login', () => {
  it('refuses bad input with Chinese field errors as problem+json', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors[0].field).toBe('password');
    expect(body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('sets an HttpOnly SameSite=Lax session cookie and answers who is logged in', async () => {
    const agency = await buildAgency(env.platform);
    const user = await buildUser(env.platform, { role: 'agency_admin', agencyId: agency.id });
    const res = await postLogin(user.username, user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'eco_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({
      role: 'agency_admin',
      agency: { id: agency.id, name: agency.name },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('starts a new session id at every login', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const a = await login(env.app, user.username, user.password);
    const b = await login(env.app, user.username, user.password);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const res = await postLogin('nobody-here', 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failures for 30 minutes, even for the right password', async () => {
    const user = await buildUser(env.platform, { role: 'regulator' });
    for (let i = 1; i <= 4; i++) {
      const res = await postLogin(user.username, 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain(`再失败${5 - i}次`);
    }
    const fifth = await postLogin(user.username, 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toContain('锁定30分钟');
    const right = await postLogin(user.username, user.password);
    expect(right.statusCode).toBe(423);
    env.clock.advance(29 * 60_000);
    expect((await postLogin(user.username, user.password)).statusCode).toBe(423);
    env.clock.advance(2 * 60_000);
    expect((await postLogin(user.username, user.password)).statusCode).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    const user = await buildUser(env.platform, { role: 'regulator' });
    for (let i = 0; i < 4; i++) await postLogin(user.username, 'wrong-password');
    expect((await postLogin(user.username, user.password)).statusCode).toBe(200);
    const again = await postLogin(user.username, 'wrong-password');
    expect(again.json().detail).toContain('再失败4次');
  });
});

describe('per-IP login limit', () => {
  it('answers 429 in Chinese past the configured number of attempts', async () => {
    const limited = await createTestEnv({ LOGIN_IP_LIMIT: '3' });
    try {
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'a', password: 'b' },
          remoteAddress: '10.9.9.9',
        });
      for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(401);
      const res = await send();
      expect(res.statusCode).toBe(429);
      expect(res.json().detail).toMatch(/操作过于频繁/);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'a', password: 'b' },
        remoteAddress: '10.9.9.10',
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('me needs a session; logout ends it on the server', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      200,
    );
    const out = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(s) });
    expect(out.statusCode).toBe(204);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      401,
    );
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.json().code).toBe('CSRF');
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      200,
    );
  });

  it('expires after 30 idle minutes', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    env.clock.advance(29 * 60_000);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      200,
    );
    env.clock.advance(31 * 60_000);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      401,
    );
  });

  it('expires after 12 hours even when active', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    // 24 × 29 minutes = 11 h 36 min of activity, never idle for 30 minutes.
    for (let step = 0; step < 24; step++) {
      env.clock.advance(29 * 60_000);
      expect(
        (await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode,
      ).toBe(200);
    }
    env.clock.advance(29 * 60_000); // 12 h 05 min after login
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(s) })).statusCode).toBe(
      401,
    );
  });
});

describe('passwords', () => {
  it('forces the change of an initial password before anything else', async () => {
    const agency = await buildAgency(env.platform);
    const user = await buildUser(env.platform, {
      role: 'agency_admin',
      agencyId: agency.id,
      mustChangePassword: true,
    });
    const s = await login(env.app, user.username, user.password);
    expect(s.user.mustChangePassword).toBe(true);
    const blocked = await env.app.inject({ method: 'GET', url: '/api/v1/agencies/current', headers: as(s) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: as(s),
      payload: { currentPassword: user.password, newPassword: 'Sichuan-Huanjing#9' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/agencies/current', headers: as(s) })).statusCode,
    ).toBe(200);
  });

  it('refuses weak or common new passwords and a wrong current one', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    const attempt = (currentPassword: string, newPassword: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: as(s),
        payload: { currentPassword, newPassword },
      });
    const short = await attempt(user.password, 'Ab#1');
    expect(short.json().errors).toEqual([{ field: 'newPassword', message: '密码至少8位' }]);
    expect((await attempt(user.password, 'P@ssw0rd')).json().errors[0].message).toContain('常见');
    expect((await attempt(user.password, 'abcdefgh1')).json().errors[0].message).toContain('至少三类');
    expect((await attempt('not-it', 'Valid#Pass2027')).json().errors[0].field).toBe('currentPassword');
    expect((await attempt(user.password, 'a long and memorable passphrase')).statusCode).toBe(204);
  });

  it('ends the other sessions when the password changes', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const phone = await login(env.app, user.username, user.password);
    const desk = await login(env.app, user.username, user.password);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: as(desk),
      payload: { currentPassword: user.password, newPassword: 'Another#Pass2027' },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(phone) })).statusCode,
    ).toBe(401);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(desk) })).statusCode,
    ).toBe(200);
  });
});
