import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let chengdu: { id: string; name: string };
let mianyang: { id: string; name: string };
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  env = await createTestEnv();
  chengdu = await buildAgency(env.platform, { regionCode: '510104', name: '成都测试鉴别中心' });
  mianyang = await buildAgency(env.platform, { regionCode: '510703', name: '绵阳测试鉴别中心' });
  const make = async (key: string, input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    sessions[key] = await login(env.app, u.username, u.password);
  };
  await make('province', { role: 'regulator', regionCode: '510000' });
  await make('city', { role: 'regulator', regionCode: '510100' });
  await make('admin', { role: 'agency_admin', agencyId: chengdu.id });
  await make('sysadmin', { role: 'sysadmin' });
});
afterAll(() => env.close());

const get = (key: string, url: string) =>
  env.app.inject({ method: 'GET', url, headers: as(sessions[key] as Session) });

describe('agency visibility', () => {
  it('the province sees every agency; a city regulator only its own region', async () => {
    const province = (await get('province', '/api/v1/agencies?pageSize=100')).json();
    expect(province.items.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([chengdu.id, mianyang.id]),
    );
    const city = (await get('city', '/api/v1/agencies?pageSize=100')).json();
    expect(city.items.map((a: { id: string }) => a.id)).toContain(chengdu.id);
    expect(city.items.map((a: { id: string }) => a.id)).not.toContain(mianyang.id);
    expect((await get('city', `/api/v1/agencies/${mianyang.id}`)).statusCode).toBe(404);
    expect(city.items.find((a: { id: string }) => a.id === chengdu.id).regionName).toBe('锦江区');
  });

  it('searches by part of the name, pages on the server', async () => {
    const res = (
      await get('province', `/api/v1/agencies?name=${encodeURIComponent('绵阳测试')}&page=1&pageSize=1`)
    ).json();
    expect(res).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(res.items[0].id).toBe(mianyang.id);
  });

  it('an agency sees only itself and may not list others', async () => {
    expect((await get('admin', '/api/v1/agencies/current')).json().id).toBe(chengdu.id);
    expect((await get('admin', `/api/v1/agencies/${mianyang.id}`)).statusCode).toBe(404);
    expect((await get('admin', '/api/v1/agencies')).statusCode).toBe(403);
    expect((await get('sysadmin', '/api/v1/agencies/current')).statusCode).toBe(403);
  });
});
