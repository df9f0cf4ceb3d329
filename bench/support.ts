import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectCountCap, type Role } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { users } from '../server/src/modules/users/users.tables.ts';
import { createSession } from '../server/src/platform/auth/sessions.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { Actor } from '../server/src/platform/context.ts';
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

/**
 * Like timeIt, for several functions taking turns (the first to go changes every round, since
 * the second finds the first one's pages in cache), so that a noisy moment hurts them alike.
 * Warms up with n/10 rounds (at most 20).
 */
export async function timeInTurns(
  n: number,
  fns: readonly (() => Promise<unknown>)[],
): Promise<{ p50: number; p95: number }[]> {
  for (let i = 0; i < Math.min(20, Math.ceil(n / 10)); i++) for (const fn of fns) await fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fns.length; k++) {
      const which = (i + k) % fns.length;
      const fn = fns[which];
      if (!fn) continue;
      const start = process.hrtime.bigint();
      await fn();
      samples[which]?.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.map(percentiles);
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: Number(at(0.5).toFixed(3)), p95: Number(at(0.95).toFixed(3)) };
}

export type GeneratedData = { url: string; rows: number };

/**
 * The data set `npm run bench:data` made in BENCH_DATABASE_URL, or why it is not usable; the
 * benchmarks on it skip with that reason instead of measuring an empty table.
 */
export async function findGeneratedData(): Promise<GeneratedData | { missing: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  const hint =
    '先运行 npm run bench:data -- --projects 1000000，再设 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/eco_bench';
  if (!url) return { missing: `未设置 BENCH_DATABASE_URL（PGlite 上没有生成的数据）；${hint}` };
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ plan: { total: number; done: number } | null }>(
      `select case when to_regclass('public.bench_meta') is null then null
         else (select value from bench_meta where key = 'plan') end as plan`,
    );
    const plan = rows[0]?.plan;
    if (!plan) return { missing: `${url} 不是 bench:data 生成的数据库；${hint}` };
    if (plan.done < plan.total)
      return { missing: `数据只生成了 ${plan.done} / ${plan.total} 行；重新运行 npm run bench:data 续完` };
    return { url, rows: plan.total };
  } catch (error) {
    return { missing: `无法连接 ${url}：${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A session for an existing account, made directly (the generated accounts have no password). */
export async function signIn(env: BenchEnv, username: string): Promise<{ cookie: string; actor: Actor }> {
  const [user] = await env.platform.db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) throw new Error(`no user ${username}`);
  const { token } = await createSession(env.platform.db, {
    userId: user.id,
    ip: '127.0.0.1',
    userAgent: 'eco-bench',
    now: env.platform.now(),
    policy: env.platform.config.session,
  });
  return { cookie: `${env.platform.config.session.cookieName}=${token}`, actor: actorOf(user) };
}

/** Whether BENCH_DATABASE_URL holds bench:data's rows (even half made): they must not be truncated. */
export async function isGeneratedDatabase(): Promise<boolean> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>(
      "select to_regclass('public.bench_meta') is not null as found",
    );
    return rows[0]?.found === true;
  } finally {
    await client.end();
  }
}

/** The actor a session of this user would give the services. */
export function actorOf(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    agencyId: user.agencyId,
    personnelId: user.personnelId,
    regionCode: user.regionCode,
  };
}

/**
 * What a search really matches: searchProjects' total statement counts only up to
 * projectCountCap + 1, so it runs here once with that limit lifted.
 */
export async function countAllMatches(
  db: pg.Pool | pg.Client,
  total: { sql: string; params: unknown[] },
): Promise<number> {
  const params = total.params.map((p) => (p === projectCountCap + 1 ? 2_147_483_647 : p));
  const { rows } = await db.query(total.sql, params);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}
