import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser } from '../../../test/factories.ts';
import {
  assignToProject,
  buildFieldPerson,
  buildFieldScene,
  type FieldPerson,
  type FieldScene,
} from '../../../test/field-factory.ts';
import { createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { findBlockingAssignments } from '../personnel/personnel.assignments.ts';
import { personnelApi } from '../personnel/personnel.fixtures.ts';
import { projectAssignments, projectItems, projects } from '../projects/projects.tables.ts';
import { buildTask, fieldApi, insertPhoto } from './field-tasks.fixtures.ts';
import { fieldTaskEvents, fieldTasks } from './field-tasks.tables.ts';

let env: TestEnv;
let api: ReturnType<typeof fieldApi>;
let scene: FieldScene;
let stranger: FieldPerson;
let otherAgencyAdmin: Session;
let otherAgencyStaff: FieldPerson;
let cityRegulator: Session;
let mianyangRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  api = fieldApi(env);
  scene = await buildFieldScene(env);
  stranger = await buildFieldPerson(env, scene.agencyId, ['sampler'], '刘洋');
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  otherAgencyAdmin = (await buildSignedInUser(env, { role: 'agency_admin', agencyId: other.id })).session;
  otherAgencyStaff = await buildFieldPerson(env, other.id, ['sampler'], '孙丽');
  cityRegulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510100' })).session;
  mianyangRegulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510700' })).session;
});
afterAll(() => env.close());

const taskInput = (overrides: { id?: string; itemId?: string; projectId?: string } = {}) => ({
  projectId: scene.projectId,
  itemId: scene.itemId,
  ...overrides,
});

describe('POST /api/v1/field/tasks (添加监测任务)', () => {
  it('401 without a session, 403 for the agency admin and for a courier or analyst', async () => {
    const anonymous = await env.app.inject({ method: 'POST', url: '/api/v1/field/tasks', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect((await api.createTask(scene.admin.session, taskInput())).statusCode).toBe(403);
    for (const person of [scene.courier, scene.analyst]) {
      const res = await api.createTask(person.session, taskInput());
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('只有采样人员可以添加监测任务');
    }
  });

  it('400 for a malformed body and for a point of another project', async () => {
    const bad = await api.post(scene.sampler.session, '/api/v1/field/tasks', { id: 'x', projectId: 'y' });
    expect(bad.statusCode).toBe(400);
    const elsewhere = await buildFieldScene(env);
    const res = await api.createTask(scene.sampler.session, taskInput({ itemId: elsewhere.itemId }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'itemId', message: '监测点位不属于该项目' }]);
  });

  it('404 for staff not assigned to the project and for another agency’s staff', async () => {
    expect((await api.createTask(stranger.session, taskInput())).statusCode).toBe(404);
    expect((await api.createTask(otherAgencyStaff.session, taskInput())).statusCode).toBe(404);
  });

  it('409 on a project already submitted', async () => {
    const submitted = await buildFieldScene(env, { status: 'submitted' });
    const res = await api.createTask(submitted.sampler.session, {
      projectId: submitted.projectId,
      itemId: submitted.itemId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('不能再填报');
  });

  it('201 with the detail: 未开始, the point, the creator, a create event, 开始 for the sampler', async () => {
    const id = randomUUID();
    const res = await api.createTask(scene.sampler.session, { ...taskInput(), id, remark: '上午采样' });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      id,
      status: 'created',
      pointName: '1号废渣堆场',
      createdByName: '王强',
      monitoringTypeLabel: '危险废物鉴别',
      remark: '上午采样',
      myPosts: ['sampler'],
      actions: ['start'],
      allowedPhotoTypes: [],
      photoCount: 0,
      trackPointCount: 0,
    });
    expect(task.photoTypes).toHaveLength(7);
    expect(task.events).toEqual([expect.objectContaining({ action: 'create', toStatus: 'created' })]);
    const audit = await env.platform.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['field_task.created']);
  });

  it('the same request three times is one task with one create event and one audit row', async () => {
    const id = randomUUID();
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await api.createTask(scene.sampler.session, taskInput({ id }))).statusCode);
    expect(codes).toEqual([201, 200, 200]);
    const tasks = await env.platform.db.select().from(fieldTasks).where(eq(fieldTasks.id, id));
    expect(tasks).toHaveLength(1);
    const events = await env.platform.db.select().from(fieldTaskEvents).where(eq(fieldTaskEvents.taskId, id));
    expect(events.map((e) => e.action)).toEqual(['create']);
    const audit = await env.platform.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(asc(auditLog.id));
    expect(audit).toHaveLength(1);
  });

  it('409 when the same id comes for another point or from another person', async () => {
    const id = randomUUID();
    expect((await api.createTask(scene.sampler.session, taskInput({ id }))).statusCode).toBe(201);
    const [item] = await env.platform.db
      .insert(projectItems)
      .values({
        projectId: scene.projectId,
        position: 2,
        pointName: '2号废渣堆场',
        medium: '固体废物',
        factors: '腐蚀性',
        frequency: '1次',
        sampleCount: 2,
      })
      .returning();
    if (!item) throw new Error('item not created');
    const otherPoint = await api.createTask(scene.sampler.session, taskInput({ id, itemId: item.id }));
    expect(otherPoint.statusCode).toBe(409);
    const second = await buildFieldPerson(env, scene.agencyId, ['sampler'], '周敏');
    await assignToProject(env, { ...taskInput(), personnelId: second.personnelId, post: 'sampler' });
    expect((await api.createTask(second.session, taskInput({ id }))).statusCode).toBe(409);
  });
});

describe('GET /api/v1/field/tasks/:id (任务详情)', () => {
  it('401 without a session; 404 for another agency, unassigned staff and a regulator elsewhere', async () => {
    const id = await buildTask(env, scene);
    const url = `/api/v1/field/tasks/${id}`;
    expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const session of [otherAgencyAdmin, otherAgencyStaff.session, stranger.session, mianyangRegulator]) {
      expect((await api.get(session, url)).statusCode).toBe(404);
    }
    expect((await api.get(scene.sampler.session, `/api/v1/field/tasks/${randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('shows photos in capture order with labels and flags; viewers get no buttons', async () => {
    const id = await buildTask(env, scene);
    const now = env.clock.now().getTime();
    await insertPhoto(env, scene, {
      taskId: id,
      photoType: 'sampling_site',
      by: scene.sampler,
      capturedAt: new Date(now + 2000),
      position: null,
    });
    await insertPhoto(env, scene, {
      taskId: id,
      photoType: 'sampling_work',
      by: scene.sampler,
      capturedAt: new Date(now + 1000),
    });
    const url = `/api/v1/field/tasks/${id}`;
    const mine = (await api.get(scene.sampler.session, url)).json();
    expect(mine.photos.map((p: { photoTypeLabel: string }) => p.photoTypeLabel)).toEqual([
      '采样作业照片',
      '采样点现场照片',
    ]);
    expect(mine.photos[0]).toMatchObject({ takenByName: '王强', stage: 'sampling', flags: [] });
    expect(mine).toMatchObject({ photoCount: 2, flaggedPhotoCount: 1, actions: ['pause', 'store'] });
    expect(mine.allowedPhotoTypes).toEqual(['sampling_work', 'sampling_site', 'sample_sealing']);
    const courier = (await api.get(scene.courier.session, url)).json();
    expect(courier).toMatchObject({ myPosts: ['courier'], allowedPhotoTypes: ['delivery', 'handover'] });
    for (const session of [scene.admin.session, cityRegulator]) {
      const res = await api.get(session, url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ myPosts: [], actions: [], allowedPhotoTypes: [], photoCount: 2 });
    }
  });
});

describe('GET /api/v1/projects/:id/field-tasks (办理 / 查看页)', () => {
  it('403 for field staff; 404 for another agency and a regulator elsewhere; the tasks for the rest', async () => {
    const own = await buildFieldScene(env);
    const id = await buildTask(env, own);
    const url = `/api/v1/projects/${own.projectId}/field-tasks`;
    expect((await api.get(own.sampler.session, url)).statusCode).toBe(403);
    expect((await api.get(otherAgencyAdmin, url)).statusCode).toBe(404);
    expect((await api.get(mianyangRegulator, url)).statusCode).toBe(404);
    expect(
      (await api.get(own.admin.session, `/api/v1/projects/${randomUUID()}/field-tasks`)).statusCode,
    ).toBe(404);
    for (const session of [own.admin.session, cityRegulator]) {
      const res = await api.get(session, url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([expect.objectContaining({ id, status: 'running', actions: [] })]);
    }
  });
});

describe('deleting a staff member with an unfinished task', () => {
  it('is refused while a task they created is not 已结束, even after their assignment is gone', async () => {
    const own = await buildFieldScene(env);
    const id = await buildTask(env, own);
    await env.platform.db
      .delete(projectAssignments)
      .where(
        and(
          eq(projectAssignments.projectId, own.projectId),
          eq(projectAssignments.personnelId, own.sampler.personnelId),
        ),
      );
    const [project] = await env.platform.db.select().from(projects).where(eq(projects.id, own.projectId));
    const blocking = await findBlockingAssignments(env.platform.db, own.sampler.personnelId);
    expect(blocking).toEqual([
      { kind: 'field_task', id, label: `监测任务（${project?.name} · 1号废渣堆场）` },
    ]);
    const personnel = personnelApi(env);
    const refused = await personnel.remove(own.admin.session, own.sampler.personnelId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('监测任务（');
    for (const photoType of ['sampling_work', 'sampling_site', 'delivery', 'lab_analysis']) {
      await insertPhoto(env, own, { taskId: id, photoType, by: own.analyst });
    }
    expect((await api.act(own.analyst.session, id, 'end')).statusCode).toBe(200);
    expect(await findBlockingAssignments(env.platform.db, own.sampler.personnelId)).toEqual([]);
    expect((await personnel.remove(own.admin.session, own.sampler.personnelId)).statusCode).toBe(204);
  });
});
