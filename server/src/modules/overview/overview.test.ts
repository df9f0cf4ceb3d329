import type { FlaggedPhoto, Overview, OverviewCount, Page } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser } from '../../../test/factories.ts';
import { buildFieldScene, type FieldScene } from '../../../test/field-factory.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { agencyRevisions } from '../agencies/agency-revisions.tables.ts';
import { buildTask, insertPhoto } from '../field-tasks/field-tasks.fixtures.ts';
import { shanghaiDate } from '../notifications/notify.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { violations } from '../violations/violations.tables.ts';
import { lastMonths } from './overview.service.ts';

let env: TestEnv;
let chengdu: FieldScene;
let mianyang: FieldScene;
let cityRegulator: Session;
let provinceRegulator: Session;
let countyRegulator: Session;

const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) });

async function overviewOf(s: Session): Promise<Overview> {
  const res = await get(s, '/api/v1/overview');
  expect(res.statusCode).toBe(200);
  return res.json() as Overview;
}

/** The non-zero counts of a figure, by key. */
function counted(rows: OverviewCount[]): Record<string, number> {
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
}

async function setCreatedAt(id: string, at: Date) {
  await env.platform.db.update(projects).set({ createdAt: at }).where(eq(projects.id, id));
}

async function buildViolation(scene: FieldScene, regionCode: string, status: string, deadline: string) {
  await env.platform.db.insert(violations).values({
    agencyId: scene.agencyId,
    projectId: scene.projectId,
    regionCode,
    problem: '未按规范采样',
    rule: '《危险废物鉴别技术规范》',
    deadline,
    status,
    issuedBy: scene.admin.id,
    issuedAt: env.clock.now(),
  });
}

beforeAll(async () => {
  env = await createTestEnv();
  const now = env.clock.now();
  const { months, since } = lastMonths(shanghaiDate(now), 12);
  // 成都市: the scene's agency (锦江区, 3 approved staff, one 未完成 危险废物鉴别 project) and more.
  chengdu = await buildFieldScene(env, { regionCode: '510104' });
  const qingyang = await buildAgency(env.platform, { regionCode: '510105', status: 'submitted' });
  await env.platform.db.insert(agencyRevisions).values({
    agencyId: qingyang.id,
    status: 'submitted',
    data: {},
    submittedAt: now,
  });
  await buildStaffRecord(env.platform, { agencyId: qingyang.id, status: 'submitted' });
  await buildStaffRecord(env.platform, { agencyId: qingyang.id, status: 'returned' });
  const gone = await buildStaffRecord(env.platform, { agencyId: qingyang.id });
  await env.platform.db.update(personnel).set({ deletedAt: now }).where(eq(personnel.id, gone.id));
  const by = { agencyId: chengdu.agencyId, createdBy: chengdu.admin.id };
  await buildProject(env.platform.db, {
    ...by,
    regionCode: '510105',
    status: 'submitted',
    monitoringType: 'wastewater',
  });
  const approved = await buildProject(env.platform.db, {
    ...by,
    status: 'approved',
    monitoringType: 'wastewater',
  });
  await setCreatedAt(approved.id, new Date(`${months[8]}-15T12:00:00+08:00`));
  const old = await buildProject(env.platform.db, { ...by, status: 'returned' });
  await setCreatedAt(old.id, new Date(since.getTime() - 60 * 86_400_000));
  const deleted = await buildProject(env.platform.db, { ...by, regionCode: '510105' });
  await env.platform.db.update(projects).set({ deletedAt: now }).where(eq(projects.id, deleted.id));

  // 绵阳市: another scene (3 staff, one 未完成 project) and a submitted 废气 project.
  mianyang = await buildFieldScene(env, { regionCode: '510703' });
  await buildProject(env.platform.db, {
    agencyId: mianyang.agencyId,
    createdBy: mianyang.admin.id,
    regionCode: '510703',
    status: 'submitted',
    monitoringType: 'organized_gas',
  });

  const yesterday = shanghaiDate(now, -1);
  const later = shanghaiDate(now, 10);
  await buildViolation(chengdu, '510104', 'pending', yesterday);
  await buildViolation(chengdu, '510105', 'pending', later);
  await buildViolation(chengdu, '510104', 'submitted', yesterday);
  await buildViolation(chengdu, '510104', 'accepted', yesterday);
  await buildViolation(mianyang, '510703', 'pending', yesterday);

  const minute = 60_000;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * minute);
  const task = await buildTask(env, chengdu);
  const photo = { taskId: task, photoType: 'sampling_work', by: chengdu.sampler };
  await insertPhoto(env, chengdu, { ...photo, flags: ['far_from_site'], capturedAt: at(30) });
  await insertPhoto(env, chengdu, {
    ...photo,
    flags: ['time_mismatch', 'clock_changed'],
    capturedAt: at(20),
  });
  await insertPhoto(env, chengdu, { ...photo, capturedAt: at(10) });
  const second = await buildTask(env, chengdu);
  await insertPhoto(env, chengdu, {
    taskId: second,
    photoType: 'sampling_site',
    by: chengdu.sampler,
    position: null,
    capturedAt: at(5),
  });
  const far = await buildTask(env, mianyang);
  await insertPhoto(env, mianyang, {
    taskId: far,
    photoType: 'sampling_work',
    by: mianyang.sampler,
    flags: ['far_from_site'],
    capturedAt: at(1),
  });

  const mk = (regionCode: string) => buildSignedInUser(env, { role: 'regulator', regionCode });
  cityRegulator = (await mk('510100')).session;
  provinceRegulator = (await mk('510000')).session;
  countyRegulator = (await mk('510104')).session;
});
afterAll(() => env.close());

describe('GET /api/v1/overview', () => {
  it('is for regulators only', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/overview' })).statusCode).toBe(401);
    expect((await get(chengdu.admin.session, '/api/v1/overview')).statusCode).toBe(403);
    expect((await get(chengdu.sampler.session, '/api/v1/overview')).statusCode).toBe(403);
    const sysadmin = await buildSignedInUser(env, { role: 'sysadmin' });
    expect((await get(sysadmin.session, '/api/v1/overview')).statusCode).toBe(403);
  });

  it('a 市州 regulator counts only its own region', async () => {
    const o = await overviewOf(cityRegulator);
    expect(o.regionCode).toBe('510100');
    expect(o.regionName).toBe('成都市');
    expect(o.agencies.total).toBe(2);
    expect(counted(o.agencies.byStatus)).toEqual({ approved: 1, submitted: 1 });
    expect(o.agencies.byStatus.map((r) => r.label)).toEqual(['草稿', '待审核', '审核通过', '退回']);
    expect(o.staff.total).toBe(5);
    expect(counted(o.staff.byStatus)).toEqual({ approved: 3, submitted: 1, returned: 1 });
    expect(o.projects.total).toBe(4);
    expect(counted(o.projects.byStatus)).toEqual({ in_progress: 1, submitted: 1, approved: 1, returned: 1 });
    expect(o.projects.regionLevel).toBe('county');
    expect(counted(o.projects.byRegion)).toEqual({ '510104': 3, '510105': 1 });
    expect(o.projects.byRegion.find((r) => r.key === '510104')?.label).toBe('锦江区');
    expect(o.projects.byRegion.every((r) => r.key.startsWith('5101'))).toBe(true);
    expect(o.projects.byRegion.map((r) => r.label)).not.toContain('市辖区');
    expect(counted(o.projects.byMonitoringType)).toEqual({ hazardous_waste: 2, wastewater: 2 });
    expect(o.projects.byMonitoringType.find((r) => r.key === 'wastewater')?.label).toBe('废水');
    expect(o.projects.byMonth).toHaveLength(12);
    expect(o.projects.byMonth[11]?.count).toBe(2);
    expect(o.projects.byMonth[8]?.count).toBe(1);
    expect(o.projects.byMonth.reduce((n, r) => n + r.count, 0)).toBe(3);
    expect(o.violations).toEqual({ open: 3, pending: 2, overdue: 1, submitted: 1 });
    expect(o.flaggedPhotos).toEqual({ photos: 3, tasks: 2 });
    expect(o.reviews).toEqual({ agencies: 1, personnel: 1, projects: 1, total: 3 });
  });

  it('a province regulator counts the whole province, by 市州', async () => {
    const o = await overviewOf(provinceRegulator);
    expect(o.regionName).toBe('四川省');
    expect(o.agencies.total).toBe(3);
    expect(counted(o.agencies.byStatus)).toEqual({ approved: 2, submitted: 1 });
    expect(o.staff.total).toBe(8);
    expect(o.projects.total).toBe(6);
    expect(counted(o.projects.byStatus)).toEqual({ in_progress: 2, submitted: 2, approved: 1, returned: 1 });
    expect(o.projects.regionLevel).toBe('city');
    expect(counted(o.projects.byRegion)).toEqual({ '510100': 4, '510700': 2 });
    expect(o.projects.byRegion.length).toBeGreaterThanOrEqual(21);
    expect(o.projects.byRegion.find((r) => r.key === '510700')?.label).toBe('绵阳市');
    expect(counted(o.projects.byMonitoringType)).toEqual({
      hazardous_waste: 3,
      wastewater: 2,
      organized_gas: 1,
    });
    expect(o.projects.byMonth.reduce((n, r) => n + r.count, 0)).toBe(5);
    expect(o.violations).toEqual({ open: 4, pending: 3, overdue: 2, submitted: 1 });
    expect(o.flaggedPhotos).toEqual({ photos: 4, tasks: 3 });
    expect(o.reviews).toEqual({ agencies: 1, personnel: 1, projects: 2, total: 4 });
  });

  it('a 区县 regulator sees its own 区县 as the one region', async () => {
    const o = await overviewOf(countyRegulator);
    expect(o.projects.total).toBe(3);
    expect(o.projects.byRegion).toEqual([{ key: '510104', label: '锦江区', count: 3 }]);
    expect(o.violations).toEqual({ open: 2, pending: 1, overdue: 1, submitted: 1 });
  });

  it('each figure opens a list with the same count (查询统计 filters)', async () => {
    const o = await overviewOf(cityRegulator);
    const total = async (query: string) => {
      const res = await get(cityRegulator, `/api/v1/projects?${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as Page<unknown>).total;
    };
    for (const figure of [
      ...o.projects.byStatus.map((r) => ({ query: `status=${r.key}`, count: r.count })),
      ...o.projects.byRegion.map((r) => ({ query: `regionCode=${r.key}`, count: r.count })),
      ...o.projects.byMonitoringType.map((r) => ({ query: `monitoringType=${r.key}`, count: r.count })),
      ...o.projects.byMonth.map((r) => ({ query: `month=${r.key}`, count: r.count })),
    ].filter((f) => f.count > 0)) {
      expect(await total(figure.query), figure.query).toBe(figure.count);
    }
    expect(await total('monitoringType=wastewater&status=approved')).toBe(1);
    expect((await get(cityRegulator, '/api/v1/projects?month=2026-13')).statusCode).toBe(400);
  });

  it('counts the last 12 months in China time', () => {
    expect(lastMonths('2026-03-31', 12).months).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(lastMonths('2026-01-05', 2).since.toISOString()).toBe('2025-11-30T16:00:00.000Z');
  });
});

describe('GET /api/v1/field-photos/flagged', () => {
  const list = async (s: Session, query = '') => {
    const res = await get(s, `/api/v1/field-photos/flagged${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Page<FlaggedPhoto>;
  };

  it('is for regulators only and checks the flag', async () => {
    expect((await get(chengdu.admin.session, '/api/v1/field-photos/flagged')).statusCode).toBe(403);
    expect((await get(cityRegulator, '/api/v1/field-photos/flagged?flag=nonsense')).statusCode).toBe(400);
  });

  it('lists the region’s flagged photos, newest first, with their project', async () => {
    const page = await list(cityRegulator);
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.flags)).toEqual([
      ['no_position'],
      ['time_mismatch', 'clock_changed'],
      ['far_from_site'],
    ]);
    const [first] = page.items;
    expect(first?.projectId).toBe(chengdu.projectId);
    expect(first?.photoTypeLabel).toBe('采样点现场照片');
    expect(first?.stage).toBe('sampling');
    expect(first?.takenByName).toBe('王强');
    expect(first?.distanceM).toBeNull();
    expect(first?.agencyName).toMatch(/^测试检测机构/);
    expect(first?.projectNo).toMatch(/^510104-/);
  });

  it('is scoped to the region, filters by flag and pages', async () => {
    expect((await list(provinceRegulator)).total).toBe(4);
    const far = await list(provinceRegulator, '?flag=far_from_site');
    expect(far.items.map((p) => p.projectId)).toEqual([mianyang.projectId, chengdu.projectId]);
    expect((await list(cityRegulator, '?flag=far_from_site')).total).toBe(1);
    const second = await list(provinceRegulator, '?page=2&pageSize=3');
    expect(second.total).toBe(4);
    expect(second.items).toHaveLength(1);
  });
});
