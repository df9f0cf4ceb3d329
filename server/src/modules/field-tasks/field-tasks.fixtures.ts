import { randomBytes, randomUUID } from 'node:crypto';
import type { FieldStage, FieldTaskAction } from '@eco/contracts';
import { deviceClockAt, type FieldPerson, type FieldScene } from '../../../test/field-factory.ts';
import { as, type Session, type TestEnv } from '../../../test/harness.ts';
import { fieldPhotos } from '../field-photos/field-photos.tables.ts';

/** The stage of each seeded 照片类型, for rows written directly. */
const stageOf: Record<string, FieldStage> = {
  sampling_work: 'sampling',
  sampling_site: 'sampling',
  sample_sealing: 'sampling',
  delivery: 'delivery',
  handover: 'delivery',
  lab_analysis: 'lab',
  instrument: 'lab',
};

/** Request helpers for the field API, bound to one test environment. */
export function fieldApi(env: TestEnv) {
  const clock = () => deviceClockAt(env.clock.now());
  const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) });
  const post = (s: Session, url: string, body: object) =>
    env.app.inject({ method: 'POST', url, headers: as(s), payload: body });
  return {
    get,
    post,
    clock,
    createTask: (s: Session, input: { projectId: string; itemId: string; id?: string; remark?: string }) =>
      post(s, '/api/v1/field/tasks', { clock: clock(), ...input, id: input.id ?? randomUUID() }),
    act: (s: Session, taskId: string, action: FieldTaskAction, actionId: string = randomUUID()) =>
      post(s, `/api/v1/field/tasks/${taskId}/actions`, { actionId, action, clock: clock() }),
  };
}

/** A task the scene's sampler created (and started, unless told otherwise): its id. */
export async function buildTask(
  env: TestEnv,
  scene: FieldScene,
  options: { isStarted?: boolean } = {},
): Promise<string> {
  const api = fieldApi(env);
  const id = randomUUID();
  const created = await api.createTask(scene.sampler.session, {
    id,
    projectId: scene.projectId,
    itemId: scene.itemId,
  });
  if (created.statusCode !== 201) throw new Error(`task not created: ${created.body}`);
  if (options.isStarted ?? true) {
    const started = await api.act(scene.sampler.session, id, 'start');
    if (started.statusCode !== 200) throw new Error(`task not started: ${started.body}`);
  }
  return id;
}

/**
 * A photo row as the ingest writes it, with fake file hashes: for rules that only read which
 * photo types a task has, and for the track and detail pages.
 */
export async function insertPhoto(
  env: TestEnv,
  scene: FieldScene,
  input: {
    taskId: string;
    photoType: string;
    by: FieldPerson;
    position?: { latitude: number; longitude: number } | null;
    flags?: string[];
    capturedAt?: Date;
  },
): Promise<string> {
  const id = randomUUID();
  const at = input.capturedAt ?? env.clock.now();
  const position = input.position === undefined ? scene.site : input.position;
  const fakeSha = () => randomBytes(32).toString('hex');
  await env.platform.db.insert(fieldPhotos).values({
    id,
    taskId: input.taskId,
    projectId: scene.projectId,
    agencyId: scene.agencyId,
    photoType: input.photoType,
    stage: stageOf[input.photoType] ?? 'sampling',
    personnelId: input.by.personnelId,
    userId: input.by.userId,
    sha256: fakeSha(),
    size: 1024,
    mimeType: 'image/jpeg',
    width: 4000,
    height: 3000,
    thumbnailSha256: fakeSha(),
    watermarkedSha256: fakeSha(),
    deviceTime: at,
    capturedAt: at,
    latitude: position?.latitude ?? null,
    longitude: position?.longitude ?? null,
    accuracy: position ? 8 : null,
    distanceM: position ? 0 : null,
    flags: input.flags ?? (position ? [] : ['no_position']),
  });
  return id;
}
