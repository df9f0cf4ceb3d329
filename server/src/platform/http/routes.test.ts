import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { isGuardedUrl } from './auth-hooks.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

/** Routes anyone may call without logging in, by name: adding one is a deliberate act. */
const publicRoutes = new Set([
  'GET /api/health',
  'POST /api/v1/auth/login',
  'GET /api/v1/dicts/:type',
  'GET /api/v1/regions/tree',
  'POST /api/v1/sms/codes',
  'GET /api/v1/dev/sms-outbox',
  'POST /api/v1/registration/agency',
  'POST /api/v1/registration/person',
  'GET /api/v1/sso/config',
  'GET /api/v1/sso/login',
  'GET /api/v1/sso/callback',
  'GET /api/v1/public/reports',
  'POST /api/v1/public/reports/preview-code',
  'GET /api/v1/public/captcha',
  'POST /api/v1/public/reports/preview',
  'GET /api/v1/public/reports/file',
  'GET /api/v1/public/verify/:reportId',
  'GET /api/v1/public/verify',
  'GET /api/v1/public/agencies',
  'GET /api/v1/public/agencies/:id',
]);

describe('route table', () => {
  it('every API route declares who may call it; public ones are listed here', () => {
    const apiRoutes = env.app.routeTable.filter((r) => isGuardedUrl(r.url) && r.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(10);
    const undeclared = apiRoutes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const declaredPublic = apiRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(new Set(declaredPublic)).toEqual(publicRoutes);
  });

  it('every non-public API route answers 401 without a session', async () => {
    const guarded = env.app.routeTable.filter(
      (r) => isGuardedUrl(r.url) && r.method !== 'HEAD' && r.access !== 'public',
    );
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await env.app.inject({ method: route.method as 'GET', url });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('errors and health', () => {
  it('health checks the database', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('an unknown API path is a problem+json 404 in Chinese', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('接口不存在');
  });

  it('the OpenAPI description lists the endpoints', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/attachments', '/api/v1/audit']),
    );
    expect(doc.paths['/api/v1/auth/login'].post.summary).toBe('用户名密码登录');
  });
});
