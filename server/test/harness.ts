import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SessionInfo } from '@eco/contracts';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createAesPiiCipher } from '../src/platform/crypto/pii.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { createLocalFileStore } from '../src/platform/files/store.ts';
import type { App } from '../src/platform/http/types.ts';
import type { Platform } from '../src/platform/platform.ts';

/** A clock tests can move: lockouts, session timeouts and deadlines depend on it. */
export type TestClock = {
  now: () => Date;
  set: (d: Date) => void;
  advance: (ms: number) => void;
  reset: () => void;
};

function createClock(): TestClock {
  let offset = 0;
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed.getTime() + offset) : new Date(Date.now() + offset)),
    set: (d) => {
      fixed = d;
      offset = 0;
    },
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      fixed = null;
      offset = 0;
    },
  };
}

async function openTestDatabase(): Promise<{
  database: Database;
  url: string | null;
  drop: () => Promise<void>;
}> {
  const spec = inject('testDb');
  if (spec.kind === 'pglite') {
    const dump = new Blob([readFileSync(spec.dumpPath)]);
    const database = await openPglite('memory://', { loadDataDir: dump });
    return { database, url: null, drop: async () => {} };
  }
  const name = `eco_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: spec.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${spec.template}`);
  await admin.end();
  const url = new URL(spec.adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: spec.adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export type TestEnv = {
  app: App;
  /** The per-file PostgreSQL database, or null on PGlite. */
  databaseUrl: string | null;
  platform: Platform;
  clock: TestClock;
  database: Database;
  dataDir: string;
  close: () => Promise<void>;
};

/** A fresh database (migrated, with regions and dictionaries), a temp data dir and the built app. */
export async function createTestEnv(env: Record<string, string> = {}): Promise<TestEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eco-data-'));
  const { database, url, drop } = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const clock = createClock();
  const platform: Platform = {
    config,
    db: database.db,
    files: createLocalFileStore(path.join(dataDir, 'files')),
    pii: createAesPiiCipher(randomBytes(32)),
    now: clock.now,
  };
  const app = await buildApp(platform, { logger: false });
  await app.ready();
  return {
    app,
    databaseUrl: url,
    platform,
    clock,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrfToken: string; user: SessionInfo['user'] };

/** Logs in through the API and returns the cookie and CSRF token for later requests. */
export async function login(app: App, username: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'eco_sid');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as SessionInfo;
  return { cookie: `eco_sid=${cookie.value}`, csrfToken: body.csrfToken, user: body.user };
}

/** Headers for an authenticated request; writes carry the CSRF token. */
export function as(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

/** The rows of a raw `db.execute` result, on PGlite and node-postgres alike. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
