import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { fieldUploadMaxChunkBytes } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFieldScene, type FieldScene } from '../../../test/field-factory.ts';
import { as, createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { patchChunk, sha256Hex } from '../../../test/photo-fixtures.ts';
import { fieldUploads } from './field-photos.tables.ts';
import { uploadPartPath, uploadsDir } from './field-uploads.service.ts';
import { sweepAbandonedUploads } from './field-uploads-sweep.ts';

let env: TestEnv;
let scene: FieldScene;

beforeAll(async () => {
  env = await createTestEnv();
  scene = await buildFieldScene(env);
});
afterAll(() => env.close());

const createUpload = (bytes: Buffer, id = randomUUID(), session = scene.sampler.session) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/field/uploads',
    headers: as(session),
    payload: { id, size: bytes.length, sha256: sha256Hex(bytes) },
  });
const getState = (id: string, session = scene.sampler.session) =>
  env.app.inject({ method: 'GET', url: `/api/v1/field/uploads/${id}`, headers: as(session) });

describe('refusals first', () => {
  it('401 without a session, 403 for other roles and without the CSRF token', async () => {
    const bytes = randomBytes(100);
    const payload = { id: randomUUID(), size: 100, sha256: sha256Hex(bytes) };
    const url = '/api/v1/field/uploads';
    expect((await env.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const admin = await env.app.inject({ method: 'POST', url, headers: as(scene.admin.session), payload });
    expect(admin.statusCode).toBe(403);
    const noCsrf = await env.app.inject({
      method: 'POST',
      url,
      headers: { cookie: scene.sampler.session.cookie },
      payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    const id = randomUUID();
    expect((await createUpload(bytes, id)).statusCode).toBe(201);
    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/field/uploads/${id}`,
      headers: {
        cookie: scene.sampler.session.cookie,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
      },
      payload: bytes,
    });
    expect(patch.statusCode).toBe(403);
  });

  it('400 for a malformed announcement, a bad offset header or the wrong content type', async () => {
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/field/uploads',
      headers: as(scene.sampler.session),
      payload: { id: randomUUID(), size: 31 * 1024 * 1024, sha256: 'XYZ' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('照片不能超过30MB');
    const bytes = randomBytes(64);
    const id = randomUUID();
    await createUpload(bytes, id);
    const noOffset = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/field/uploads/${id}`,
      headers: { ...as(scene.sampler.session), 'content-type': 'application/offset+octet-stream' },
      payload: bytes,
    });
    expect(noOffset.statusCode).toBe(400);
    const wrongType = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/field/uploads/${id}`,
      headers: { ...as(scene.sampler.session), 'content-type': 'application/json', 'upload-offset': '0' },
      payload: { x: 1 },
    });
    expect(wrongType.statusCode).toBe(400);
    const beyond = await patchChunk(env.app, scene.sampler.session, id, 0, Buffer.concat([bytes, bytes]));
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().detail).toContain('超出文件大小');
  });

  it('413 for a chunk larger than the limit', async () => {
    const big = Buffer.alloc(fieldUploadMaxChunkBytes + 64 * 1024, 1);
    const id = randomUUID();
    await createUpload(Buffer.alloc(8 * 1024 * 1024, 1), id);
    expect((await patchChunk(env.app, scene.sampler.session, id, 0, big)).statusCode).toBe(413);
  });

  it('404 for someone else’s upload, 409 for its id with another file or person', async () => {
    const bytes = randomBytes(300);
    const id = randomUUID();
    expect((await createUpload(bytes, id)).statusCode).toBe(201);
    expect((await getState(id, scene.courier.session)).statusCode).toBe(404);
    expect((await getState(randomUUID())).statusCode).toBe(404);
    const theirs = await patchChunk(env.app, scene.courier.session, id, 0, bytes);
    expect(theirs.statusCode).toBe(404);
    expect((await createUpload(bytes, id, scene.courier.session)).statusCode).toBe(409);
    const other = await createUpload(randomBytes(300), id);
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toContain('该照片编号已用于另一个文件');
  });
});

describe('resumable upload', () => {
  it('creates once, answers the same state again, and takes three chunks to complete', async () => {
    const bytes = randomBytes(300_000);
    const id = randomUUID();
    const first = await createUpload(bytes, id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id, size: bytes.length, offset: 0, isComplete: false });
    const again = await createUpload(bytes, id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const cuts = [0, 100_000, 200_000, 300_000];
    for (let i = 0; i < 3; i++) {
      const res = await patchChunk(
        env.app,
        scene.sampler.session,
        id,
        cuts[i] ?? 0,
        bytes.subarray(cuts[i], cuts[i + 1]),
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id, size: bytes.length, offset: cuts[i + 1], isComplete: i === 2 });
    }
    expect((await getState(id)).json()).toMatchObject({ offset: bytes.length, isComplete: true });
    expect(sha256Hex(readFileSync(uploadPartPath(env.platform.config, id)))).toBe(sha256Hex(bytes));
  });

  it('refuses a wrong offset with what the server holds, and the app resumes from there', async () => {
    const bytes = randomBytes(90_000);
    const id = randomUUID();
    await createUpload(bytes, id);
    await patchChunk(env.app, scene.sampler.session, id, 0, bytes.subarray(0, 30_000));
    // The response to the next chunk was lost: the app sends it again, then the one after it.
    await patchChunk(env.app, scene.sampler.session, id, 30_000, bytes.subarray(30_000, 60_000));
    const repeated = await patchChunk(
      env.app,
      scene.sampler.session,
      id,
      30_000,
      bytes.subarray(30_000, 60_000),
    );
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json().detail).toBe('上传位置不一致，服务器已接收 60000 字节');
    const ahead = await patchChunk(env.app, scene.sampler.session, id, 75_000, bytes.subarray(75_000));
    expect(ahead.statusCode).toBe(409);
    const state = (await getState(id)).json();
    expect(state.offset).toBe(60_000);
    const rest = await patchChunk(
      env.app,
      scene.sampler.session,
      id,
      state.offset,
      bytes.subarray(state.offset),
    );
    expect(rest.json()).toMatchObject({ offset: 90_000, isComplete: true });
    expect(sha256Hex(readFileSync(uploadPartPath(env.platform.config, id)))).toBe(sha256Hex(bytes));
  });

  it('cuts bytes a crashed request wrote past the recorded offset', async () => {
    const bytes = randomBytes(20_000);
    const id = randomUUID();
    await createUpload(bytes, id);
    await patchChunk(env.app, scene.sampler.session, id, 0, bytes.subarray(0, 10_000));
    await appendFile(uploadPartPath(env.platform.config, id), randomBytes(5_000));
    await patchChunk(env.app, scene.sampler.session, id, 10_000, bytes.subarray(10_000));
    expect(readFileSync(uploadPartPath(env.platform.config, id)).equals(bytes)).toBe(true);
  });

  it('starts over when the temp file lost acknowledged bytes', async () => {
    const bytes = randomBytes(20_000);
    const id = randomUUID();
    await createUpload(bytes, id);
    await patchChunk(env.app, scene.sampler.session, id, 0, bytes.subarray(0, 10_000));
    writeFileSync(uploadPartPath(env.platform.config, id), bytes.subarray(0, 100));
    const res = await patchChunk(env.app, scene.sampler.session, id, 10_000, bytes.subarray(10_000));
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('服务器已接收 0 字节');
    expect((await getState(id)).json().offset).toBe(0);
  });
});

describe('sweep', () => {
  it('removes uploads untouched for uploadTtlHours with their temp files, and stray temp files', async () => {
    const config = env.platform.config;
    const bytes = randomBytes(1000);
    const [stale, fresh] = [randomUUID(), randomUUID()];
    for (const id of [stale, fresh]) {
      await createUpload(bytes, id);
      await patchChunk(env.app, scene.sampler.session, id, 0, bytes.subarray(0, 500));
    }
    const now = new Date();
    const ttlMs = config.field.uploadTtlHours * 3600 * 1000;
    await env.platform.db
      .update(fieldUploads)
      .set({ updatedAt: new Date(now.getTime() - ttlMs - 60_000) })
      .where(eq(fieldUploads.id, stale));
    await mkdir(uploadsDir(config), { recursive: true });
    const stray = uploadPartPath(config, randomUUID());
    writeFileSync(stray, 'left by a crash');
    const old = new Date(now.getTime() - ttlMs - 60_000);
    utimesSync(stray, old, old);

    const swept = await sweepAbandonedUploads(env.platform.db, config, new Date(now.getTime() - ttlMs));
    expect(swept).toEqual({ uploads: 1, strayFiles: 1 });
    expect(existsSync(uploadPartPath(config, stale))).toBe(false);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(uploadPartPath(config, fresh))).toBe(true);
    expect((await getState(stale)).statusCode).toBe(404);
    expect((await getState(fresh)).json().offset).toBe(500);
  });
});
