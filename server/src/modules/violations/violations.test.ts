import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser, type buildUser } from '../../../test/factories.ts';
import { buildFieldScene, type FieldScene } from '../../../test/field-factory.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { buildViolation, uploadEvidence } from '../../../test/violation-factory.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { notifications } from '../notifications/notifications.tables.ts';
import { shanghaiDate } from '../notifications/notify.ts';
import { users } from '../users/users.tables.ts';

let env: TestEnv;
let scene: FieldScene;
let registrarA: { id: string; session: Session };
let adminB: { id: string; session: Session };
let deyangAgencyId: string;
let deyangProjectId: string;
let otherAgencyProjectId: string;
let province: { id: string; session: Session };
let chengdu: { id: string; session: Session };
let deyang: { id: string; session: Session };

beforeAll(async () => {
  env = await createTestEnv();
  const mk = (input: Parameters<typeof buildUser>[1]) => buildSignedInUser(env, input);
  scene = await buildFieldScene(env, { regionCode: '510104' });
  registrarA = await mk({ role: 'agency_registrar', agencyId: scene.agencyId });
  const agencyB = await buildAgency(env.platform, { regionCode: '510104' });
  adminB = await mk({ role: 'agency_admin', agencyId: agencyB.id });
  otherAgencyProjectId = (await buildProject(env.platform.db, { agencyId: agencyB.id, createdBy: adminB.id }))
    .id;
  const deyangAgency = await buildAgency(env.platform, { regionCode: '510603' });
  deyangAgencyId = deyangAgency.id;
  const deyangAdmin = await mk({ role: 'agency_admin', agencyId: deyangAgencyId });
  deyangProjectId = (
    await buildProject(env.platform.db, {
      agencyId: deyangAgencyId,
      createdBy: deyangAdmin.id,
      regionCode: '510681',
    })
  ).id;
  province = await mk({ role: 'regulator', regionCode: '510000' });
  chengdu = await mk({ role: 'regulator', regionCode: '510100' });
  deyang = await mk({ role: 'regulator', regionCode: '510600' });
});
afterAll(() => env.close());

const today = () => shanghaiDate(env.clock.now());
const inDays = (n: number) => shanghaiDate(env.clock.now(), n);
const issue = (s: Session, body: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url: '/api/v1/violations', headers: as(s), payload: body });
const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) });
const input = (over: Record<string, unknown> = {}) => ({
  agencyId: scene.agencyId,
  projectId: scene.projectId,
  problem: '现场采样点位与鉴别方案不一致，未按方案布设采样点',
  rule: '《危险废物鉴别技术规范》（HJ 298-2019）第5.2条',
  deadline: inDays(10),
  ...over,
});

describe('开具违规: refusals first', () => {
  it('401 without a session, 403 for agency accounts and field staff', async () => {
    const anon = await env.app.inject({ method: 'POST', url: '/api/v1/violations', payload: input() });
    expect(anon.statusCode).toBe(401);
    expect((await issue(scene.admin.session, input())).statusCode).toBe(403);
    expect((await issue(registrarA.session, input())).statusCode).toBe(403);
    expect((await issue(scene.sampler.session, input())).statusCode).toBe(403);
  });

  it('400 in Chinese for a missing problem, a short rule, a bad date and a deadline before today', async () => {
    const bad = await issue(chengdu.session, input({ problem: '', rule: 'x', deadline: '2026-13-40' }));
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['problem', 'rule', 'deadline']));
    const past = await issue(chengdu.session, input({ deadline: inDays(-1) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'deadline', message: '整改期限不能早于今天' }]);
  });

  it('400 on projectId when the project is another agency’s or does not exist', async () => {
    for (const projectId of [otherAgencyProjectId, crypto.randomUUID()]) {
      const res = await issue(chengdu.session, input({ projectId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'projectId', message: '项目不属于该监测机构' }]);
    }
  });

  it('404 for an agency or a project outside the regulator’s region, and for an unknown agency', async () => {
    const agency = await issue(chengdu.session, input({ agencyId: deyangAgencyId, projectId: null }));
    expect(agency.statusCode).toBe(404);
    expect(agency.json().detail).toContain('监测机构');
    const project = await issue(
      chengdu.session,
      input({ agencyId: deyangAgencyId, projectId: deyangProjectId }),
    );
    expect(project.statusCode).toBe(404);
    const unknown = await issue(province.session, input({ agencyId: crypto.randomUUID(), projectId: null }));
    expect(unknown.statusCode).toBe(404);
    const wrongCity = await issue(deyang.session, input());
    expect(wrongCity.statusCode).toBe(404);
  });
});

describe('开具违规', () => {
  it('issues against a project: 201 待整改, region of the site, audit row, agency and field staff notified', async () => {
    const res = await issue(chengdu.session, input({ deadline: today() }));
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      agencyId: scene.agencyId,
      projectId: scene.projectId,
      status: 'pending',
      state: 'pending',
      deadline: today(),
      regionCode: '510104',
      roundCount: 0,
      rounds: [],
      pendingEvidence: [],
      actions: [],
    });
    expect(v.projectNo).toMatch(/^510104-/);
    expect(v.issuedByName).toMatch(/^测试用户/);

    const audit = await env.platform.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'violation.issued'), eq(auditLog.targetId, v.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(chengdu.id);

    const sent = await env.platform.db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `violation:${v.id}:issued`));
    const expected = [
      scene.admin.id,
      registrarA.id,
      scene.sampler.userId,
      scene.courier.userId,
      scene.analyst.userId,
    ];
    expect(sent.map((n) => n.userId).sort()).toEqual(expected.sort());
    for (const n of sent) {
      expect(n).toMatchObject({
        kind: 'violation_issued',
        title: '违规通知',
        link: `/rectifications/${v.id}`,
      });
      expect(n.body).toContain(`（整改期限 ${today()}）`);
    }
    expect(sent.some((n) => n.userId === adminB.id)).toBe(false);
  });

  it('issues against an agency alone: the agency’s region, only its web accounts notified', async () => {
    const res = await issue(province.session, input({ projectId: null }));
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ projectId: null, projectName: null, projectNo: null, regionCode: '510104' });
    const sent = await env.platform.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.dedupeKey, `violation:${v.id}:issued`));
    expect(sent.map((n) => n.userId).sort()).toEqual([scene.admin.id, registrarA.id].sort());
  });

  it('the province issues anywhere; a 市州 regulator where the project is sited, whatever the agency’s region', async () => {
    const res = await issue(
      province.session,
      input({ agencyId: deyangAgencyId, projectId: deyangProjectId }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().regionCode).toBe('510681');
    const city = await issue(deyang.session, input({ agencyId: deyangAgencyId, projectId: deyangProjectId }));
    expect(city.statusCode).toBe(201);
    const [owner] = await env.platform.db.select().from(users).where(eq(users.agencyId, deyangAgencyId));
    const inChengdu = await buildProject(env.platform.db, {
      agencyId: deyangAgencyId,
      createdBy: owner?.id ?? '',
      regionCode: '510107',
    });
    const sited = await issue(chengdu.session, input({ agencyId: deyangAgencyId, projectId: inChengdu.id }));
    expect(sited.statusCode).toBe(201);
    expect(sited.json().regionCode).toBe('510107');
    expect((await get(deyang.session, `/api/v1/violations/${sited.json().id}`)).statusCode).toBe(404);
  });
});

describe('查看', () => {
  it('the agency sees its own, regulators their region; others get 404', async () => {
    const v = await buildViolation(env, { agencyId: scene.agencyId, issuedBy: chengdu.id });
    for (const s of [scene.admin.session, registrarA.session, chengdu.session, province.session]) {
      const res = await get(s, `/api/v1/violations/${v.id}`);
      expect(res.statusCode).toBe(200);
    }
    expect((await get(scene.admin.session, `/api/v1/violations/${v.id}`)).json().actions).toEqual([
      'rectify',
    ]);
    expect((await get(chengdu.session, `/api/v1/violations/${v.id}`)).json().actions).toEqual([]);
    expect((await get(adminB.session, `/api/v1/violations/${v.id}`)).statusCode).toBe(404);
    expect((await get(deyang.session, `/api/v1/violations/${v.id}`)).statusCode).toBe(404);
    expect((await get(scene.sampler.session, `/api/v1/violations/${v.id}`)).statusCode).toBe(403);
    expect((await get(province.session, `/api/v1/violations/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('附件: 违规证据 and 整改佐证材料', () => {
  it('违规证据: the region’s regulators upload until it is closed; the agency reads but cannot upload', async () => {
    const v = await buildViolation(env, { agencyId: scene.agencyId, issuedBy: chengdu.id });
    const up = await uploadEvidence(env, chengdu.session, { violationId: v.id, ownerType: 'violation' });
    expect(up.statusCode).toBe(201);
    const byAgency = await uploadEvidence(env, scene.admin.session, {
      violationId: v.id,
      ownerType: 'violation',
    });
    expect(byAgency.statusCode).toBe(403);
    const byOtherCity = await uploadEvidence(env, deyang.session, {
      violationId: v.id,
      ownerType: 'violation',
    });
    expect(byOtherCity.statusCode).toBe(404);
    const detail = (await get(scene.admin.session, `/api/v1/violations/${v.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
    expect(detail.attachments[0].categoryLabel).toBe('违规证据');
    const file = await get(scene.admin.session, `/api/v1/attachments/${up.json().id}/download`);
    expect(file.statusCode).toBe(200);
    expect((await get(adminB.session, `/api/v1/attachments/${up.json().id}/download`)).statusCode).toBe(404);

    const closed = await buildViolation(env, {
      agencyId: scene.agencyId,
      issuedBy: chengdu.id,
      status: 'accepted',
    });
    const late = await uploadEvidence(env, chengdu.session, {
      violationId: closed.id,
      ownerType: 'violation',
    });
    expect(late.statusCode).toBe(403);
  });

  it('整改佐证材料: the agency’s rectifiers upload while 待整改, never another agency, the regulator or field staff', async () => {
    const v = await buildViolation(env, { agencyId: scene.agencyId, issuedBy: chengdu.id });
    expect((await uploadEvidence(env, registrarA.session, { violationId: v.id })).statusCode).toBe(201);
    expect((await uploadEvidence(env, adminB.session, { violationId: v.id })).statusCode).toBe(404);
    expect((await uploadEvidence(env, chengdu.session, { violationId: v.id })).statusCode).toBe(403);
    expect((await uploadEvidence(env, scene.sampler.session, { violationId: v.id })).statusCode).toBe(404);
    const detail = (await get(chengdu.session, `/api/v1/violations/${v.id}`)).json();
    expect(detail.pendingEvidence.map((a: { categoryLabel: string }) => a.categoryLabel)).toEqual([
      '整改佐证材料',
    ]);

    const submitted = await buildViolation(env, {
      agencyId: scene.agencyId,
      issuedBy: chengdu.id,
      status: 'submitted',
    });
    expect((await uploadEvidence(env, registrarA.session, { violationId: submitted.id })).statusCode).toBe(
      403,
    );
  });
});
