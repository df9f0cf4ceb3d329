import { randomUUID } from 'node:crypto';
import type { ProjectStatus } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories.ts';
import {
  assignToProject,
  buildFieldPerson,
  buildFieldScene,
  type FieldPerson,
  type FieldScene,
} from '../../../test/field-factory.ts';
import { createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { projectItems, projects } from '../projects/projects.tables.ts';
import { fieldApi, insertPhoto } from './field-tasks.fixtures.ts';

let env: TestEnv;
let api: ReturnType<typeof fieldApi>;
let scene: FieldScene;
/** A sampler and analyst at once, on projects of every kind. */
let person: FieldPerson;
let otherAgencyStaff: FieldPerson;
let seq = 0;

beforeAll(async () => {
  env = await createTestEnv();
  api = fieldApi(env);
  scene = await buildFieldScene(env);
  person = await buildFieldPerson(env, scene.agencyId, ['sampler', 'analyst'], '李华');
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  otherAgencyStaff = await buildFieldPerson(env, other.id, ['sampler'], '孙丽');
});
afterAll(() => env.close());

type Assigned = { projectId: string; itemId: string };

/** A project of the scene's agency with one point, `person` on it as sampler and analyst; each newer than the last. */
async function assignedProject(name: string, status: ProjectStatus = 'in_progress'): Promise<Assigned> {
  const db = env.platform.db;
  const project = await buildProject(db, {
    agencyId: scene.agencyId,
    createdBy: scene.admin.id,
    name,
    status,
  });
  await db
    .update(projects)
    .set({ createdAt: new Date(Date.UTC(2026, 0, 1) + ++seq * 60_000) })
    .where(eq(projects.id, project.id));
  const [item] = await db
    .insert(projectItems)
    .values({
      projectId: project.id,
      position: 1,
      pointName: `${name}1号点`,
      medium: '固体废物',
      factors: '浸出毒性',
      frequency: '1次',
      sampleCount: 1,
    })
    .returning();
  if (!item) throw new Error('item not created');
  for (const post of ['analyst', 'sampler'] as const) {
    await assignToProject(env, {
      projectId: project.id,
      itemId: item.id,
      personnelId: person.personnelId,
      post,
    });
  }
  return { projectId: project.id, itemId: item.id };
}

async function startedTask(on: Assigned): Promise<string> {
  const id = randomUUID();
  expect((await api.createTask(person.session, { id, ...on })).statusCode).toBe(201);
  expect((await api.act(person.session, id, 'start')).statusCode).toBe(200);
  return id;
}

async function endTask(on: Assigned, id: string): Promise<void> {
  const where = { ...scene, projectId: on.projectId };
  for (const photoType of ['sampling_work', 'sampling_site', 'delivery', 'lab_analysis']) {
    await insertPhoto(env, where, { taskId: id, photoType, by: person });
  }
  expect((await api.act(person.session, id, 'end')).statusCode).toBe(200);
}

const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((p) => p.name);
const list = (s: Session, query: string) => api.get(s, `/api/v1/field/projects?${query}`);

describe('GET /api/v1/field/clock and /map-config', () => {
  it('401 without a session; the server time and the tile settings for anyone signed in', async () => {
    for (const url of ['/api/v1/field/clock', '/api/v1/field/map-config']) {
      expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    env.clock.set(new Date('2026-05-04T03:02:01.000Z'));
    const clock = await api.get(scene.sampler.session, '/api/v1/field/clock');
    expect(clock.json()).toEqual({ serverTime: '2026-05-04T03:02:01.000Z' });
    expect(clock.headers['cache-control']).toBe('no-store');
    env.clock.reset();
    const map = await api.get(scene.admin.session, '/api/v1/field/map-config');
    expect(map.json()).toEqual({
      kind: 'none',
      urlTemplate: null,
      subdomains: [],
      crs: 'wgs84',
      attribution: null,
    });
  });
});

describe('在行项目 / 完成项目 and the 首页 counts', () => {
  it('401 without a session, 403 for the agency admin, 400 for an unknown scope', async () => {
    for (const url of ['/api/v1/field/projects', '/api/v1/field/summary']) {
      expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await api.get(scene.admin.session, url)).statusCode).toBe(403);
    }
    expect((await list(person.session, 'scope=all')).statusCode).toBe(400);
  });

  it('splits the assigned projects, newest first, and moves one to 完成 when all its tasks end', async () => {
    await assignedProject('甲厂废渣鉴别');
    const working = await assignedProject('乙厂废渣鉴别');
    await assignedProject('丙厂废渣鉴别', 'submitted');
    const finished = await assignedProject('丁厂废渣鉴别');
    await endTask(finished, await startedTask(finished));
    const gone = await assignedProject('戊厂废渣鉴别');
    await env.platform.db
      .update(projects)
      .set({ deletedAt: new Date() })
      .where(eq(projects.id, gone.projectId));
    await assignedProject('己厂废渣鉴别', 'returned');
    const taskId = await startedTask(working);

    expect(names(await list(person.session, 'scope=active'))).toEqual([
      '己厂废渣鉴别',
      '乙厂废渣鉴别',
      '甲厂废渣鉴别',
    ]);
    expect(names(await list(person.session, 'scope=done'))).toEqual(['丁厂废渣鉴别', '丙厂废渣鉴别']);
    const summary = await api.get(person.session, '/api/v1/field/summary');
    expect(summary.json()).toEqual({ activeProjectCount: 3, doneProjectCount: 2 });

    const active = (await list(person.session, 'scope=active&name=乙厂')).json();
    expect(active.total).toBe(1);
    expect(active.items[0]).toMatchObject({
      id: working.projectId,
      status: 'in_progress',
      monitoringTypeLabel: '危险废物鉴别',
      taskCount: 1,
      endedTaskCount: 0,
      myPosts: ['sampler', 'analyst'],
    });
    await endTask(working, taskId);
    expect(names(await list(person.session, 'scope=active'))).toEqual(['己厂废渣鉴别', '甲厂废渣鉴别']);
    expect(names(await list(person.session, 'scope=done&name=乙厂'))).toEqual(['乙厂废渣鉴别']);
    expect((await api.get(person.session, '/api/v1/field/summary')).json()).toEqual({
      activeProjectCount: 2,
      doneProjectCount: 3,
    });
  });

  it('pages on the server and matches % and _ in a name literally', async () => {
    await assignedProject('庚厂100%达标项目');
    await assignedProject('辛厂100a达标项目');
    expect(names(await list(person.session, 'scope=active&name=100%25'))).toEqual(['庚厂100%达标项目']);
    expect(names(await list(person.session, 'scope=active&name=100_'))).toEqual([]);
    const page = (await list(person.session, 'scope=active&page=2&pageSize=1')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 1, items: [{ name: '庚厂100%达标项目' }] });
    expect(page.total).toBeGreaterThanOrEqual(3);
  });

  it('another agency’s staff sees none of them', async () => {
    const res = await list(otherAgencyStaff.session, 'scope=active');
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/v1/field/projects/:id', () => {
  it('401 without a session, 403 for the agency admin; 404 unless assigned', async () => {
    const url = `/api/v1/field/projects/${scene.projectId}`;
    expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await api.get(scene.admin.session, url)).statusCode).toBe(403);
    expect((await api.get(person.session, url)).statusCode).toBe(404);
    expect((await api.get(otherAgencyStaff.session, url)).statusCode).toBe(404);
    expect((await api.get(scene.sampler.session, `/api/v1/field/projects/${randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('the points and tasks; 添加监测任务 only for a sampler on an open project', async () => {
    const on = await assignedProject('壬厂废渣鉴别');
    const taskId = await startedTask(on);
    const detail = (await api.get(person.session, `/api/v1/field/projects/${on.projectId}`)).json();
    expect(detail).toMatchObject({
      name: '壬厂废渣鉴别',
      canCreateTask: true,
      taskCount: 1,
      items: [{ id: on.itemId, pointName: '壬厂废渣鉴别1号点', medium: '固体废物', factors: '浸出毒性' }],
      tasks: [{ id: taskId, status: 'running', pointName: '壬厂废渣鉴别1号点', createdByName: '李华' }],
    });
    expect(typeof detail.latitude).toBe('number');
    const courier = (
      await api.get(scene.courier.session, `/api/v1/field/projects/${scene.projectId}`)
    ).json();
    expect(courier).toMatchObject({ canCreateTask: false, myPosts: ['courier'] });
    const closed = await buildFieldScene(env, { status: 'submitted' });
    const submitted = await api.get(closed.sampler.session, `/api/v1/field/projects/${closed.projectId}`);
    expect(submitted.json()).toMatchObject({ canCreateTask: false, status: 'submitted' });
  });
});
