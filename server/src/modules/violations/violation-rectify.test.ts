import {
  canTransition,
  rectifierRoles,
  type ViolationAction,
  violationStatuses,
  violationWorkflow,
} from '@eco/contracts';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser, type buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildViolation, uploadEvidence } from '../../../test/violation-factory.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { notifications } from '../notifications/notifications.tables.ts';
import { violations } from './violations.tables.ts';

let env: TestEnv;
let agencyId: string;
let admin: { id: string; session: Session };
let registrar: { id: string; session: Session };
let adminB: Session;
let chengdu: { id: string; session: Session };
let province: { id: string; session: Session };
let deyang: { id: string; session: Session };

beforeAll(async () => {
  env = await createTestEnv();
  const mk = (input: Parameters<typeof buildUser>[1]) => buildSignedInUser(env, input);
  agencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  admin = await mk({ role: 'agency_admin', agencyId });
  registrar = await mk({ role: 'agency_registrar', agencyId });
  const agencyB = await buildAgency(env.platform, { regionCode: '510104' });
  adminB = (await mk({ role: 'agency_admin', agencyId: agencyB.id })).session;
  chengdu = await mk({ role: 'regulator', regionCode: '510100' });
  province = await mk({ role: 'regulator', regionCode: '510000' });
  deyang = await mk({ role: 'regulator', regionCode: '510600' });
});
afterAll(() => env.close());

const post = (s: Session, url: string, body?: object) =>
  env.app.inject({ method: 'POST', url, headers: as(s), payload: body ?? {} });
const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) });
const description = '已按鉴别方案重新布设采样点位并补充采样，附现场照片与补充说明';
const act = (s: Session, id: string, action: ViolationAction, reason = '补充采样记录不完整，缺少采样时间') =>
  post(
    s,
    `/api/v1/violations/${id}/${action}`,
    action === 'rectify' ? { description } : action === 'reject' ? { reason } : undefined,
  );

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await env.platform.db.select().from(violations).where(eq(violations.id, id));
  return row?.status;
}

/** A violation in `status`; a 待整改 one already has its evidence uploaded. */
async function violationIn(status: (typeof violationStatuses)[number], regionCode = '510104') {
  const v = await buildViolation(env, {
    agencyId,
    issuedBy: chengdu.id,
    status,
    regionCode,
    submittedBy: admin.id,
  });
  if (status === 'pending')
    expect((await uploadEvidence(env, admin.session, { violationId: v.id })).statusCode).toBe(201);
  return v;
}

async function sentFor(dedupeKey: string) {
  return env.platform.db.select().from(notifications).where(eq(notifications.dedupeKey, dedupeKey));
}

describe('the workflow table decides', () => {
  it('every action answers 200 exactly where violationWorkflow allows it, else 403 (role) or 409 (status)', async () => {
    const callers = [
      { session: () => admin.session, role: 'agency_admin' },
      { session: () => registrar.session, role: 'agency_registrar' },
      { session: () => chengdu.session, role: 'regulator' },
    ] as const;
    const allowed: string[] = [];
    for (const status of violationStatuses) {
      for (const action of Object.keys(violationWorkflow) as ViolationAction[]) {
        for (const caller of callers) {
          const v = await violationIn(status);
          const res = await act(caller.session(), v.id, action);
          const label = `${caller.role} ${action} from ${status}`;
          if (canTransition(violationWorkflow, action, status, caller.role)) {
            allowed.push(label);
            expect(res.statusCode, label).toBe(200);
            expect(res.json().status, label).toBe(violationWorkflow[action].to);
          } else {
            const byRole = (violationWorkflow[action].by as readonly string[]).includes(caller.role);
            expect(res.statusCode, label).toBe(byRole ? 409 : 403);
            expect(await statusOf(v.id), label).toBe(status);
          }
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        ...rectifierRoles.map((r) => `${r} rectify from pending`),
        'regulator accept from submitted',
        'regulator reject from submitted',
      ].sort(),
    );
  });

  it('409 names the state: submitting after acceptance', async () => {
    const v = await violationIn('accepted');
    const res = await act(admin.session, v.id, 'rectify');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect(res.json().detail).toContain('当前状态为「已整改」，不能整改');
  });
});

describe('refusals', () => {
  it('401 without a session', async () => {
    const v = await violationIn('pending');
    for (const action of ['rectify', 'accept', 'reject']) {
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/v1/violations/${v.id}/${action}`,
        payload: {},
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('another agency rectifying is 404; a regulator of another 市州 deciding is 404', async () => {
    const pending = await violationIn('pending');
    expect((await act(adminB, pending.id, 'rectify')).statusCode).toBe(404);
    const submitted = await violationIn('submitted');
    expect((await act(deyang.session, submitted.id, 'accept')).statusCode).toBe(404);
    expect((await act(deyang.session, submitted.id, 'reject')).statusCode).toBe(404);
    expect(await statusOf(submitted.id)).toBe('submitted');
    expect((await act(admin.session, crypto.randomUUID(), 'rectify')).statusCode).toBe(404);
  });

  it('400: rectify without evidence or with a short description, reject without a reason', async () => {
    const bare = await buildViolation(env, { agencyId, issuedBy: chengdu.id });
    const noEvidence = await act(admin.session, bare.id, 'rectify');
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors).toEqual([{ field: 'evidence', message: '请上传整改佐证材料' }]);
    const short = await post(admin.session, `/api/v1/violations/${bare.id}/rectify`, { description: '已改' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('description');

    const submitted = await violationIn('submitted');
    for (const body of [{}, { reason: ' ' }]) {
      const res = await post(chengdu.session, `/api/v1/violations/${submitted.id}/reject`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('reason');
    }
    expect(await statusOf(submitted.id)).toBe('submitted');
  });

  it('two regulators deciding at once: one wins, the other gets 409', async () => {
    const v = await violationIn('submitted');
    const results = await Promise.all([
      act(chengdu.session, v.id, 'accept'),
      act(province.session, v.id, 'reject'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('two rounds: reject, resubmit, accept', () => {
  it('keeps every round with its own evidence and decision, and notifies each side', async () => {
    const v = await buildViolation(env, { agencyId, issuedBy: chengdu.id, regionCode: '510104' });
    const first = await uploadEvidence(env, admin.session, { violationId: v.id, fileName: '第一轮佐证.pdf' });
    expect(first.statusCode).toBe(201);

    const r1 = await act(admin.session, v.id, 'rectify');
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({
      status: 'submitted',
      state: 'submitted',
      roundCount: 1,
      pendingEvidence: [],
    });
    expect(r1.json().rounds[0]).toMatchObject({ round: 1, description, decision: null });
    expect(r1.json().rounds[0].attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      '第一轮佐证.pdf',
    ]);
    const submitted = await sentFor(`violation:${v.id}:round:1:submitted`);
    expect(submitted.map((n) => n.userId).sort()).toEqual([chengdu.id, province.id].sort());
    expect(submitted[0]).toMatchObject({ kind: 'rectification_submitted', link: `/violations/${v.id}` });

    // Submitted evidence is the round's now: no longer deletable by the agency.
    const del = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${first.json().id}`,
      headers: as(admin.session),
    });
    expect(del.statusCode).toBe(403);
    expect((await get(chengdu.session, `/api/v1/attachments/${first.json().id}/download`)).statusCode).toBe(
      200,
    );
    expect((await get(adminB, `/api/v1/attachments/${first.json().id}/download`)).statusCode).toBe(404);

    const rejected = await act(chengdu.session, v.id, 'reject', '补充采样记录缺少采样时间');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'pending', actions: [] });
    expect(rejected.json().rounds[0]).toMatchObject({
      decision: 'rejected',
      reason: '补充采样记录缺少采样时间',
      decidedByName: expect.stringMatching(/^测试用户/),
    });
    const decided1 = await sentFor(`violation:${v.id}:round:1:decided`);
    expect(decided1.map((n) => n.userId).sort()).toEqual([admin.id, registrar.id].sort());
    expect(decided1[0]).toMatchObject({ kind: 'rectification_decided', title: '整改审核结果' });
    expect(decided1[0]?.body).toContain('补充采样记录缺少采样时间');

    expect((await get(admin.session, `/api/v1/violations/${v.id}`)).json().actions).toEqual(['rectify']);
    expect((await act(registrar.session, v.id, 'rectify')).statusCode).toBe(400);
    const second = await uploadEvidence(env, registrar.session, {
      violationId: v.id,
      fileName: '第二轮佐证.pdf',
    });
    expect(second.statusCode).toBe(201);
    const pending = (await get(admin.session, `/api/v1/violations/${v.id}`)).json();
    expect(pending.pendingEvidence.map((a: { fileName: string }) => a.fileName)).toEqual(['第二轮佐证.pdf']);
    expect((await act(registrar.session, v.id, 'rectify')).statusCode).toBe(200);

    const accepted = await act(province.session, v.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    const detail = accepted.json();
    expect(detail).toMatchObject({ status: 'accepted', state: 'accepted', roundCount: 2, actions: [] });
    expect(detail.closedAt).not.toBeNull();
    expect(
      detail.rounds.map(
        (r: { round: number; decision: string; attachments: Array<{ fileName: string }> }) => [
          r.round,
          r.decision,
          r.attachments.map((a) => a.fileName),
        ],
      ),
    ).toEqual([
      [1, 'rejected', ['第一轮佐证.pdf']],
      [2, 'accepted', ['第二轮佐证.pdf']],
    ]);
    const decided2 = await sentFor(`violation:${v.id}:round:2:decided`);
    expect(decided2.map((n) => n.userId).sort()).toEqual([admin.id, registrar.id].sort());
    expect(decided2[0]?.body).toContain('整改已通过');

    const audit = await env.platform.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, v.id), like(auditLog.action, 'violation.%')))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual([
      'violation.rectification_submitted',
      'violation.rectification_rejected',
      'violation.rectification_submitted',
      'violation.rectification_accepted',
    ]);
    expect((await act(admin.session, v.id, 'rectify')).statusCode).toBe(409);
    expect((await uploadEvidence(env, admin.session, { violationId: v.id })).statusCode).toBe(403);
  });
});
