import { randomUUID } from 'node:crypto';
import { fieldTrackBatchMax } from '@eco/contracts';
import type { Db } from '../../server/src/platform/db/client.ts';
import type { Figure } from '../support.ts';
import { benchClock, openFieldBench, summarize } from './field-setup.ts';

type Point = { id: string; deviceTime: string; latitude: number; longitude: number; accuracy: number };

/** The driver under Drizzle (PGlite or a pg Pool): both take (text, params). */
type Queryable = { query: (text: string, params: unknown[]) => Promise<unknown> };
const driverOf = (db: Db) => (db as unknown as { $client: Queryable }).$client;

/** A sampler walking around the site, one fix a second from `start`. */
function walk(site: { latitude: number; longitude: number }, count: number, start: number): Point[] {
  let { latitude, longitude } = site;
  return Array.from({ length: count }, (_, i) => {
    latitude += (Math.random() - 0.5) * 0.00005;
    longitude += (Math.random() - 0.5) * 0.00005;
    return {
      id: randomUUID(),
      deviceTime: new Date(start + i * 1000).toISOString(),
      latitude,
      longitude,
      accuracy: 3 + Math.random() * 20,
    };
  });
}

const columns = 8;
/** INSERT … VALUES ($1 … $8), … ON CONFLICT DO NOTHING for `rows` rows. */
function multiRowInsert(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, r) => {
    const p = Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`);
    return `(${p.join(',')})`;
  });
  return `insert into field_track_points (id, task_id, personnel_id, latitude, longitude, accuracy, device_time, recorded_at) values ${tuples.join(',')} on conflict (id) do nothing`;
}

/**
 * 监测航迹 upload: BENCH_POINTS (100,000) points in batches of 1,000 through
 * POST /api/v1/field/tasks/:id/track (session, CSRF, zod, the task's access rule, the clock
 * correction, insert skipping known ids), against the same points as raw multi-row
 * INSERT … ON CONFLICT DO NOTHING statements on the same driver, batch by batch in turns.
 */
export async function benchTrackIngest(): Promise<Figure[]> {
  const total = Number(process.env.BENCH_POINTS ?? 100_000);
  const batchSize = fieldTrackBatchMax;
  const bench = await openFieldBench();
  try {
    const rawTaskId = await bench.newTask();
    const driver = driverOf(bench.env.platform.db);
    const statement = multiRowInsert(batchSize);
    const start = Date.now() - total * 1000;
    const batches = Math.ceil(total / batchSize);
    console.error(`  ${total} 个航迹点，每批 ${batchSize} 个，共 ${batches} 批 × 2`);
    const api: number[] = [];
    const raw: number[] = [];
    let accepted = 0;
    let lastBatch: Point[] = [];
    for (let b = 0; b < batches; b++) {
      const apiPoints = walk(bench.site, batchSize, start + b * batchSize * 1000);
      const rawPoints = walk(bench.site, batchSize, start + b * batchSize * 1000);
      lastBatch = apiPoints;
      const runApi = async () => {
        const t = performance.now();
        const res = await bench.env.app.inject({
          method: 'POST',
          url: `/api/v1/field/tasks/${bench.taskId}/track`,
          headers: bench.headers,
          payload: { clock: benchClock(), points: apiPoints },
        });
        api.push(performance.now() - t);
        if (res.statusCode !== 200) throw new Error(`track: ${res.statusCode} ${res.body}`);
        accepted += (res.json() as { accepted: number }).accepted;
      };
      const runRaw = async () => {
        const t = performance.now();
        const offsetMs = 1000;
        const params = rawPoints.flatMap((p) => [
          p.id,
          rawTaskId,
          bench.personnelId,
          p.latitude,
          p.longitude,
          p.accuracy,
          p.deviceTime,
          new Date(Date.parse(p.deviceTime) + offsetMs).toISOString(),
        ]);
        await driver.query(statement, params);
        raw.push(performance.now() - t);
      };
      if (b % 2 === 0) await runApi().then(runRaw);
      else await runRaw().then(runApi);
    }
    // The phone sends a batch again (lost response): nothing is stored twice.
    const again = await bench.env.app.inject({
      method: 'POST',
      url: `/api/v1/field/tasks/${bench.taskId}/track`,
      headers: bench.headers,
      payload: { clock: benchClock(), points: lastBatch },
    });
    if ((again.json() as { duplicates: number }).duplicates !== lastBatch.length) {
      throw new Error(`a batch sent again was stored again: ${again.body}`);
    }
    if (accepted !== batches * batchSize) throw new Error(`accepted ${accepted} of ${batches * batchSize}`);
    const a = summarize(api);
    const r = summarize(raw);
    const perSecond = (samples: number[]) =>
      Math.round((samples.length * batchSize * 1000) / samples.reduce((x, y) => x + y, 0));
    const apiPerS = perSecond(api);
    const rawPerS = perSecond(raw);
    return [
      {
        id: 'field.track-ingest',
        db: bench.env.database.kind,
        points: batches * batchSize,
        batch: batchSize,
        api_points_per_s: apiPerS,
        raw_points_per_s: rawPerS,
        api_batch_p50_ms: a.p50,
        api_batch_p95_ms: a.p95,
        raw_batch_p50_ms: r.p50,
        raw_batch_p95_ms: r.p95,
        ratio: Number((apiPerS / rawPerS).toFixed(2)),
      },
    ];
  } finally {
    await bench.env.close();
  }
}
