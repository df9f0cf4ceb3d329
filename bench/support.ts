import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createAesPiiCipher } from '../server/src/platform/crypto/pii.ts';
import { type Database, openDatabase } from '../server/src/platform/db/client.ts';
import { createLocalFileStore } from '../server/src/platform/files/store.ts';
import type { App } from '../server/src/platform/http/types.ts';
import type { Platform } from '../server/src/platform/platform.ts';
import { seedReferenceData } from '../server/src/seed/reference.ts';

export type Figure = { id: string; [key: string]: string | number };

export type BenchEnv = { app: App; platform: Platform; database: Database; close: () => Promise<void> };

/** The app on BENCH_DATABASE_URL (a PostgreSQL database it may fill) or on a temporary PGlite. */
export async function openBenchEnv(): Promise<BenchEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eco-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_IP_LIMIT: '100000',
  });
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL ?? null, dataDir });
  await database.migrate();
  await seedReferenceData(database.db);
  const platform: Platform = {
    config,
    db: database.db,
    files: createLocalFileStore(path.join(dataDir, 'files')),
    pii: createAesPiiCipher(randomBytes(32)),
    now: () => new Date(),
  };
  const app = await buildApp(platform, { logger: false });
  await app.ready();
  return {
    app,
    platform,
    database,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` `n` times after a warm-up and returns the p50 and p95 in milliseconds. */
export async function timeIt(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(20, n); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: Number(at(0.5).toFixed(3)), p95: Number(at(0.95).toFixed(3)) };
}
