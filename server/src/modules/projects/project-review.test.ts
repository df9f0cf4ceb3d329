import {
  canTransition,
  type ProjectAction,
  type ProjectStatus,
  projectStatuses,
  projectWorkflow,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser, type buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject, buildReport, uploadReport } from '../../../test/project-factory.ts';
import { projects } from './projects.tables.ts';

let env: TestEnv;
let chengduId: string;
let deyangId: string;
let adminUserId: string;
let deyangUserId: string;
let admin: Session;
let registrar: Session;
let mianyangAdmin: Session;
let cityRegulator: Session;
let provinceRegulator: Session;
let mianyangRegulator: Session;
let deyangRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  chengduId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  const mianyangId = (await buildAgency(env.platform, { regionCode: '510703' })).id;
  deyangId = (await buildAgency(env.platform, { regionCode: '510603' })).id;
  const mk = (input: Parameters<typeof buildUser>[1]) => buildSignedInUser(env, input);
  const a = await mk({ role: 'agency_admin', agencyId: chengduId });
  adminUserId = a.id;
  admin = a.session;
  registrar = (await mk({ role: 'agency_registrar', agencyId: chengduId })).session;
  mianyangAdmin = (await mk({ role: 'agency_admin', agencyId: mianyangId })).session;
  deyangUserId = (await mk({ role: 'agency_admin', agencyId: deyangId })).id;
  cityRegulator = (await mk({ role: 'regulator', regionCode: '510100' })).session;
  provinceRegulator = (await mk({ role: 'regulator', regionCode: '510000' })).session;
  mianyangRegulator = (await mk({ role: 'regulator', regionCode: '510700' })).session;
  deyangRegulator = (await mk({ role: 'regulator', regionCode: '510600' })).session;
});
afterAll(() => env.close());

const post = (s: Session, url: string, body?: object) =>
  env.app.inject({ method: 'POST', url, headers: as(s), ...(body ? { payload: body } : {}) });
const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) });
const act = (
  s: Session,
  id: string,
  action: ProjectAction,
  reason = '鉴别报告结论依据不足，请补充检测数据',
) => post(s, `/api/v1/projects/${id}/${action}`, action === 'return' ? { reason } : undefined);

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await env.platform.db.select().from(projects).where(eq(projects.id, id));
  return row?.status;
}

/** A 成都 project in `status` with both reports its 监测类型 requires. */
async function readyProject(status: ProjectStatus = 'in_progress') {
  const project = await buildProject(env.platform.db, {
    agencyId: chengduId,
    createdBy: adminUserId,
    status,
  });
  for (const category of ['identification_plan', 'identification_report']) {
    await buildReport(env.platform.db, { project, category, uploadedBy: adminUserId });
  }
  return project;
}

let numberSeq = 0;
const nextNumber = () => `SCJB-2026-${String(++numberSeq).padStart(4, '0')}`;

describe('the workflow table decides', () => {
  it('every action answers 200 exactly where projectWorkflow allows it, else 403 (role) or 409 (status)', async () => {
    const callers = [
      { session: () => admin, role: 'agency_admin' },
      { session: () => registrar, role: 'agency_registrar' },
      { session: () => cityRegulator, role: 'regulator' },
    ] as const;
    const allowed: string[] = [];
    for (const status of projectStatuses) {
      for (const action of Object.keys(projectWorkflow) as ProjectAction[]) {
        for (const caller of callers) {
          const project = await readyProject(status);
          const res = await act(caller.session(), project.id, action);
          const label = `${caller.role} ${action} from ${status}`;
          if (canTransition(projectWorkflow, action, status, caller.role)) {
            allowed.push(label);
            expect(res.statusCode, label).toBe(200);
            expect(res.json().status, label).toBe(projectWorkflow[action].to);
          } else {
            const byRole = (projectWorkflow[action].by as readonly string[]).includes(caller.role);
            expect(res.statusCode, label).toBe(byRole ? 409 : 403);
            expect(await statusOf(project.id), label).toBe(status);
          }
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'agency_admin submit from in_progress',
        'agency_registrar submit from in_progress',
        'agency_admin resubmit from returned',
        'agency_registrar resubmit from returned',
        'regulator approve from submitted',
        'regulator return from submitted',
      ].sort(),
    );
  });

  it('two regulators deciding at once: one wins, the other gets 409', async () => {
    const project = await readyProject('submitted');
    const results = await Promise.all([
      act(cityRegulator, project.id, 'approve'),
      act(provinceRegulator, project.id, 'return'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('提交', () => {
  it('without the required reports: 400 naming each missing one, status unchanged', async () => {
    const project = await buildProject(env.platform.db, { agencyId: chengduId, createdBy: adminUserId });
    const none = await act(registrar, project.id, 'submit');
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('提交前请上传危废鉴别方案、危废鉴别报告');
    expect(none.json().errors).toEqual([
      { field: 'reports.identification_plan', message: '请上传危废鉴别方案' },
      { field: 'reports.identification_report', message: '请上传危废鉴别报告' },
    ]);
    await uploadReport(env, admin, project.id, {
      category: 'identification_plan',
      reportNumber: nextNumber(),
    });
    const one = await act(registrar, project.id, 'submit');
    expect(one.json().errors).toEqual([
      { field: 'reports.identification_report', message: '请上传危废鉴别报告' },
    ]);
    expect(await statusOf(project.id)).toBe('in_progress');
  });

  it('other monitoring types need their 监测报告', async () => {
    const project = await buildProject(env.platform.db, {
      agencyId: chengduId,
      createdBy: adminUserId,
      monitoringType: 'wastewater',
      name: '某污水处理厂出水水质监测',
    });
    const res = await act(admin, project.id, 'submit');
    expect(res.json().errors).toEqual([{ field: 'reports.monitoring_report', message: '请上传监测报告' }]);
    await uploadReport(env, admin, project.id, { category: 'monitoring_report', reportNumber: nextNumber() });
    expect((await act(admin, project.id, 'submit')).json().status).toBe('submitted');
  });

  it('another agency’s project is 404; a regulator may not submit (403)', async () => {
    const project = await readyProject();
    expect((await act(mianyangAdmin, project.id, 'submit')).statusCode).toBe(404);
    expect((await act(cityRegulator, project.id, 'submit')).statusCode).toBe(403);
    expect((await act(admin, '00000000-0000-4000-8000-000000000000', 'submit')).statusCode).toBe(404);
  });
});

describe('审核', () => {
  it('a regulator outside the project’s region gets 404; the city and the province may decide', async () => {
    const first = await readyProject('submitted');
    expect((await act(mianyangRegulator, first.id, 'approve')).statusCode).toBe(404);
    expect((await act(mianyangRegulator, first.id, 'return')).statusCode).toBe(404);
    expect((await act(deyangRegulator, first.id, 'approve')).statusCode).toBe(404);
    expect(await statusOf(first.id)).toBe('submitted');
    const approved = await act(cityRegulator, first.id, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', actions: [] });
    expect(approved.json().reviewedAt).not.toBeNull();
    const second = await readyProject('submitted');
    expect((await act(provinceRegulator, second.id, 'approve')).statusCode).toBe(200);
  });

  it('退回 needs a reason', async () => {
    const project = await readyProject('submitted');
    for (const body of [{}, { reason: '' }, { reason: ' 不 ' }]) {
      const res = await post(cityRegulator, `/api/v1/projects/${project.id}/return`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('reason');
    }
    expect(await statusOf(project.id)).toBe('submitted');
  });
});

describe('提交 → 退回 → 删除并重新上传 → 再提交 → 审核通过', () => {
  it('walks the whole cycle with history and audit at each step', async () => {
    const project = await buildProject(env.platform.db, { agencyId: chengduId, createdBy: adminUserId });
    const planNumber = nextNumber();
    const plan = (
      await uploadReport(env, registrar, project.id, {
        category: 'identification_plan',
        reportNumber: planNumber,
      })
    ).json();
    await uploadReport(env, registrar, project.id, {
      category: 'identification_report',
      reportNumber: nextNumber(),
    });

    const submitted = await act(registrar, project.id, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', actions: [], canEditReports: false });
    expect(submitted.json().submittedAt).not.toBeNull();
    expect((await act(registrar, project.id, 'submit')).statusCode).toBe(409);
    const lateUpload = await uploadReport(env, admin, project.id, {
      category: 'identification_plan',
      reportNumber: nextNumber(),
    });
    expect(lateUpload.statusCode).toBe(409);
    const lateDelete = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/projects/${project.id}/reports/${plan.id}`,
      headers: as(admin),
    });
    expect(lateDelete.statusCode).toBe(409);
    expect((await act(admin, project.id, 'approve')).statusCode).toBe(403);

    const reason = '危废鉴别方案采样点位不足，请补充后重新上传';
    const returned = await act(cityRegulator, project.id, 'return', reason);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: reason });

    const seen = await get(admin, `/api/v1/projects/${project.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'returned',
      returnReason: reason,
      actions: ['resubmit'],
      canEditReports: true,
    });
    const deleted = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/projects/${project.id}/reports/${plan.id}`,
      headers: as(registrar),
    });
    expect(deleted.statusCode).toBe(204);
    expect((await act(registrar, project.id, 'resubmit')).json().errors).toEqual([
      { field: 'reports.identification_plan', message: '请上传危废鉴别方案' },
    ]);
    const reuploaded = await uploadReport(env, registrar, project.id, {
      category: 'identification_plan',
      reportNumber: planNumber,
      fileName: '危废鉴别方案（修订版）.pdf',
    });
    expect(reuploaded.statusCode).toBe(201);

    const resubmitted = await act(registrar, project.id, 'resubmit');
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });
    const approved = await act(provinceRegulator, project.id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect((await act(cityRegulator, project.id, 'approve')).statusCode).toBe(409);
    expect((await act(cityRegulator, project.id, 'return')).statusCode).toBe(409);

    const detail = (await get(admin, `/api/v1/projects/${project.id}`)).json();
    expect(
      detail.reviews.map((r: { action: string; reason: string | null }) => [r.action, r.reason]),
    ).toEqual([
      ['submitted', null],
      ['returned', reason],
      ['resubmitted', null],
      ['approved', null],
    ]);
    expect(
      detail.reports.find((s: { category: string }) => s.category === 'identification_plan').report,
    ).toMatchObject({
      reportNumber: planNumber,
      fileName: '危废鉴别方案（修订版）.pdf',
    });

    const audit = (await get(provinceRegulator, `/api/v1/audit?targetId=${project.id}&pageSize=50`)).json();
    expect(audit.items.map((r: { action: string }) => r.action).reverse()).toEqual([
      'project.report_uploaded',
      'project.report_uploaded',
      'project.submitted',
      'project.returned',
      'project.report_deleted',
      'project.report_uploaded',
      'project.resubmitted',
      'project.approved',
    ]);
    expect(audit.items.find((r: { action: string }) => r.action === 'project.returned')).toMatchObject({
      before: { status: 'submitted' },
      after: { status: 'returned', returnReason: reason },
    });
  });
});

describe('待审核项目', () => {
  it('lists only submitted projects of the regulator’s region, oldest submission first, with a count', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000);
    const deyang = (status: ProjectStatus, name: string, submittedAt?: Date, regionCode = '510603') =>
      buildProject(env.platform.db, {
        agencyId: deyangId,
        createdBy: deyangUserId,
        regionCode,
        status,
        name,
        ...(submittedAt ? { submittedAt } : {}),
      });
    const newer = await deyang('submitted', '德阳某磷化工废渣鉴别（后提交）', at(1));
    const older = await deyang('submitted', '德阳某电镀污泥鉴别（先提交）', at(5));
    const middle = await deyang('submitted', '德阳某冶炼废渣鉴别', at(3));
    const otherCounty = await deyang('submitted', '广汉某化工废盐鉴别', at(2), '510681');
    await deyang('in_progress', '德阳未提交项目');
    await deyang('returned', '德阳退回项目', at(10));
    await deyang('approved', '德阳已通过项目', at(12));

    const queue = await get(deyangRegulator, '/api/v1/project-reviews');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((p: { id: string }) => p.id)).toEqual([
      older.id,
      middle.id,
      otherCounty.id,
      newer.id,
    ]);
    expect(queue.json()).toMatchObject({ total: 4, page: 1 });
    expect(queue.json().items[0]).toMatchObject({ status: 'submitted', agencyId: deyangId });
    expect((await get(deyangRegulator, '/api/v1/project-reviews/count')).json()).toEqual({ count: 4 });

    const ids = async (s: Session, query: string) =>
      (await get(s, `/api/v1/project-reviews?${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids(deyangRegulator, `name=${encodeURIComponent('电镀')}`)).toEqual([older.id]);
    expect(await ids(deyangRegulator, 'regionCode=510681')).toEqual([otherCounty.id]);
    expect(await ids(deyangRegulator, 'pageSize=2&page=2')).toEqual([otherCounty.id, newer.id]);
    expect(await ids(provinceRegulator, `agencyId=${deyangId}`)).toEqual([
      older.id,
      middle.id,
      otherCounty.id,
      newer.id,
    ]);
    expect(await ids(mianyangRegulator, 'regionCode=510603')).toEqual([]);
    expect(await ids(cityRegulator, `agencyId=${deyangId}`)).toEqual([]);

    await act(deyangRegulator, older.id, 'approve');
    expect((await get(deyangRegulator, '/api/v1/project-reviews/count')).json()).toEqual({ count: 3 });
  });

  it('a project submitted through the API joins the end of its region’s queue', async () => {
    const project = await readyProject();
    await act(admin, project.id, 'submit');
    const items = (await get(cityRegulator, '/api/v1/project-reviews?pageSize=100')).json().items;
    expect(items.at(-1).id).toBe(project.id);
  });

  it('agencies cannot see the queue (403)', async () => {
    expect((await get(admin, '/api/v1/project-reviews')).statusCode).toBe(403);
    expect((await get(registrar, '/api/v1/project-reviews/count')).statusCode).toBe(403);
  });
});
