import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { buildViolation } from '../../../test/violation-factory.ts';
import type { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projects } from '../projects/projects.tables.ts';

let env: TestEnv;
let approved: typeof agencies.$inferSelect;
let editing: typeof agencies.$inferSelect;
let draft: typeof agencies.$inferSelect;
let firstSubmission: typeof agencies.$inferSelect;

beforeAll(async () => {
  env = await createTestEnv({ PUBLIC_MIN_RESPONSE_MS: '0' });
  approved = await buildAgency(env.platform, {
    name: '四川蜀环检测技术有限公司',
    regionCode: '510104',
    industryCategories: ['hazardous_waste_identification', 'environmental_monitoring'],
    officeAddress: '成都市锦江区东大街100号',
    registeredAddress: '成都市锦江区红星路1号',
    cmaNumber: '192312050123',
    cmaValidFrom: '2024-01-01',
    cmaValidTo: '2030-12-31',
    legalRepresentative: '张法人',
    contactPerson: '李联系',
    contactPhone: '13800138000',
    email: 'contact@shuhuan.example',
    approvedAt: new Date(),
  });
  // Approved once, now editing its profile: the approved values stay in force and public.
  editing = await buildAgency(env.platform, {
    name: '绵阳市科环环境检测有限公司',
    regionCode: '510703',
    status: 'submitted',
    approvedAt: new Date(),
  });
  draft = await buildAgency(env.platform, { name: '成都草稿环境检测有限公司', status: 'draft' });
  firstSubmission = await buildAgency(env.platform, {
    name: '成都待审环境检测有限公司',
    status: 'submitted',
  });
  await buildAgency(env.platform, { name: '成都退回环境检测有限公司', status: 'returned' });
});
afterAll(() => env.close());

let ipSeq = 0;
const get = (url: string) => env.app.inject({ method: 'GET', url, remoteAddress: `10.60.0.${++ipSeq}` });

describe('GET /api/v1/public/agencies (监测机构查询)', () => {
  it('lists approved agencies only, with region names and industry labels', async () => {
    const res = await get('/api/v1/public/agencies');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((a: { id: string }) => a.id).sort()).toEqual([approved.id, editing.id].sort());
    expect(body.total).toBe(2);
    expect(body.items.find((a: { id: string }) => a.id === approved.id)).toEqual({
      id: approved.id,
      name: '四川蜀环检测技术有限公司',
      regionCode: '510104',
      regionName: '锦江区',
      industryCategories: ['危险废物鉴别机构', '生态环境监测机构'],
      cmaValidFrom: '2024-01-01',
      cmaValidTo: '2030-12-31',
    });
  });

  it('finds by part of the name; % and _ are plain characters', async () => {
    const byPart = await get(`/api/v1/public/agencies?name=${encodeURIComponent('蜀环')}`);
    expect(byPart.json().items.map((a: { id: string }) => a.id)).toEqual([approved.id]);
    const draftName = await get(`/api/v1/public/agencies?name=${encodeURIComponent('草稿')}`);
    expect(draftName.json()).toMatchObject({ items: [], total: 0 });
    for (const wildcard of ['%', '_', '四川%公司']) {
      const res = await get(`/api/v1/public/agencies?name=${encodeURIComponent(wildcard)}`);
      expect(res.json().total, wildcard).toBe(0);
    }
  });

  it('pages', async () => {
    const res = await get('/api/v1/public/agencies?page=2&pageSize=1');
    expect(res.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(res.json().items).toHaveLength(1);
    expect((await get('/api/v1/public/agencies?pageSize=1000')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/public/agencies/:id (查看)', () => {
  it('shows registration facts and counts of approved staff and completed projects', async () => {
    const agencyId = approved.id;
    const createdBy = (await buildUser(env.platform, { role: 'agency_admin', agencyId })).id;
    await buildStaffRecord(env.platform, { agencyId, status: 'approved' });
    const pending = await buildStaffRecord(env.platform, { agencyId, status: 'submitted' });
    await env.platform.db
      .update(personnel)
      .set({ pendingChanges: { title: 'senior_engineer' } })
      .where(eq(personnel.id, pending.id));
    await buildStaffRecord(env.platform, { agencyId, status: 'draft' });
    const gone = await buildStaffRecord(env.platform, { agencyId, status: 'approved' });
    await env.platform.db.update(personnel).set({ deletedAt: new Date() }).where(eq(personnel.id, gone.id));

    await buildProject(env.platform.db, { agencyId, createdBy, status: 'approved' });
    await buildProject(env.platform.db, { agencyId, createdBy, status: 'approved' });
    await buildProject(env.platform.db, { agencyId, createdBy, status: 'submitted' });
    const deleted = await buildProject(env.platform.db, { agencyId, createdBy, status: 'approved' });
    await env.platform.db.update(projects).set({ deletedAt: new Date() }).where(eq(projects.id, deleted.id));

    const violation = await buildViolation(env, {
      agencyId,
      issuedBy: createdBy,
      problem: '现场采样记录与照片时间不一致',
      deadline: '2099-12-31',
    });

    const res = await get(`/api/v1/public/agencies/${agencyId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: agencyId,
      name: '四川蜀环检测技术有限公司',
      regionCode: '510104',
      regionName: '锦江区',
      industryCategories: ['危险废物鉴别机构', '生态环境监测机构'],
      cmaValidFrom: '2024-01-01',
      cmaValidTo: '2030-12-31',
      creditCode: approved.creditCode,
      address: '成都市锦江区东大街100号',
      cmaNumber: '192312050123',
      approvedStaffCount: 2,
      completedProjectCount: 2,
      violations: [
        {
          id: violation.id,
          issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          problem: '现场采样记录与照片时间不一致',
          outcome: '待整改',
        },
      ],
    });
    for (const secret of ['张法人', '李联系', '13800138000', 'contact@shuhuan.example', '王小军']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('an approved agency editing its profile stays public; one never approved is not found', async () => {
    expect((await get(`/api/v1/public/agencies/${editing.id}`)).statusCode).toBe(200);
    for (const hidden of [draft, firstSubmission]) {
      const res = await get(`/api/v1/public/agencies/${hidden.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('未找到该监测机构');
    }
    expect((await get(`/api/v1/public/agencies/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/v1/public/agencies/not-an-id')).statusCode).toBe(400);
  });
});
