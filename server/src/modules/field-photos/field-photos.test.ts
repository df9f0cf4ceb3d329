import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DevicePosition, FieldTaskStatus } from '@eco/contracts';
import { and, count, eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser } from '../../../test/factories.ts';
import {
  buildFieldPerson,
  buildFieldScene,
  deviceClockAt,
  type FieldScene,
} from '../../../test/field-factory.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import {
  type JpegOptions,
  makeJpeg,
  patchChunk,
  sha256Hex,
  uploadPhotoBytes,
} from '../../../test/photo-fixtures.ts';
import { pdfBytes } from '../../../test/uploads.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { fieldTasks } from '../field-tasks/field-tasks.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { users } from '../users/users.tables.ts';
import { createFieldPhoto } from './field-photos.service.ts';
import { fieldPhotos } from './field-photos.tables.ts';
import { uploadPartPath, uploadsDir } from './field-uploads.service.ts';

let env: TestEnv;
let scene: FieldScene;
let otherAdmin: Session;
let regulator: Session;
let atSite: DevicePosition;

beforeAll(async () => {
  env = await createTestEnv();
  scene = await buildFieldScene(env);
  atSite = { ...scene.site, accuracy: 8 };
  const other = await buildFieldScene(env);
  otherAdmin = other.admin.session;
  regulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510100' })).session;
});
afterAll(() => env.close());

/** A task of the scene's project written directly (the task routes are tested on their own). */
async function buildTask(status: FieldTaskStatus = 'running'): Promise<string> {
  const id = randomUUID();
  await env.platform.db.insert(fieldTasks).values({
    id,
    projectId: scene.projectId,
    itemId: scene.itemId,
    agencyId: scene.agencyId,
    status,
    createdByPersonnelId: scene.sampler.personnelId,
    createdBy: scene.sampler.userId,
    createdAt: env.clock.now(),
    startedAt: status === 'created' ? null : env.clock.now(),
  });
  return id;
}

let seed = 1;
const jpeg = (options: Partial<JpegOptions> = {}) =>
  makeJpeg({ width: 640, height: 480, seed: seed++, ...options });

function postPhoto(
  session: Session,
  body: {
    id: string;
    taskId: string;
    photoType: string;
    position?: DevicePosition | null;
    positionError?: string;
  },
) {
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/field/photos',
    headers: as(session),
    payload: {
      position: atSite,
      clock: deviceClockAt(env.clock.now()),
      remark: '现场采样',
      ...body,
    },
  });
}

/** Uploads a fresh photo (or `bytes`) and registers it as `photoType` of `taskId`. */
async function addPhoto(
  session: Session,
  taskId: string,
  photoType: string,
  options: { bytes?: Buffer; position?: DevicePosition | null; positionError?: string; chunks?: number } = {},
) {
  const bytes = options.bytes ?? (await jpeg());
  const id = await uploadPhotoBytes(env.app, session, bytes, { chunks: options.chunks });
  const position = options.position === undefined ? atSite : options.position;
  const body = { id, taskId, photoType, position, positionError: options.positionError };
  return { id, bytes, res: await postPhoto(session, body) };
}

function storedBlobs(): string[] {
  const root = path.join(env.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
const stagedTempFiles = () => storedBlobs().filter((f) => f.includes(`${path.sep}tmp${path.sep}`));

const photoRows = async (id: string) =>
  (await env.platform.db.select({ n: count() }).from(fieldPhotos).where(eq(fieldPhotos.id, id)))[0]?.n;

const get = (session: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(session) });

describe('refusals first', () => {
  it('401 without a session, 403 for other roles, 404 for a task of another project', async () => {
    const taskId = await buildTask();
    const body = { id: randomUUID(), taskId, photoType: 'sampling_work' };
    const anonymous = await env.app.inject({ method: 'POST', url: '/api/v1/field/photos', payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect((await postPhoto(scene.admin.session, body)).statusCode).toBe(403);
    const stranger = await buildFieldPerson(env, scene.agencyId, ['sampler'], '李四');
    expect((await postPhoto(stranger.session, body)).statusCode).toBe(404);
    expect((await postPhoto(scene.sampler.session, { ...body, taskId: randomUUID() })).statusCode).toBe(404);
  });

  it('400 for a photo whose bytes are not (all) uploaded, or an unknown 照片类型', async () => {
    const taskId = await buildTask();
    const missing = await postPhoto(scene.sampler.session, {
      id: randomUUID(),
      taskId,
      photoType: 'sampling_work',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('照片未上传完整，请重试');
    const bytes = await jpeg();
    const id = randomUUID();
    await env.app.inject({
      method: 'POST',
      url: '/api/v1/field/uploads',
      headers: as(scene.sampler.session),
      payload: { id, size: bytes.length, sha256: sha256Hex(bytes) },
    });
    const half = await postPhoto(scene.sampler.session, { id, taskId, photoType: 'sampling_work' });
    expect(half.statusCode).toBe(400);
    expect(half.json().detail).toBe('照片未上传完整，请重试');
    const unknown = await postPhoto(scene.sampler.session, { id, taskId, photoType: 'selfie' });
    expect(unknown.statusCode).toBe(400);
    expect(await photoRows(id)).toBe(0);
  });

  it('400 for bytes that are not the announced ones, and drops them so the app starts over', async () => {
    const taskId = await buildTask();
    const [bytes, other] = [await jpeg(), await jpeg()];
    const id = randomUUID();
    await env.app.inject({
      method: 'POST',
      url: '/api/v1/field/uploads',
      headers: as(scene.sampler.session),
      payload: { id, size: other.length, sha256: sha256Hex(other) },
    });
    const forged = Buffer.alloc(other.length);
    bytes.copy(forged);
    await patchChunk(env.app, scene.sampler.session, id, 0, forged);
    const res = await postPhoto(scene.sampler.session, { id, taskId, photoType: 'sampling_work' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('照片未上传完整，请重试');
    expect((await get(scene.sampler.session, `/api/v1/field/uploads/${id}`)).statusCode).toBe(404);
    expect(existsSync(uploadPartPath(env.platform.config, id))).toBe(false);
  });

  it('415 for HEIC, PDF or any other bytes, and drops the upload', async () => {
    const taskId = await buildTask();
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(2000, 7),
    ]);
    for (const bytes of [heic, pdfBytes('not a photo')]) {
      const { id, res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes });
      expect(res.statusCode).toBe(415);
      expect(res.json().detail).toBe('仅支持JPG、PNG格式的照片');
      expect(existsSync(uploadPartPath(env.platform.config, id))).toBe(false);
      expect(await photoRows(id)).toBe(0);
    }
    expect(stagedTempFiles()).toEqual([]);
  });

  it('400 for a JPEG that cannot be decoded', async () => {
    const taskId = await buildTask();
    const broken = (await jpeg()).subarray(0, 600);
    const { res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('照片文件已损坏');
    expect(stagedTempFiles()).toEqual([]);
  });

  it('409 when the task is not running or the project no longer takes field work', async () => {
    const paused = await buildTask('paused');
    const { res } = await addPhoto(scene.sampler.session, paused, 'sampling_work');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('任务未在进行中，请先点击开始或继续');

    const submitted = await buildFieldScene(env, { status: 'submitted' });
    const taskId = randomUUID();
    await env.platform.db.insert(fieldTasks).values({
      id: taskId,
      projectId: submitted.projectId,
      itemId: submitted.itemId,
      agencyId: submitted.agencyId,
      status: 'running',
      createdByPersonnelId: submitted.sampler.personnelId,
      createdBy: submitted.sampler.userId,
      createdAt: env.clock.now(),
    });
    const late = await addPhoto(submitted.sampler.session, taskId, 'sampling_work');
    expect(late.res.statusCode).toBe(409);
    expect(late.res.json().detail).toContain('项目已提交');
  });

  it('403 for a courier’s photo of a sampling type', async () => {
    const taskId = await buildTask();
    const { res } = await addPhoto(scene.courier.session, taskId, 'sampling_work');
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('只有采样人员可以上传采样作业照片');
  });

  it('409 for the id of a photo of another task', async () => {
    const [first, second] = [await buildTask(), await buildTask()];
    const { id, res } = await addPhoto(scene.sampler.session, first, 'sampling_work');
    expect(res.statusCode).toBe(201);
    const moved = await postPhoto(scene.sampler.session, { id, taskId: second, photoType: 'sampling_work' });
    expect(moved.statusCode).toBe(409);
  });
});

describe('ingest', () => {
  it('stores a photo uploaded in three chunks with its files, audit row and no upload left', async () => {
    const taskId = await buildTask();
    const { id, bytes, res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { chunks: 3 });
    expect(res.statusCode).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({
      id,
      taskId,
      photoType: 'sampling_work',
      photoTypeLabel: '采样作业照片',
      stage: 'sampling',
      remark: '现场采样',
      takenByName: '王强',
      latitude: scene.site.latitude,
      distanceM: 0,
      flags: [],
      width: 640,
      height: 480,
      size: bytes.length,
      sha256: sha256Hex(bytes),
    });
    const [row] = await env.platform.db.select().from(fieldPhotos).where(eq(fieldPhotos.id, id));
    for (const sha of [row?.sha256, row?.thumbnailSha256, row?.watermarkedSha256]) {
      expect(sha && (await env.platform.files.exists(sha))).toBe(true);
    }
    expect(existsSync(uploadPartPath(env.platform.config, id))).toBe(false);
    expect((await get(scene.sampler.session, `/api/v1/field/uploads/${id}`)).json()).toMatchObject({
      isComplete: true,
      offset: bytes.length,
    });
  });

  it('stores the same photo sent three times once, with one audit row and the same answer', async () => {
    const taskId = await buildTask();
    const { id, res } = await addPhoto(scene.sampler.session, taskId, 'sampling_site');
    const again = await postPhoto(scene.sampler.session, { id, taskId, photoType: 'sampling_site' });
    const third = await postPhoto(scene.sampler.session, { id, taskId, photoType: 'sampling_site' });
    expect([res.statusCode, again.statusCode, third.statusCode]).toEqual([201, 200, 200]);
    expect(again.json()).toEqual(res.json());
    expect(third.json()).toEqual(res.json());
    expect(await photoRows(id)).toBe(1);
    const [audits] = await env.platform.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'field_photo.create'), eq(auditLog.targetId, id)));
    expect(audits?.n).toBe(1);
  });

  it('stores one photo when the same one arrives three times at once', async () => {
    const taskId = await buildTask();
    const bytes = await jpeg();
    const id = await uploadPhotoBytes(env.app, scene.sampler.session, bytes);
    const body = { id, taskId, photoType: 'sample_sealing' };
    const answers = await Promise.all([1, 2, 3].map(() => postPhoto(scene.sampler.session, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await photoRows(id)).toBe(1);
    const [row] = await env.platform.db.select().from(fieldPhotos).where(eq(fieldPhotos.id, id));
    for (const sha of [row?.sha256, row?.thumbnailSha256, row?.watermarkedSha256]) {
      expect(sha && (await env.platform.files.exists(sha))).toBe(true);
    }
  });

  it('refuses a 送样照片 before the sampling photos, leaving no row nor file, and takes it later', async () => {
    const taskId = await buildTask();
    const blobsBefore = storedBlobs();
    const delivery = await addPhoto(scene.courier.session, taskId, 'delivery');
    expect(delivery.res.statusCode).toBe(409);
    expect(delivery.res.json().detail).toBe('请先上传采样作业照片、采样点现场照片');
    expect(await photoRows(delivery.id)).toBe(0);
    expect(storedBlobs()).toEqual(blobsBefore);
    // Only the upload stays, for a retry without sending the bytes again.
    expect(readdirSync(uploadsDir(env.platform.config))).toContain(`${delivery.id}.part`);

    expect((await addPhoto(scene.sampler.session, taskId, 'sampling_work')).res.statusCode).toBe(201);
    expect((await addPhoto(scene.sampler.session, taskId, 'sampling_site')).res.statusCode).toBe(201);
    const retried = await postPhoto(scene.courier.session, {
      id: delivery.id,
      taskId,
      photoType: 'delivery',
    });
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ stage: 'delivery', takenByName: '赵磊' });
    expect(readdirSync(uploadsDir(env.platform.config))).not.toContain(`${delivery.id}.part`);
  });

  it('flags a photo whose EXIF puts it 2 km away and 3 hours off, and reads the EXIF back', async () => {
    const taskId = await buildTask();
    const away = { lat: scene.site.latitude + 0.018, lng: scene.site.longitude };
    const bytes = await jpeg({ gps: away, exifTime: new Date(env.clock.now().getTime() - 3 * 3600 * 1000) });
    const { res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes });
    const photo = res.json();
    expect(photo.flags).toEqual(['far_from_site', 'time_mismatch']);
    expect(photo.exifLatitude).toBeCloseTo(away.lat, 4);
    expect(photo.exifLongitude).toBeCloseTo(away.lng, 4);
    expect(Date.parse(photo.capturedAt) - Date.parse(photo.exifTime)).toBeGreaterThan(2.9 * 3600 * 1000);
  });

  it('raises no flag for a photo taken at the site at the time the phone says', async () => {
    const taskId = await buildTask();
    const at = { lat: scene.site.latitude + 0.001, lng: scene.site.longitude };
    const bytes = await jpeg({ gps: at, exifTime: env.clock.now() });
    const { res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes });
    expect(res.json()).toMatchObject({ flags: [], distanceM: 0 });
    expect(res.json().exifTime).not.toBeNull();
  });

  it('flags no_position (and keeps the reason) when the phone had no position', async () => {
    const taskId = await buildTask();
    const { id, res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', {
      position: null,
      positionError: '用户拒绝了定位权限',
    });
    expect(res.json()).toMatchObject({ flags: ['no_position'], latitude: null, distanceM: null });
    const [row] = await env.platform.db.select().from(fieldPhotos).where(eq(fieldPhotos.id, id));
    expect(row?.positionError).toBe('用户拒绝了定位权限');
  });
});

describe('a refusal under the task lock', () => {
  it('removes the files it had just stored when the task stopped during the image work', async () => {
    const taskId = await buildTask();
    const bytes = await jpeg();
    const id = await uploadPhotoBytes(env.app, scene.sampler.session, bytes);
    const [user] = await env.platform.db.select().from(users).where(eq(users.id, scene.sampler.userId));
    if (!user) throw new Error('no sampler');
    const real = env.platform.files;
    let staged = 0;
    const files: FileStore = {
      ...real,
      // The analyst pauses the task while the copies are being made.
      stage: async (source, options) => {
        const file = await real.stage(source, options);
        if (++staged === 3) {
          await env.platform.db.update(fieldTasks).set({ status: 'paused' }).where(eq(fieldTasks.id, taskId));
        }
        return file;
      },
    };
    const blobsBefore = storedBlobs();
    const ctx = {
      ...env.platform,
      files,
      log: { info: () => {}, warn: () => {}, error: () => {} },
      meta: { ip: null, userAgent: null, requestId: null },
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: 'field_staff' as const,
        agencyId: user.agencyId,
        personnelId: user.personnelId,
        regionCode: null,
      },
    };
    const input = {
      id,
      taskId,
      photoType: 'sampling_work',
      clock: deviceClockAt(env.clock.now()),
      position: atSite,
    };
    await expect(createFieldPhoto(ctx, input)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: '任务未在进行中，请先点击开始或继续',
    });
    expect(staged).toBe(3);
    expect(await photoRows(id)).toBe(0);
    expect(storedBlobs()).toEqual(blobsBefore);
    expect(existsSync(uploadPartPath(env.platform.config, id))).toBe(true);
  });
});

describe('PNG', () => {
  it('takes a PNG, keeps it as the original and derives JPEG copies', async () => {
    const taskId = await buildTask();
    const bytes = await sharp(await jpeg({ width: 300, height: 200 }))
      .png()
      .toBuffer();
    const { id, res } = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 300, height: 200, sha256: sha256Hex(bytes) });
    const originalRes = await get(scene.admin.session, `/api/v1/field/photos/${id}/original`);
    expect(originalRes.headers['content-type']).toBe('image/png');
    const thumbnail = await get(scene.admin.session, `/api/v1/field/photos/${id}/thumbnail`);
    expect((await sharp(thumbnail.rawPayload).metadata()).format).toBe('jpeg');
  });
});

describe('serving', () => {
  let photoId: string;
  let original: Buffer;

  beforeAll(async () => {
    const taskId = await buildTask();
    original = await jpeg({
      gps: { lat: scene.site.latitude, lng: scene.site.longitude },
      exifTime: new Date(),
    });
    const added = await addPhoto(scene.sampler.session, taskId, 'sampling_work', { bytes: original });
    photoId = added.id;
  });

  it('serves thumbnail and watermarked copies without EXIF to the task’s readers', async () => {
    for (const session of [scene.sampler.session, scene.courier.session, scene.admin.session, regulator]) {
      for (const variant of ['thumbnail', 'watermarked']) {
        const res = await get(session, `/api/v1/field/photos/${photoId}/${variant}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('image/jpeg');
        expect(res.headers['cache-control']).toBe('private, max-age=86400');
        expect(res.headers['content-disposition']).toBe('inline');
        expect(await exifr.gps(res.rawPayload).catch(() => undefined)).toBeUndefined();
        expect(await exifr.parse(res.rawPayload)).toBeUndefined();
      }
    }
  });

  it('serves the original only to the agency and the regulator, byte for byte', async () => {
    const url = `/api/v1/field/photos/${photoId}/original`;
    const staff = await get(scene.sampler.session, url);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().detail).toBe('原图仅向本机构和监管部门提供');
    for (const session of [scene.admin.session, regulator]) {
      const res = await get(session, url);
      expect(res.statusCode).toBe(200);
      expect(sha256Hex(res.rawPayload)).toBe(sha256Hex(original));
      expect(await exifr.gps(res.rawPayload)).toBeTruthy();
    }
  });

  it('answers 404 to another agency, an unassigned person and an unknown photo, 401 to nobody', async () => {
    for (const variant of ['thumbnail', 'watermarked', 'original']) {
      const url = `/api/v1/field/photos/${photoId}/${variant}`;
      expect((await get(otherAdmin, url)).statusCode).toBe(404);
      expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const stranger = await buildFieldPerson(env, scene.agencyId, ['sampler'], '孙五');
    expect((await get(stranger.session, `/api/v1/field/photos/${photoId}/thumbnail`)).statusCode).toBe(404);
    expect(
      (await get(scene.admin.session, `/api/v1/field/photos/${randomUUID()}/thumbnail`)).statusCode,
    ).toBe(404);
  });
});

describe('project state', () => {
  it('keeps photos of a project that was since submitted readable', async () => {
    const taskId = await buildTask();
    const { id } = await addPhoto(scene.sampler.session, taskId, 'sample_sealing');
    await env.platform.db
      .update(projects)
      .set({ status: 'submitted' })
      .where(eq(projects.id, scene.projectId));
    try {
      expect((await get(scene.admin.session, `/api/v1/field/photos/${id}/watermarked`)).statusCode).toBe(200);
    } finally {
      await env.platform.db
        .update(projects)
        .set({ status: 'in_progress' })
        .where(eq(projects.id, scene.projectId));
    }
  });
});
