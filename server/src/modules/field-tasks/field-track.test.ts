import { randomUUID } from 'node:crypto';
import type { DeviceClock } from '@eco/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser } from '../../../test/factories.ts';
import { buildFieldPerson, buildFieldScene, type FieldScene } from '../../../test/field-factory.ts';
import { createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { projects } from '../projects/projects.tables.ts';
import { buildTask, fieldApi, insertPhoto } from './field-tasks.fixtures.ts';
import { fieldTrackPoints } from './field-tasks.tables.ts';
import { trackPointCap } from './field-track.service.ts';

let env: TestEnv;
let api: ReturnType<typeof fieldApi>;
let scene: FieldScene;
let otherAgencyAdmin: Session;
let cityRegulator: Session;
let mianyangRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  api = fieldApi(env);
  scene = await buildFieldScene(env);
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  otherAgencyAdmin = (await buildSignedInUser(env, { role: 'agency_admin', agencyId: other.id })).session;
  cityRegulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510100' })).session;
  mianyangRegulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510700' })).session;
});
afterAll(() => env.close());

/** `n` points a second apart from `start`, walking north-east from the site. */
function points(n: number, start = env.clock.now().getTime() - n * 1000) {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    deviceTime: new Date(start + i * 1000).toISOString(),
    latitude: scene.site.latitude + i * 1e-5,
    longitude: scene.site.longitude + i * 1e-5,
    accuracy: 5 + (i % 10),
  }));
}

const upload = (s: Session, taskId: string, batch: object[], clock: DeviceClock = api.clock()) =>
  api.post(s, `/api/v1/field/tasks/${taskId}/track`, { clock, points: batch });

async function storedCount(taskId: string): Promise<number> {
  const rows = await env.platform.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(fieldTrackPoints)
    .where(eq(fieldTrackPoints.taskId, taskId));
  return rows[0]?.n ?? 0;
}

describe('POST /api/v1/field/tasks/:id/track', () => {
  it('401 without a session, 403 for the agency admin, 400 for an empty or oversized batch', async () => {
    const id = await buildTask(env, scene);
    const url = `/api/v1/field/tasks/${id}/track`;
    expect((await env.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    expect((await upload(scene.admin.session, id, points(1))).statusCode).toBe(403);
    expect((await upload(scene.sampler.session, id, [])).statusCode).toBe(400);
    expect((await upload(scene.sampler.session, id, points(1001))).statusCode).toBe(400);
  });

  it('404 for unassigned staff and another agency’s staff; 409 before the task starts', async () => {
    const id = await buildTask(env, scene);
    const stranger = await buildFieldPerson(env, scene.agencyId, ['sampler'], '刘洋');
    const other = await buildAgency(env.platform, { regionCode: '510703' });
    const otherStaff = await buildFieldPerson(env, other.id, ['sampler'], '孙丽');
    for (const person of [stranger, otherStaff]) {
      expect((await upload(person.session, id, points(3))).statusCode).toBe(404);
    }
    const created = await buildTask(env, scene, { isStarted: false });
    const res = await upload(scene.sampler.session, created, points(3));
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('任务尚未开始');
  });

  it('the same 500 points twice: 500 accepted, then 500 duplicates, 500 rows', async () => {
    const id = await buildTask(env, scene);
    const batch = points(500);
    const first = await upload(scene.sampler.session, id, batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ accepted: 500, duplicates: 0 });
    const again = await upload(scene.courier.session, id, batch);
    expect(again.json()).toEqual({ accepted: 0, duplicates: 500 });
    expect(await storedCount(id)).toBe(500);
    const detail = await api.get(scene.sampler.session, `/api/v1/field/tasks/${id}`);
    expect(detail.json().trackPointCount).toBe(500);
  });

  it('a full batch of 1000 with repeats inside it stores each point once', async () => {
    const id = await buildTask(env, scene);
    const batch = points(600);
    const res = await upload(scene.sampler.session, id, [...batch, ...batch.slice(0, 400)]);
    expect(res.json()).toEqual({ accepted: 600, duplicates: 400 });
    expect(await storedCount(id)).toBe(600);
  });

  it('corrects the phone clock by the offset of its last sync, and takes a backlog after 结束', async () => {
    const id = await buildTask(env, scene);
    const now = env.clock.now().getTime();
    const behind = 10 * 60 * 1000;
    const clock: DeviceClock = {
      deviceTime: new Date(now - behind).toISOString(),
      anchorServerTime: new Date(now - 60_000).toISOString(),
      anchorDeviceTime: new Date(now - 60_000 - behind).toISOString(),
      elapsedMs: 60_000,
    };
    const [point] = points(1, now - behind - 5000);
    if (!point) throw new Error('no point');
    expect((await upload(scene.sampler.session, id, [point], clock)).statusCode).toBe(200);
    const [row] = await env.platform.db
      .select()
      .from(fieldTrackPoints)
      .where(eq(fieldTrackPoints.id, point.id));
    expect(row?.recordedAt.getTime()).toBe(now - 5000);
    expect(row?.deviceTime.getTime()).toBe(now - behind - 5000);
    expect(row?.personnelId).toBe(scene.sampler.personnelId);

    for (const photoType of ['sampling_work', 'sampling_site', 'delivery', 'lab_analysis']) {
      await insertPhoto(env, scene, { taskId: id, photoType, by: scene.analyst });
    }
    expect((await api.act(scene.analyst.session, id, 'end')).statusCode).toBe(200);
    expect((await upload(scene.sampler.session, id, points(2))).json()).toEqual({
      accepted: 2,
      duplicates: 0,
    });
  });
});

describe('GET /api/v1/field/tasks/:id/track (监测航迹)', () => {
  it('401 without a session; 404 for another agency and a regulator elsewhere', async () => {
    const id = await buildTask(env, scene);
    const url = `/api/v1/field/tasks/${id}/track`;
    expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await api.get(otherAgencyAdmin, url)).statusCode).toBe(404);
    expect((await api.get(mianyangRegulator, url)).statusCode).toBe(404);
  });

  it('the points in time order, the located photos with their stage, the project site', async () => {
    const id = await buildTask(env, scene);
    const batch = points(20);
    await upload(scene.sampler.session, id, [...batch].reverse());
    await insertPhoto(env, scene, { taskId: id, photoType: 'sampling_work', by: scene.sampler });
    await insertPhoto(env, scene, {
      taskId: id,
      photoType: 'sampling_site',
      by: scene.sampler,
      position: null,
    });
    await insertPhoto(env, scene, {
      taskId: id,
      photoType: 'delivery',
      by: scene.courier,
      position: { latitude: 30.7, longitude: 104.1 },
    });
    const [project] = await env.platform.db.select().from(projects).where(eq(projects.id, scene.projectId));
    for (const session of [scene.sampler.session, scene.admin.session, cityRegulator]) {
      const res = await api.get(session, `/api/v1/field/tasks/${id}/track`);
      expect(res.statusCode).toBe(200);
      const track = res.json();
      expect(track.site).toEqual({ ...scene.site, address: project?.address });
      expect(track.points.map((p: { recordedAt: string }) => p.recordedAt)).toEqual(
        batch.map((p) => p.deviceTime),
      );
      expect(
        track.photos.map((p: { stage: string; photoTypeLabel: string }) => [p.stage, p.photoTypeLabel]),
      ).toEqual([
        ['sampling', '采样作业照片'],
        ['delivery', '送样照片'],
      ]);
    }
  });

  it('thins a track longer than the cap evenly, keeping the first and last point', async () => {
    const id = await buildTask(env, scene);
    const total = trackPointCap + 5000;
    const start = env.clock.now().getTime() - total * 1000;
    await env.platform.db.execute(sql`
      insert into field_track_points (id, task_id, personnel_id, latitude, longitude, accuracy, device_time, recorded_at)
      select gen_random_uuid(), ${id}, ${scene.sampler.personnelId}, 30.65 + n * 1e-6, 104.08, 5,
             to_timestamp((${start}::bigint + n * 1000) / 1000.0), to_timestamp((${start}::bigint + n * 1000) / 1000.0)
      from generate_series(0, ${total - 1}) as n`);
    const track = (await api.get(scene.sampler.session, `/api/v1/field/tasks/${id}/track`)).json();
    expect(track.points.length).toBeLessThanOrEqual(trackPointCap);
    expect(track.points.length).toBeGreaterThan(trackPointCap / 2);
    const times = track.points.map((p: { recordedAt: string }) => Date.parse(p.recordedAt));
    expect(times[0]).toBe(start);
    expect(times.at(-1)).toBe(start + (total - 1) * 1000);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
