import { parseArgs } from 'node:util';
import pg from 'pg';
import { agencies } from '../../server/src/modules/agencies/agencies.tables.ts';
import { users } from '../../server/src/modules/users/users.tables.ts';
import { openPostgres } from '../../server/src/platform/db/client.ts';
import { seedReferenceData } from '../../server/src/seed/reference.ts';
import { type BenchAgency, buildAgencies, buildClients } from './actors.ts';
import {
  assertBenchDatabase,
  type BenchMeta,
  countAppliedMigrations,
  defaultBenchUrl,
  describeUrl,
  dropSecondaryIndexes,
  ensureBenchDatabase,
  readMeta,
  restoreSecondaryIndexes,
  writeMeta,
} from './database.ts';
import { insertProjectBatch, prepareGenerationSession } from './projects.ts';

/**
 * `npm run bench:data -- --projects 1000000`: fills BENCH_DATABASE_URL (default eco_bench on
 * the local server) with agencies and projects for the benchmarks. Resumable: each batch
 * commits with its progress, so a rerun continues where the last stopped and does nothing
 * once complete. `--recreate` drops the bench database first.
 */
const { values: args } = parseArgs({
  options: {
    projects: { type: 'string', default: '1000000' },
    agencies: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '50000' },
    recreate: { type: 'boolean', default: false },
  },
});
const total = Number(args.projects);
const agencyCount = Number(args.agencies);
const batchSize = Number(args.batch);
const url = process.env.BENCH_DATABASE_URL ?? defaultBenchUrl;
const { name: dbName, server } = describeUrl(url);
const log = (message: string) =>
  console.error(`[bench:data ${new Date().toISOString().slice(11, 19)}] ${message}`);

log(`数据库 ${dbName} @ ${server}`);
await assertBenchDatabase(url);
if (await ensureBenchDatabase(url, { recreate: args.recreate })) log(`已创建数据库 ${dbName}（C.UTF-8）`);

// Migrations may build indexes over the million rows: give them memory.
const database = await openPostgres(withOptions(url, '-c maintenance_work_mem=1GB'), 2);
const migrationsBefore = await countAppliedMigrations(url);
await database.migrate();
const migrated = (await countAppliedMigrations(url)) > migrationsBefore;
await seedReferenceData(database.db);
log(`迁移${migrated ? '（有新迁移）' : ''}和参考数据（行政区划、字典）已就绪`);

const benchAgencies = buildAgencies(agencyCount);
await insertAgencies(benchAgencies);
log(`机构 ${benchAgencies.length} 家，账号 ${benchAgencies.length + 2} 个`);

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(
    "set synchronous_commit = off; set maintenance_work_mem = '1GB'; set work_mem = '256MB'; set max_parallel_maintenance_workers = 2",
  );
  const plan = await loadPlan(client);
  const started = Date.now();
  if (plan.done >= total) log(`项目已有 ${plan.done} 个，无需生成`);
  else {
    await prepareGenerationSession(client, benchAgencies, buildClients(Number(args.clients)));
    const dropped = total - plan.done > 100_000 ? await dropSecondaryIndexes(client) : 0;
    if (dropped > 0) log(`批量写入前暂时删除 ${dropped} 个二级索引，写完重建`);
    log(`项目：已有 ${plan.done}，目标 ${total}`);
    while (plan.done < total) {
      const to = Math.min(total, plan.done + batchSize);
      const batchStarted = Date.now();
      await client.query('begin');
      const inserted = await insertProjectBatch(client, plan, plan.done + 1, to);
      if (inserted !== to - plan.done) throw new Error(`批次 ${plan.done + 1}…${to} 只写入 ${inserted} 行`);
      plan.done = to;
      plan.vacuumed = false;
      await writeMeta(client, plan);
      await client.query('commit');
      const rate = Math.round((inserted / (Date.now() - batchStarted)) * 1000);
      log(`项目 ${to} / ${total}（${rate} 行/秒）`);
    }
  }
  const built = await restoreSecondaryIndexes(client);
  if (built.length > 0) log(`已重建索引：${built.join(', ')}（${seconds(started)}）`);
  if (!plan.vacuumed || built.length > 0 || migrated) {
    await client.query('vacuum (analyze) projects, project_sequences, agencies, users');
    await writeMeta(client, { ...plan, vacuumed: true });
    await reportSummary(client);
    log(`完成：${total} 个项目，用时 ${seconds(started)}`);
  } else log('数据完整，什么也没做');
} finally {
  await client.end();
  await database.close();
}

/** The plan of this database, made at the first run: the three-year window is fixed then. */
async function loadPlan(session: pg.Client): Promise<BenchMeta> {
  const existing = await readMeta(session);
  if (existing) {
    if (existing.total !== total) {
      throw new Error(`${dbName} 按 ${existing.total} 个项目生成；要改为 ${total}，请加 --recreate 重建`);
    }
    return existing;
  }
  const day = 86_400_000;
  const chinaOffset = 8 * 3_600_000;
  // The last midnight in China: no project is created in the future.
  const end = new Date(Math.floor((Date.now() + chinaOffset) / day) * day - chinaOffset);
  const spanSeconds = 3 * 365 * 86400;
  const meta = { total, startEpoch: end.getTime() / 1000 - spanSeconds, spanSeconds, done: 0 };
  await writeMeta(session, meta);
  return meta;
}

async function insertAgencies(rows: BenchAgency[]): Promise<void> {
  const approvedAt = new Date(Date.now() - 4 * 365 * 86400_000);
  await database.db
    .insert(agencies)
    .values(
      rows.map((a) => ({
        id: a.id,
        name: a.name,
        creditCode: a.creditCode,
        regionCode: a.regionCode,
        status: 'approved',
        legalRepresentative: a.legalRepresentative,
        contactPerson: a.legalRepresentative,
        contactPhone: a.contactPhone,
        email: a.email,
        registeredAddress: a.address,
        officeAddress: a.address,
        industryCategories: ['hazardous_waste_identification', 'environmental_monitoring'],
        cmaNumber: a.cmaNumber,
        cmaValidFrom: '2022-01-01',
        cmaValidTo: '2028-12-31',
        qualificationScope: '危险废物鉴别；水和废水；环境空气和废气；土壤；噪声',
        approvedAt,
        createdAt: approvedAt,
        updatedAt: approvedAt,
      })),
    )
    .onConflictDoNothing();
  // Accounts the benchmarks sign in as (sessions are made directly: these have no password).
  const account = { passwordHash: 'bench:no-password-login', mustChangePassword: false, kind: 'internal' };
  await database.db
    .insert(users)
    .values([
      {
        ...account,
        username: 'bench_regulator',
        displayName: '省厅监管员',
        role: 'regulator',
        regionCode: '510000',
      },
      {
        ...account,
        username: 'bench_regulator_cd',
        displayName: '成都市局监管员',
        role: 'regulator',
        regionCode: '510100',
      },
      ...rows.map((a) => ({
        ...account,
        id: a.adminId,
        username: `bench_agency_${String(a.k).padStart(4, '0')}`,
        displayName: a.legalRepresentative,
        role: 'agency_admin',
        agencyId: a.id,
        kind: 'legal_person',
      })),
    ])
    .onConflictDoNothing();
}

async function reportSummary(session: pg.Client): Promise<void> {
  const { rows } = await session.query<{ status: string; n: number; share: string }>(`
    select status, count(*)::int as n, round(100.0 * count(*) / sum(count(*)) over (), 1)::text as share
    from projects group by status order by n desc`);
  log(`状态：${rows.map((r) => `${r.status} ${r.n}（${r.share}%）`).join('，')}`);
  const { rows: cities } = await session.query<{ n: number; chengdu: number; counties: number }>(`
    select count(*)::int as n, count(*) filter (where city_code = '5101')::int as chengdu,
      count(distinct region_code)::int as counties from projects`);
  const c = cities[0];
  if (c) log(`成都市 ${c.chengdu} / ${c.n}，覆盖区县 ${c.counties} 个`);
}

function withOptions(databaseUrl: string, options: string): string {
  const parsed = new URL(databaseUrl);
  parsed.searchParams.set('options', options);
  return parsed.toString();
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} 秒`;
}
