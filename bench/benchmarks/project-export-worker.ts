import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ProjectFilter } from '@eco/contracts';
import ExcelJS from 'exceljs';
import pg from 'pg';

/**
 * One export in a process of its own, so that its memory is its own: `platform` runs
 * exportProjectsXlsx as the export route does, `baseline` a bare exceljs WorkbookWriter fed from
 * one server-side cursor over the same SQL. Modules are loaded and the database connected
 * first; then the clock starts and RSS is sampled every 50 ms. Prints one JSON line.
 * Input comes as JSON in BENCH_EXPORT_JOB.
 */
export type ExportJob = {
  mode: 'platform' | 'baseline';
  url: string;
  output: string;
  username: string;
  filter: ProjectFilter;
  /** What the filter matches (the export does not count what it wrote). */
  expectedRows: number;
  /** baseline: the statement the export's batches page through, without its keyset. */
  statement?: { sql: string; params: unknown[] };
};

export type ExportResult = {
  mode: string;
  rows: number;
  ms: number;
  /** RSS once everything is loaded and connected, before the first row. */
  readyRssMb: number;
  peakRssMb: number;
  peakHeapUsedMb: number;
  bytes: number;
};

type Export = { run: (output: Writable) => Promise<number>; close: () => Promise<void> };

const job = JSON.parse(process.env.BENCH_EXPORT_JOB ?? 'null') as ExportJob | null;
if (!job) throw new Error('BENCH_EXPORT_JOB not set');

const exporter = job.mode === 'platform' ? await preparePlatform(job) : await prepareBare(job);
mkdirSync(path.dirname(job.output), { recursive: true });
const output = createWriteStream(job.output);

const mb = (bytes: number) => Math.round(bytes / 1048576);
const ready = process.memoryUsage();
let peakRss = ready.rss;
let peakHeapUsed = ready.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeapUsed = Math.max(peakHeapUsed, now.heapUsed);
}, 50);
const started = process.hrtime.bigint();
const rows = await exporter.run(output);
await finished(output);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
clearInterval(sampler);
// ru_maxrss (kB) also catches a peak between two samples.
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
await exporter.close();
const result: ExportResult = {
  mode: job.mode,
  rows,
  ms: Math.round(ms),
  readyRssMb: mb(ready.rss),
  peakRssMb: mb(peakRss),
  peakHeapUsedMb: mb(peakHeapUsed),
  bytes: statSync(job.output).size,
};
console.log(JSON.stringify(result));
process.exit(0);

async function preparePlatform(j: ExportJob): Promise<Export> {
  const [{ exportProjectsXlsx }, { openPostgres }, { loadConfig }, { createAesPiiCipher }, files, { users }] =
    await Promise.all([
      import('../../server/src/modules/projects/projects.export.ts'),
      import('../../server/src/platform/db/client.ts'),
      import('../../server/src/platform/config.ts'),
      import('../../server/src/platform/crypto/pii.ts'),
      import('../../server/src/platform/files/store.ts'),
      import('../../server/src/modules/users/users.tables.ts'),
    ]);
  const { eq } = await import('drizzle-orm');
  const database = await openPostgres(j.url);
  const [user] = await database.db.select().from(users).where(eq(users.username, j.username));
  if (!user) throw new Error(`no user ${j.username}`);
  const quiet = () => undefined;
  const ctx = {
    db: database.db,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as 'regulator',
      agencyId: user.agencyId,
      personnelId: user.personnelId,
      regionCode: user.regionCode,
    },
    files: files.createLocalFileStore(path.join(tmpdir(), 'eco-bench-files')),
    pii: createAesPiiCipher(randomBytes(32)),
    log: { info: quiet, warn: quiet, error: quiet },
    now: () => new Date(),
    meta: { ip: '127.0.0.1', userAgent: 'eco-bench', requestId: null },
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }),
  };
  return {
    run: async (out) => {
      await exportProjectsXlsx(ctx, j.filter, out);
      return j.expectedRows;
    },
    close: () => database.close(),
  };
}

/** The same ten columns, values as they come (no dictionary labels), one cursor, no keyset. */
async function prepareBare(j: ExportJob): Promise<Export> {
  const { statement } = j;
  if (!statement) throw new Error('baseline needs the statement');
  const client = new pg.Client({ connectionString: j.url });
  await client.connect();
  const time = (v: unknown) => (v instanceof Date ? v.toISOString() : '');
  return {
    run: async (out) => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('项目查询统计');
      sheet
        .addRow([
          '项目编号',
          '项目名称',
          '监测机构',
          '监测类型',
          '项目监测性质',
          '项目区域',
          '委托企业',
          '监测状态',
          '登记时间',
          '提交时间',
        ])
        .commit();
      let rows = 0;
      await client.query('begin');
      await client.query(`declare export_cursor no scroll cursor for ${statement.sql}`, statement.params);
      for (;;) {
        const batch = await client.query({ text: 'fetch 1000 from export_cursor', rowMode: 'array' });
        for (const r of batch.rows as unknown[][]) {
          const [
            ,
            projectNo,
            name,
            ,
            agencyName,
            type,
            nature,
            region,
            client,
            status,
            ,
            createdAt,
            submittedAt,
          ] = r;
          sheet
            .addRow([
              projectNo,
              name,
              agencyName,
              type,
              nature,
              region,
              client,
              status,
              time(createdAt),
              time(submittedAt),
            ])
            .commit();
        }
        rows += batch.rows.length;
        if (batch.rows.length < 1000) break;
      }
      await client.query('commit');
      sheet.commit();
      await workbook.commit();
      return rows;
    },
    close: () => client.end(),
  };
}
