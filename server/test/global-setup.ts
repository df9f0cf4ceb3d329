import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/platform/db/client.ts';
import { seedReferenceData } from '../src/seed/reference.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; dumpPath: string } | { kind: 'postgres'; adminUrl: string; template: string };
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Migrates and loads reference data once per run: into a PGlite data-dir dump that every test
 * file loads (opening a new PGlite takes seconds), or into a PostgreSQL template database that
 * every test file copies (TEST_DATABASE_URL, with C.UTF-8 collation for Chinese trigrams).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `eco_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `create database ${template} template template0 lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8' encoding 'UTF8'`,
    );
    const db = await openPostgres(withDatabase(url, template), 1);
    await db.migrate();
    await seedReferenceData(db.db);
    await db.close();
    project.provide('testDb', { kind: 'postgres', adminUrl: url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'eco-test-'));
  const db = await openPglite('memory://');
  await db.migrate();
  await seedReferenceData(db.db);
  if (!db.dumpDataDir) throw new Error('PGlite dump unavailable');
  const dump = await db.dumpDataDir();
  const dumpPath = path.join(dir, 'template.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('testDb', { kind: 'pglite', dumpPath });
  return () => rmSync(dir, { recursive: true, force: true });
}
