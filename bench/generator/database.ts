import pg from 'pg';

export const defaultBenchUrl = 'postgres://postgres@127.0.0.1:5432/eco_bench';

/** `postgres://…/eco_bench` → its name and the same server's `postgres` database. */
export function describeUrl(url: string): { name: string; server: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return {
    name,
    server: `${parsed.hostname}:${parsed.port || '5432'}`,
    maintenanceUrl: maintenance.toString(),
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates the database when missing, with the locale Chinese trigram search needs, and refuses
 * one whose LC_CTYPE would make pg_trgm blind to Chinese. Returns whether it was created.
 */
export async function ensureBenchDatabase(url: string, options: { recreate: boolean }): Promise<boolean> {
  const { name, maintenanceUrl } = describeUrl(url);
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    if (options.recreate) {
      await assertBenchDatabase(url);
      await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    }
    const existing = await admin.query<{ ctype: string }>(
      'select datctype as ctype from pg_database where datname = $1',
      [name],
    );
    const row = existing.rows[0];
    if (row) {
      if (!/utf-?8/i.test(row.ctype)) {
        throw new Error(
          `数据库 ${name} 的 LC_CTYPE 是 ${row.ctype}：pg_trgm 无法切分中文，请用 C.UTF-8 重建`,
        );
      }
      return false;
    }
    await admin.query(
      `create database ${quoteIdent(name)} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    return true;
  } finally {
    await admin.end();
  }
}

/**
 * The generator only fills databases it made: ones holding `bench_meta`, or holding no user
 * at all (then it marks them). A database of the running platform is refused.
 */
export async function assertBenchDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return; // missing: it will be created
  }
  try {
    const { rows } = await client.query<{ meta: string | null; users: string | null }>(
      `select to_regclass('public.bench_meta')::text as meta, to_regclass('public.users')::text as users`,
    );
    if (rows[0]?.meta || !rows[0]?.users) return;
    const { rows: people } = await client.query<{ n: number }>(
      'select count(*)::int as n from users where username not like $1',
      ['bench\\_%'],
    );
    if ((people[0]?.n ?? 0) > 0) {
      throw new Error(
        `${describeUrl(url).name} 不是基准测试数据库（已有平台用户，没有 bench_meta）；拒绝写入`,
      );
    }
  } finally {
    await client.end();
  }
}

export type BenchMeta = {
  total: number;
  startEpoch: number;
  spanSeconds: number;
  done: number;
  /** Whether VACUUM (ANALYZE) ran after the last change: a rerun on complete data then does nothing. */
  vacuumed?: boolean;
};

/** How many migrations the database has applied (0 before the first). */
export async function countAppliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
         else (select count(*)::int from drizzle.__drizzle_migrations) end as n`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

export async function readMeta(client: pg.ClientBase): Promise<BenchMeta | null> {
  await client.query('create table if not exists bench_meta (key text primary key, value jsonb not null)');
  const { rows } = await client.query<{ value: BenchMeta }>(
    "select value from bench_meta where key = 'plan'",
  );
  return rows[0]?.value ?? null;
}

export async function writeMeta(client: pg.ClientBase, meta: BenchMeta): Promise<void> {
  await client.query(
    `insert into bench_meta (key, value) values ('plan', $1)
     on conflict (key) do update set value = excluded.value`,
    [JSON.stringify(meta)],
  );
}

/**
 * Secondary indexes of `projects` are dropped for a bulk load and built afterwards, which is
 * several times faster than maintaining them row by row. Their definitions are kept in
 * bench_meta first, so an interrupted run still rebuilds them next time.
 */
export async function dropSecondaryIndexes(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    select i.relname as name, pg_get_indexdef(i.oid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = 'public.projects'::regclass and not x.indisunique and not x.indisprimary`);
  if (rows.length === 0) return 0;
  await client.query(
    `insert into bench_meta (key, value) values ('dropped_indexes', $1)
     on conflict (key) do update set value = bench_meta.value || excluded.value`,
    [JSON.stringify(rows)],
  );
  for (const row of rows) await client.query(`drop index if exists ${quoteIdent(row.name)}`);
  return rows.length;
}

/** Builds whatever `dropSecondaryIndexes` left out; returns the names built. */
export async function restoreSecondaryIndexes(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ value: { name: string; def: string }[] }>(
    "select value from bench_meta where key = 'dropped_indexes'",
  );
  const built: string[] = [];
  for (const index of rows[0]?.value ?? []) {
    const { rows: present } = await client.query('select to_regclass($1) as oid', [`public.${index.name}`]);
    if (present[0]?.oid) continue;
    await client.query(index.def);
    built.push(index.name);
  }
  await client.query("delete from bench_meta where key = 'dropped_indexes'");
  return built;
}
