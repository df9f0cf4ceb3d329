import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let admin: Session;
let agencyAdmin: Session;

beforeAll(async () => {
  env = await createTestEnv();
  const a = await buildUser(env.platform, { role: 'sysadmin' });
  admin = await login(env.app, a.username, a.password);
  const agency = await buildAgency(env.platform);
  const b = await buildUser(env.platform, { role: 'agency_admin', agencyId: agency.id });
  agencyAdmin = await login(env.app, b.username, b.password);
});
afterAll(() => env.close());

describe('dictionaries', () => {
  it('are seeded with the values the manual names', async () => {
    const photo = (await env.app.inject({ method: 'GET', url: '/api/v1/dicts/photo_type' })).json().items;
    expect(photo.slice(0, 2)).toMatchObject([
      { label: '采样作业照片', extra: { stage: 'sampling', required: true } },
      { label: '采样点现场照片', extra: { stage: 'sampling', required: true } },
    ]);
    const kinds = (await env.app.inject({ method: 'GET', url: '/api/v1/dicts/monitoring_type' })).json()
      .items;
    expect(kinds[0].label).toBe('危险废物鉴别');
  });

  it('the administrator adds and edits values; codes are unique', async () => {
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/v1/dicts/monitoring_type/items',
      headers: as(admin),
      payload: { code: 'sediment', label: '底泥', sortOrder: 200 },
    });
    expect(created.statusCode).toBe(201);
    const dup = await env.app.inject({
      method: 'POST',
      url: '/api/v1/dicts/monitoring_type/items',
      headers: as(admin),
      payload: { code: 'sediment', label: '底泥2' },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toEqual({ field: 'code', message: '编码 sediment 已存在' });
    const edited = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/dicts/monitoring_type/items/${created.json().id}`,
      headers: as(admin),
      payload: { label: '河湖底泥', sortOrder: 210, isEnabled: false },
    });
    expect(edited.json()).toMatchObject({ label: '河湖底泥', isEnabled: false });
    const publicList = (await env.app.inject({ method: 'GET', url: '/api/v1/dicts/monitoring_type' })).json()
      .items;
    expect(publicList.some((i: { code: string }) => i.code === 'sediment')).toBe(false);
  });

  it('refuses attachment limits that are incomplete, naming the field', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/dicts/attachment_type/items',
      headers: as(admin),
      payload: { code: 'permit', label: '许可证', extra: { scope: 'agency', maxSizeMb: 5 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['extra.maxCount', 'extra.kinds']),
    );
  });

  it('only the administrator changes them', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/dicts/monitoring_type/items',
      headers: as(agencyAdmin),
      payload: { code: 'x', label: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });
});
