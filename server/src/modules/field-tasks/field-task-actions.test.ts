import { randomUUID } from 'node:crypto';
import {
  assignmentPosts,
  canTakeFieldTaskAction,
  type FieldTaskAction,
  type FieldTaskStatus,
  fieldTaskActions,
  fieldTaskWorkflow,
} from '@eco/contracts';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories.ts';
import { buildFieldPerson, buildFieldScene, type FieldScene } from '../../../test/field-factory.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { buildTask, fieldApi, insertPhoto } from './field-tasks.fixtures.ts';
import { fieldTaskEvents, fieldTasks } from './field-tasks.tables.ts';

let env: TestEnv;
let api: ReturnType<typeof fieldApi>;
let scene: FieldScene;

beforeAll(async () => {
  env = await createTestEnv();
  api = fieldApi(env);
  scene = await buildFieldScene(env);
});
afterAll(() => env.close());

const requiredPhotos = ['sampling_work', 'sampling_site', 'delivery', 'lab_analysis'];

/** A task of the scene put straight into `status` (the table's own moves are tested below). */
async function taskIn(status: FieldTaskStatus, options: { hasAllPhotos?: boolean } = {}): Promise<string> {
  const id = await buildTask(env, scene, { isStarted: false });
  await env.platform.db.update(fieldTasks).set({ status }).where(eq(fieldTasks.id, id));
  if (options.hasAllPhotos) {
    for (const photoType of requiredPhotos)
      await insertPhoto(env, scene, { taskId: id, photoType, by: scene.analyst });
  }
  return id;
}

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await env.platform.db.select().from(fieldTasks).where(eq(fieldTasks.id, id));
  return row?.status;
}

describe('POST /api/v1/field/tasks/:id/actions: who may call', () => {
  it('401 without a session, 403 for the agency admin, 400 for an unknown action', async () => {
    const id = await taskIn('running');
    const url = `/api/v1/field/tasks/${id}/actions`;
    expect((await env.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    expect((await api.act(scene.admin.session, id, 'pause')).statusCode).toBe(403);
    const unknown = await api.post(scene.sampler.session, url, {
      actionId: randomUUID(),
      action: 'finish',
      clock: api.clock(),
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('404 for staff not assigned to the project and for another agency’s staff', async () => {
    const id = await taskIn('running');
    const stranger = await buildFieldPerson(env, scene.agencyId, ['sampler', 'analyst'], '刘洋');
    const other = await buildAgency(env.platform, { regionCode: '510703' });
    const otherStaff = await buildFieldPerson(env, other.id, ['sampler'], '孙丽');
    for (const person of [stranger, otherStaff]) {
      expect((await api.act(person.session, id, 'pause')).statusCode).toBe(404);
    }
    expect(await statusOf(id)).toBe('running');
  });
});

describe('the transition table decides', () => {
  const people = { sampler: () => scene.sampler, courier: () => scene.courier, analyst: () => scene.analyst };

  it('every action × post: 200 exactly where canTakeFieldTaskAction allows it, else 403', async () => {
    const seen: string[] = [];
    for (const action of fieldTaskActions) {
      const from = fieldTaskWorkflow[action].from[0];
      for (const post of assignmentPosts) {
        const id = await taskIn(from, { hasAllPhotos: true });
        const res = await api.act(people[post]().session, id, action);
        const isAllowed = canTakeFieldTaskAction(action, from, [post]);
        expect(res.statusCode, `${post} ${action} from ${from}: ${res.body}`).toBe(isAllowed ? 200 : 403);
        expect(await statusOf(id)).toBe(isAllowed ? fieldTaskWorkflow[action].to : from);
        if (isAllowed) seen.push(`${post}:${action}`);
      }
    }
    expect(seen).toContain('analyst:end');
    expect(seen).not.toContain('courier:end');
  });

  it('names who may: only the analyst ends, the others only 暂存', async () => {
    const id = await taskIn('running', { hasAllPhotos: true });
    const res = await api.act(scene.courier.session, id, 'end');
    expect(res.json().detail).toBe('只有实验室分析人员可以结束任务，采样和送样人员只能暂存');
    const start = await api.act(scene.analyst.session, await taskIn('created'), 'start');
    expect(start.json().detail).toBe('只有采样人员可以开始任务');
  });

  it('409 with the status in Chinese for an action the status does not allow', async () => {
    const cases: [FieldTaskStatus, FieldTaskAction, string][] = [
      ['created', 'pause', '任务当前状态为「未开始」，不能暂停'],
      ['ended', 'resume', '任务当前状态为「已结束」，不能继续'],
      ['stored', 'end', '任务当前状态为「已暂存」，不能结束'],
      ['running', 'start', '任务当前状态为「进行中」，不能开始'],
    ];
    for (const [status, action, message] of cases) {
      const person = action === 'start' ? scene.sampler : scene.analyst;
      const res = await api.act(person.session, await taskIn(status), action);
      expect(res.statusCode, `${action} from ${status}`).toBe(409);
      expect(res.json().detail).toBe(message);
    }
  });

  it('409 on a project no longer open to field work', async () => {
    const own = await buildFieldScene(env);
    const id = await buildTask(env, own);
    await env.platform.db.update(projects).set({ status: 'submitted' }).where(eq(projects.id, own.projectId));
    const res = await api.act(own.sampler.session, id, 'pause');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('不能再填报');
  });
});

describe('结束 needs every required photo', () => {
  it('is refused, naming what is missing, until the lab photos exist; then the analyst ends it', async () => {
    const id = await buildTask(env, scene);
    const missing = await api.act(scene.analyst.session, id, 'end');
    expect(missing.statusCode).toBe(409);
    expect(missing.json().detail).toBe('实验室分析完成后才能结束任务，尚缺：采样作业照片、采样点现场照片');
    for (const photoType of ['sampling_work', 'sampling_site', 'delivery']) {
      await insertPhoto(env, scene, { taskId: id, photoType, by: scene.sampler });
    }
    const noLab = await api.act(scene.analyst.session, id, 'end');
    expect(noLab.statusCode).toBe(409);
    expect(noLab.json().detail).toContain('实验室分析照片');
    await insertPhoto(env, scene, { taskId: id, photoType: 'lab_analysis', by: scene.analyst });
    const ended = await api.act(scene.analyst.session, id, 'end');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', actions: [] });
    expect(ended.json().endedAt).not.toBeNull();
    expect(ended.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'start', 'end']);
    const audit = await env.platform.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['field_task.created', 'field_task.start', 'field_task.end']);
  });
});

describe('retries and races', () => {
  it('the same action id three times is applied once', async () => {
    const id = await buildTask(env, scene);
    const actionId = randomUUID();
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await api.act(scene.courier.session, id, 'pause', actionId)).statusCode);
    expect(codes).toEqual([200, 200, 200]);
    expect(await statusOf(id)).toBe('paused');
    const events = await env.platform.db
      .select()
      .from(fieldTaskEvents)
      .where(eq(fieldTaskEvents.id, actionId));
    expect(events).toHaveLength(1);
  });

  it('an action id already used on another task is a 409', async () => {
    const actionId = randomUUID();
    expect(
      (await api.act(scene.sampler.session, await buildTask(env, scene), 'pause', actionId)).statusCode,
    ).toBe(200);
    const other = await buildTask(env, scene);
    expect((await api.act(scene.sampler.session, other, 'pause', actionId)).statusCode).toBe(409);
    expect(await statusOf(other)).toBe('running');
  });

  it('two different pauses racing on a running task: one 200, one 409', async () => {
    const id = await buildTask(env, scene);
    const results = await Promise.all([
      api.act(scene.sampler.session, id, 'pause'),
      api.act(scene.courier.session, id, 'pause'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await env.platform.db.select().from(fieldTaskEvents).where(eq(fieldTaskEvents.taskId, id));
    expect(events.filter((e) => e.action === 'pause')).toHaveLength(1);
  });

  it('start records the trusted start time; a stored task is picked up again with 继续', async () => {
    const id = await buildTask(env, scene, { isStarted: false });
    const started = await api.act(scene.sampler.session, id, 'start');
    expect(Date.parse(started.json().startedAt)).toBeCloseTo(env.clock.now().getTime(), -3);
    expect((await api.act(scene.sampler.session, id, 'store')).json().status).toBe('stored');
    const resumed = await api.act(scene.courier.session, id, 'resume');
    expect(resumed.json()).toMatchObject({ status: 'running', actions: ['pause', 'store'] });
  });
});
