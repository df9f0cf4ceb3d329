import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectFilterSchema } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { listProjectBatch, projectSearchSql } from '../../server/src/modules/projects/projects.queries.ts';
import { projectScopeOf } from '../../server/src/modules/projects/projects.service.ts';
import { users } from '../../server/src/modules/users/users.tables.ts';
import { openPostgres } from '../../server/src/platform/db/client.ts';
import { actorOf, countAllMatches, type Figure, findGeneratedData } from '../support.ts';
import type { ExportJob, ExportResult } from './project-export-worker.ts';

/** 成都市, 审核通过: about a tenth of the generated million. */
const query = { regionCode: '510100', status: 'approved' };
const username = 'bench_regulator';
const outDir = path.resolve(import.meta.dirname, '../out');

/**
 * 导出 of ~100,000 projects through exportProjectsXlsx (keyset batches, labels, backpressure)
 * against a bare exceljs WorkbookWriter fed by one cursor over the same SQL, each in a process
 * of its own so that peak RSS is the export's; the .xlsx files land in bench/out/.
 */
export async function benchProjectExport(): Promise<Figure[]> {
  const data = await findGeneratedData();
  if ('missing' in data) {
    console.error(`跳过 project-export：${data.missing}`);
    return [];
  }
  const filter = projectFilterSchema.parse(query);
  const database = await openPostgres(data.url, 2);
  let job: Omit<ExportJob, 'mode' | 'output'>;
  try {
    const [user] = await database.db.select().from(users).where(eq(users.username, username));
    if (!user) throw new Error(`no user ${username}: run npm run bench:data`);
    const scope = projectScopeOf(actorOf(user));
    const count = projectSearchSql(database.db, scope, filter, { page: 1, pageSize: 1 }).total;
    const client = new pg.Client({ connectionString: data.url });
    await client.connect();
    const expectedRows = await countAllMatches(client, count).finally(() => client.end());
    job = {
      url: data.url,
      username,
      filter,
      expectedRows,
      statement: listProjectBatch(database.db, scope, filter, null, expectedRows).toSQL(),
    };
  } finally {
    await database.close();
  }
  console.error(`  导出 ${job.expectedRows} 行（${new URLSearchParams(query).toString()}）`);
  // Each twice, in the order b p p b, keeping the faster run of each: neither profits alone from
  // the other warming the cache.
  const run = (mode: ExportJob['mode']) =>
    runWorker({ ...job, mode, output: path.join(outDir, `export-${mode}.xlsx`) });
  const runs = [await run('baseline'), await run('platform'), await run('platform'), await run('baseline')];
  const best = (mode: string) => {
    const mine = runs.filter((r) => r.mode === mode);
    const fastest = mine.reduce((a, b) => (b.ms < a.ms ? b : a));
    return { ...fastest, peakRssMb: Math.max(...mine.map((r) => r.peakRssMb)) };
  };
  const [baseline, platform] = [best('baseline'), best('platform')];
  for (const file of ['export-baseline.xlsx', 'export-platform.xlsx']) {
    const written = await countDataRows(path.join(outDir, file));
    if (written !== job.expectedRows)
      throw new Error(`${file}: ${written} rows, ${job.expectedRows} expected`);
  }
  const perSecond = (r: ExportResult) => Math.round((r.rows / r.ms) * 1000);
  return [
    {
      id: 'export.xlsx',
      rows: data.rows,
      exported: platform.rows,
      export_ms: platform.ms,
      export_rows_per_s: perSecond(platform),
      export_peak_rss_mb: platform.peakRssMb,
      export_ready_rss_mb: platform.readyRssMb,
      export_peak_heap_mb: platform.peakHeapUsedMb,
      export_bytes: platform.bytes,
      baseline_rows: baseline.rows,
      baseline_ms: baseline.ms,
      baseline_rows_per_s: perSecond(baseline),
      baseline_peak_rss_mb: baseline.peakRssMb,
      baseline_ready_rss_mb: baseline.readyRssMb,
      baseline_peak_heap_mb: baseline.peakHeapUsedMb,
      ratio: Number((platform.ms / baseline.ms).toFixed(2)),
      rss_ratio: Number((platform.peakRssMb / baseline.peakRssMb).toFixed(2)),
    },
  ];
}

function runWorker(job: ExportJob): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'project-export-worker.ts')],
      {
        env: { ...process.env, BENCH_EXPORT_JOB: JSON.stringify(job) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${job.mode} export exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ExportResult);
    });
  });
}

/** Rows under the header of the first sheet, read back with exceljs's streaming reader. */
async function countDataRows(file: string): Promise<number> {
  let rows = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
    for await (const _row of sheet) rows++;
    break;
  }
  return rows - 1;
}
