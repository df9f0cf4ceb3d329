import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fieldUploadChunkBytes } from '@eco/contracts';
import exifr from 'exifr';
import sharp from 'sharp';
import {
  renderWatermarkBand,
  watermarkLines,
} from '../../server/src/modules/field-photos/photo-watermark.ts';
import { makeJpeg } from '../../server/test/photo-fixtures.ts';
import type { Figure } from '../support.ts';
import { benchClock, type FieldBench, openFieldBench, summarize } from './field-setup.ts';

/** A copy of `jpeg` with its own bytes (a COM segment after SOI), so that every photo has its own SHA-256. */
function variant(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`eco-bench ${n} ${randomUUID()}`);
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, text, jpeg.subarray(2)]);
}

/** The app sends fieldUploadChunkBytes (512 KB); BENCH_CHUNK_BYTES tries others (up to 4 MB). */
const chunkBytes = Number(process.env.BENCH_CHUNK_BYTES ?? fieldUploadChunkBytes);

/** The field app's way: announce, PATCH the chunks, then register the photo. */
async function ingestThroughApi(
  bench: FieldBench,
  bytes: Buffer,
  sha256: string,
): Promise<{ uploadMs: number; photoMs: number }> {
  const { app } = bench.env;
  const id = randomUUID();
  const start = performance.now();
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/field/uploads',
    headers: bench.headers,
    payload: { id, size: bytes.length, sha256 },
  });
  if (created.statusCode !== 201) throw new Error(`upload: ${created.statusCode} ${created.body}`);
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/field/uploads/${id}`,
      headers: {
        ...bench.headers,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
      },
      payload: bytes.subarray(offset, offset + chunkBytes),
    });
    if (res.statusCode !== 200) throw new Error(`chunk: ${res.statusCode} ${res.body}`);
  }
  const uploaded = performance.now();
  const photo = await app.inject({
    method: 'POST',
    url: '/api/v1/field/photos',
    headers: bench.headers,
    payload: {
      id,
      taskId: bench.taskId,
      photoType: 'sampling_work',
      clock: benchClock(),
      position: { ...bench.site, accuracy: 6 },
    },
  });
  if (photo.statusCode !== 201) throw new Error(`photo: ${photo.statusCode} ${photo.body}`);
  return { uploadMs: uploaded - start, photoMs: performance.now() - uploaded };
}

/**
 * The same image work with nothing around it: hash, EXIF, decode once (upright, shrunk on load
 * to 1920), the watermark band composited, the 480 px thumbnail, the three files written.
 */
async function ingestBare(bytes: Buffer, dir: string, lines: readonly string[]): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(path.join(dir, sha256), bytes);
  await exifr.parse(bytes, {
    tiff: false,
    exif: { pick: ['DateTimeOriginal', 'OffsetTimeOriginal'] },
    gps: true,
    reviveValues: false,
  });
  await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(1920, 1920, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const band = renderWatermarkBand(lines, info.width, info.height);
  const [watermarked, thumbnail] = await Promise.all([
    sharp(data, raw)
      .composite([{ input: band.svg, top: info.height - band.height, left: 0 }])
      .jpeg({ quality: 82 })
      .toBuffer(),
    sharp(data, raw).resize(480, 480, { fit: 'inside' }).jpeg({ quality: 70 }).toBuffer(),
  ]);
  await Promise.all([
    writeFile(path.join(dir, `${sha256}.wm.jpg`), watermarked),
    writeFile(path.join(dir, `${sha256}.th.jpg`), thumbnail),
  ]);
}

/** Runs `count` jobs on `concurrency` workers; returns the wall time in milliseconds. */
async function runConcurrently(count: number, concurrency: number, job: (i: number) => Promise<unknown>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await job(i);
    }),
  );
  return performance.now() - start;
}

/**
 * Photo ingest of 12-megapixel JPEGs through the platform (resumable upload in 512 KB chunks,
 * SHA-256 check, type by bytes, EXIF, thumbnail, watermark, file store with fsync, row and audit
 * in one transaction) against a bare sharp pipeline doing the same image work in the same run.
 * Two figures: one photo at a time (latency; the two take turns photo by photo), and throughput
 * with BENCH_CONCURRENCY uploads at once (default 2: phones upload side by side), each side run
 * twice in the order bare, full, full, bare and its faster run kept.
 */
export async function benchPhotoIngest(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_N ?? 12);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
  const bench = await openFieldBench();
  const bareDir = mkdtempSync(path.join(tmpdir(), 'eco-bench-bare-'));
  try {
    const gps = { lat: bench.site.latitude + 0.0004, lng: bench.site.longitude - 0.0003 };
    const bases = await Promise.all(
      [11, 29].map((seed) =>
        makeJpeg({ width: 4000, height: 3000, gps, exifTime: new Date(), quality: 95, seed }),
      ),
    );
    let made = 0;
    const nextPhoto = () => {
      const bytes = variant(bases[made % bases.length] ?? Buffer.alloc(0), made++);
      // The phone hashes the photo before uploading: not the server's work.
      return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    };
    const lines = watermarkLines({
      projectName: '某化工有限公司废渣危险特性鉴别项目',
      pointName: '1号废渣堆场',
      photoTypeLabel: '采样作业照片',
      personName: '王强',
      capturedAt: new Date(),
      position: { ...bench.site, accuracy: 6 },
    });
    const size = nextPhoto().bytes.length;
    console.error(
      `  照片 4000×3000，${(size / 1024 / 1024).toFixed(2)} MB；逐张 ${n} 张 × 2，并发 ${concurrency} 各 ${n} 张 × 4`,
    );

    const full: number[] = [];
    const bare: number[] = [];
    const upload: number[] = [];
    const ingest: number[] = [];
    for (let i = -2; i < n; i++) {
      const { bytes, sha256 } = nextPhoto();
      const runFull = async () => {
        const start = performance.now();
        const parts = await ingestThroughApi(bench, bytes, sha256);
        if (i < 0) return;
        full.push(performance.now() - start);
        upload.push(parts.uploadMs);
        ingest.push(parts.photoMs);
      };
      const runBare = async () => {
        const start = performance.now();
        await ingestBare(bytes, bareDir, lines);
        if (i >= 0) bare.push(performance.now() - start);
      };
      // Who goes first changes every round, so that neither profits from the other's warm caches.
      if (i % 2 === 0) await runFull().then(runBare);
      else await runBare().then(runFull);
    }

    const batch = () => Array.from({ length: n }, nextPhoto);
    const fullWall = (photos: ReturnType<typeof batch>) =>
      runConcurrently(n, concurrency, (i) => {
        const p = photos[i];
        return p ? ingestThroughApi(bench, p.bytes, p.sha256) : Promise.resolve();
      });
    const bareWall = (photos: ReturnType<typeof batch>) =>
      runConcurrently(n, concurrency, (i) => {
        const p = photos[i];
        return p ? ingestBare(p.bytes, bareDir, lines) : Promise.resolve();
      });
    const walls = { bare: [await bareWall(batch())], full: [await fullWall(batch())] };
    walls.full.push(await fullWall(batch()));
    walls.bare.push(await bareWall(batch()));
    const perSecond = (ms: number) => Number(((n * 1000) / ms).toFixed(2));
    const fullPerS = perSecond(Math.min(...walls.full));
    const barePerS = perSecond(Math.min(...walls.bare));

    const f = summarize(full);
    const b = summarize(bare);
    const base = {
      db: bench.env.database.kind,
      megapixels: 12,
      bytes: size,
      chunk_bytes: chunkBytes,
    };
    return [
      {
        id: 'field.photo-ingest',
        ...base,
        n,
        concurrency,
        full_photos_per_s: fullPerS,
        bare_photos_per_s: barePerS,
        ratio: Number((fullPerS / barePerS).toFixed(2)),
      },
      {
        id: 'field.photo-ingest-one-at-a-time',
        ...base,
        n,
        full_photos_per_s: Number((1000 / f.mean).toFixed(2)),
        bare_photos_per_s: Number((1000 / b.mean).toFixed(2)),
        full_p50_ms: f.p50,
        full_p95_ms: f.p95,
        upload_p50_ms: summarize(upload).p50,
        photo_post_p50_ms: summarize(ingest).p50,
        bare_p50_ms: b.p50,
        bare_p95_ms: b.p95,
        ratio: Number((b.mean / f.mean).toFixed(2)),
        /** POST /photos alone (the bytes already uploaded) against the bare pipeline. */
        photo_post_ratio: Number((b.mean / summarize(ingest).mean).toFixed(2)),
      },
    ];
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
    await bench.env.close();
  }
}
