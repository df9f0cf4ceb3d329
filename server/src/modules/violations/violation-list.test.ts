import type { ViolationSummary } from '@eco/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { buildViolation } from '../../../test/violation-factory.ts';
import { shanghaiDate } from '../notifications/notify.ts';

type Account = Awaited<ReturnType<typeof buildUser>>;

const base = new Date('2026-05-10T02:00:00.000Z'); // 10:00 in Shanghai
const day = 86_400_000;
const inDays = (n: number) => shanghaiDate(base, n);

let env: TestEnv;
let accounts: Record<'admin' | 'adminB' | 'sampler' | 'chengdu' | 'deyang' | 'province', Account>;
let sessions: Record<keyof typeof accounts, Session>;
let agencyB: string;
/** The violations by name, in the order they were issued (one minute apart). */
const ids: Record<string, string> = {};

async function signInAll(): Promise<void> {
  const entries = await Promise.all(
    Object.entries(accounts).map(
      async ([key, a]) => [key, await login(env.app, a.username, a.password)] as const,
    ),
  );
  sessions = Object.fromEntries(entries) as typeof sessions;
}

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(base);
  const agencyA = (await buildAgency(env.platform, { regionCode: '510104', name: '成都甲检测有限公司' })).id;
  agencyB = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  const agencyD = (await buildAgency(env.platform, { regionCode: '510603' })).id;
  accounts = {
    admin: await buildUser(env.platform, { role: 'agency_admin', agencyId: agencyA }),
    adminB: await buildUser(env.platform, { role: 'agency_admin', agencyId: agencyB }),
    sampler: await buildUser(env.platform, { role: 'field_staff', agencyId: agencyA }),
    chengdu: await buildUser(env.platform, { role: 'regulator', regionCode: '510100' }),
    deyang: await buildUser(env.platform, { role: 'regulator', regionCode: '510600' }),
    province: await buildUser(env.platform, { role: 'regulator', regionCode: '510000' }),
  };
  const issuedBy = accounts.chengdu.id;
  const mkProject = async (name: string) =>
    (await buildProject(env.platform.db, { agencyId: agencyA, createdBy: accounts.admin.id, name })).id;
  const p1 = await mkProject('某化工_废渣鉴别项目');
  const p2 = await mkProject('某化工1电镀污泥鉴别项目');
  const plan = [
    ['v1', { agencyId: agencyA, projectId: p1, deadline: inDays(10) }],
    ['v2', { agencyId: agencyA, projectId: p2, deadline: inDays(2) }],
    ['v3', { agencyId: agencyA, deadline: inDays(5), status: 'submitted' }],
    ['v4', { agencyId: agencyA, deadline: inDays(1), status: 'accepted' }],
    ['v5', { agencyId: agencyB, deadline: inDays(3) }],
    ['v6', { agencyId: agencyD, deadline: inDays(4), regionCode: '510603', issuedBy: accounts.deyang.id }],
  ] as const;
  for (const [name, input] of plan) {
    ids[name] = (await buildViolation(env, { issuedBy, ...input })).id;
    env.clock.advance(60_000);
  }
  await signInAll();
});
afterAll(() => env.close());

async function list(who: keyof typeof accounts, query = '') {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/violations?${query}`,
    headers: as(sessions[who]),
  });
  expect(res.statusCode, `${who} ?${query}: ${res.body}`).toBe(200);
  return res.json() as { items: ViolationSummary[]; total: number; page: number; pageSize: number };
}

const names = (page: { items: ViolationSummary[] }) =>
  page.items.map((v) => Object.keys(ids).find((k) => ids[k] === v.id));

describe('refusals', () => {
  it('401 without a session, 403 for field staff, 400 for a bad state or date', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/violations' })).statusCode).toBe(401);
    const staff = await env.app.inject({
      method: 'GET',
      url: '/api/v1/violations',
      headers: as(sessions.sampler),
    });
    expect(staff.statusCode).toBe(403);
    for (const query of ['state=closed', 'deadlineFrom=2026-5-1', 'hasRounds=maybe', 'pageSize=500']) {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/v1/violations?${query}`,
        headers: as(sessions.admin),
      });
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('scope', () => {
  it('the agency sees only its own, newest issued first; an agencyId filter is ignored', async () => {
    expect(names(await list('admin'))).toEqual(['v4', 'v3', 'v2', 'v1']);
    expect(names(await list('admin', `agencyId=${agencyB}`))).toEqual(['v4', 'v3', 'v2', 'v1']);
    expect(names(await list('adminB'))).toEqual(['v5']);
  });

  it('regulators see their region, and may filter by agency', async () => {
    expect(names(await list('chengdu'))).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
    expect(names(await list('chengdu', `agencyId=${agencyB}`))).toEqual(['v5']);
    expect(names(await list('deyang'))).toEqual(['v6']);
    expect((await list('province')).total).toBe(6);
  });

  it('pages on the server with the total', async () => {
    const page = await list('admin', 'page=2&pageSize=3');
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(page)).toEqual(['v1']);
  });

  it('a row carries the names, the round count and today’s 整改状态', async () => {
    const { items } = await list('admin');
    const v1 = items.find((v) => v.id === ids.v1);
    expect(v1).toMatchObject({
      agencyName: '成都甲检测有限公司',
      projectName: '某化工_废渣鉴别项目',
      status: 'pending',
      state: 'pending',
      roundCount: 0,
      deadline: inDays(10),
      issuedByName: accounts.chengdu.displayName,
      closedAt: null,
    });
    expect(v1?.projectNo).toMatch(/^510104-/);
    expect(items.find((v) => v.id === ids.v3)).toMatchObject({
      projectName: null,
      roundCount: 1,
      state: 'submitted',
    });
  });
});

describe('filters', () => {
  it('项目名称 is fuzzy, with % and _ taken literally', async () => {
    expect(names(await list('admin', `projectName=${encodeURIComponent('化工')}`))).toEqual(['v2', 'v1']);
    expect(names(await list('admin', `projectName=${encodeURIComponent('化工_')}`))).toEqual(['v1']);
    expect(names(await list('admin', `projectName=${encodeURIComponent('%')}`))).toEqual([]);
  });

  it('整改期限 range is inclusive at both ends', async () => {
    const range = `deadlineFrom=${inDays(2)}&deadlineTo=${inDays(5)}`;
    expect(names(await list('admin', range))).toEqual(['v3', 'v2']);
    expect(names(await list('chengdu', range))).toEqual(['v5', 'v3', 'v2']);
    expect(names(await list('admin', `deadlineFrom=${inDays(6)}`))).toEqual(['v1']);
  });

  it('历史整改记录: hasRounds', async () => {
    expect(names(await list('admin', 'hasRounds=true'))).toEqual(['v4', 'v3']);
    expect(names(await list('admin', 'hasRounds=false'))).toEqual(['v2', 'v1']);
  });

  it('违规待整改: isOpen leaves out 已整改', async () => {
    expect(names(await list('admin', 'isOpen=true'))).toEqual(['v3', 'v2', 'v1']);
    expect(names(await list('admin', 'isOpen=false'))).toEqual(['v4']);
  });

  it('整改状态, and 逾期 once the test clock passes a deadline', async () => {
    expect(names(await list('admin', 'state=pending'))).toEqual(['v2', 'v1']);
    expect(names(await list('admin', 'state=submitted'))).toEqual(['v3']);
    expect(names(await list('admin', 'state=accepted'))).toEqual(['v4']);
    expect(names(await list('admin', 'state=overdue'))).toEqual([]);

    // 整改期限 is the last day: on it the violation is still 待整改, the day after it is 逾期.
    env.clock.set(new Date(Date.parse(`${inDays(2)}T23:59:00+08:00`)));
    await signInAll();
    expect(names(await list('admin', 'state=overdue'))).toEqual([]);
    env.clock.set(new Date(base.getTime() + 3 * day));
    await signInAll();
    expect(names(await list('admin', 'state=overdue'))).toEqual(['v2']);
    expect(names(await list('admin', 'state=pending'))).toEqual(['v1']);
    const { items } = await list('chengdu');
    expect(items.find((v) => v.id === ids.v2)?.state).toBe('overdue');
    expect(items.find((v) => v.id === ids.v4)?.state).toBe('accepted');
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/violations/${ids.v2}`,
      headers: as(sessions.admin),
    });
    expect(detail.json()).toMatchObject({ status: 'pending', state: 'overdue', actions: ['rectify'] });
  });
});
