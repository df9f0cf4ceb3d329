import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, rowsOf, type TestEnv } from '../../../test/harness.ts';
import { openPglite } from '../db/client.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const who = () => ({
  actor: null,
  meta: { ip: '127.0.0.1', userAgent: 'test', requestId: null },
  now: () => new Date(),
});

async function addRecords(n: number) {
  for (let i = 0; i < n; i++) {
    await env.platform.db.transaction((tx) =>
      appendAudit(tx, who(), {
        action: 'test.write',
        targetType: 'thing',
        targetId: String(i),
        after: { n: i, 名称: '测试' },
      }),
    );
  }
}

describe('audit chain', () => {
  it('verifies after real writes, and logins are recorded with IP and user agent', async () => {
    const user = await buildUser(env.platform, { role: 'sysadmin' });
    const s = await login(env.app, user.username, user.password);
    await addRecords(3);
    expect(await verifyAuditChain(env.platform.db)).toMatchObject({ ok: true });
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.login',
      headers: as(s),
    });
    expect(res.json().items[0]).toMatchObject({ action: 'auth.login', targetId: user.id });
    const verify = await env.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: as(s) });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('keeps secrets out of before/after', async () => {
    await env.platform.db.transaction((tx) =>
      appendAudit(tx, who(), {
        action: 'test.secret',
        targetType: 'user',
        targetId: 'x',
        after: { name: 'a', passwordHash: 'h', idNumberEnc: 'e' },
      }),
    );
    const rows = await env.platform.db.execute(sql`select after from audit_log where action = 'test.secret'`);
    expect(rowsOf<{ after: unknown }>(rows)[0]?.after).toEqual({ name: 'a' });
  });

  it('names the first altered record', async () => {
    await addRecords(3);
    const target = await env.platform.db.execute(
      sql`select id from audit_log where action = 'test.write' order by id desc limit 1 offset 1`,
    );
    const id = Number(rowsOf<{ id: number | string }>(target)[0]?.id);
    await env.platform.db.execute(sql`update audit_log set after = '{"n": 999}'::jsonb where id = ${id}`);
    expect(await verifyAuditChain(env.platform.db)).toMatchObject({
      ok: false,
      brokenId: id,
      reason: expect.stringContaining('篡改'),
    });
    await env.platform.db.execute(sql`delete from audit_log`);
  });

  it('names the record after a deleted one', async () => {
    await addRecords(4);
    const ids = rowsOf<{ id: number | string }>(
      await env.platform.db.execute(sql`select id from audit_log order by id`),
    ).map((r) => Number(r.id));
    await env.platform.db.execute(sql`delete from audit_log where id = ${ids[1]}`);
    expect(await verifyAuditChain(env.platform.db)).toMatchObject({ ok: false, brokenId: ids[2] });
    await env.platform.db.execute(sql`delete from audit_log`);
  });
});

describe('npm run audit:verify', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/audit-verify.ts');
  const run = (envVars: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...envVars },
      encoding: 'utf8',
    });

  it('passes on an intact chain and names the tampered record otherwise', async () => {
    // The command opens the database itself: the per-test PostgreSQL database, or a PGlite folder.
    let target: Record<string, string>;
    let db = env.platform.db;
    let closeDb = async () => {};
    if (env.databaseUrl) {
      target = { DATABASE_URL: env.databaseUrl };
    } else {
      const dir = path.join(env.dataDir, 'cmd');
      const database = await openPglite(path.join(dir, 'pglite'));
      await database.migrate();
      db = database.db;
      closeDb = () => database.close();
      target = { DATA_DIR: dir };
    }
    await db.execute(sql`delete from audit_log`);
    for (let i = 0; i < 3; i++)
      await db.transaction((tx) =>
        appendAudit(tx, who(), { action: 'cmd.write', targetType: 't', targetId: String(i) }),
      );
    await closeDb();
    const ok = run(target);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('审计链校验通过：共 3 条记录');

    let reopen = async () => {};
    if (!env.databaseUrl) {
      const database = await openPglite(path.join(env.dataDir, 'cmd', 'pglite'));
      db = database.db;
      reopen = () => database.close();
    }
    const [second] = rowsOf<{ id: number | string }>(
      await db.execute(sql`select id from audit_log order by id limit 1 offset 1`),
    );
    if (!second) throw new Error('no second record');
    await db.execute(sql`update audit_log set action = 'cmd.forged' where id = ${second.id}`);
    await reopen();
    const bad = run(target);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`第一条异常记录 id=${second.id}`);
  }, 120_000);
});
