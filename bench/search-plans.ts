import { readFileSync } from 'node:fs';
import pg from 'pg';
import { defaultBenchUrl } from './generator/database.ts';

/**
 * `node --import tsx bench/search-plans.ts`: the name-search strategies of bench/README.md on the
 * generated data, as a Markdown table. Each query runs in one backend without parallel workers,
 * seven times after a warm-up; besides the wall time it reports the CPU time the backend used
 * (from /proc/<pid>/schedstat, so the server must be local), which a busy machine inflates far
 * less than the wall time. Pages are the shared buffers the plan touched (hit + read).
 */
type Probe = { label: string; sql: string; matches: string };

const count = (where: string) => `select count(*) from projects where deleted_at is null and ${where}`;
const page = (where: string, offset = 0) =>
  `select p.id, p.name, a.name from projects p join agencies a on a.id = p.agency_id
   where p.deleted_at is null and ${where.replace(/\b(name|city_code)/g, 'p.$1')}
   order by p.created_at desc nulls last, p.id limit 20 offset ${offset}`;
/** Deep pages: the ids by an index-only scan, then only twenty rows fetched. */
const deferredPage = (where: string, offset: number) =>
  `select p.id, p.name, a.name from projects p join agencies a on a.id = p.agency_id
   where p.id in (select id from projects where deleted_at is null and ${where}
     order by created_at desc nulls last, id limit 20 offset ${offset})
   order by p.created_at desc nulls last, p.id`;
const cappedCount = (where: string) =>
  `select count(*) from (select 1 from projects where deleted_at is null and ${where} limit 10001) t`;

const nameProbes = (term: string, how: string, where: string): Probe[] => [
  { label: `${term} · ${how}`, sql: count(where), matches: where },
  { label: `${term} · ${how} · page 1`, sql: page(where), matches: where },
];

const probes: Probe[] = [
  ...nameProbes('化工', 'ILIKE (no trigram: scan)', `name ilike '%化工%'`),
  ...nameProbes('化工', 'bigram index', `name_bigrams @> array['化工']`),
  {
    label: '化工 · bigram index · count capped at 10,001',
    sql: cappedCount(`name_bigrams @> array['化工']`),
    matches: `name_bigrams @> array['化工']`,
  },
  ...nameProbes('钢铁', 'ILIKE (no trigram: scan)', `name ilike '%钢铁%'`),
  ...nameProbes('钢铁', 'bigram index', `name_bigrams @> array['钢铁']`),
  ...nameProbes('鉴别', 'ILIKE (no trigram: scan)', `name ilike '%鉴别%'`),
  ...nameProbes('鉴别', 'bigram index', `name_bigrams @> array['鉴别']`),
  ...nameProbes('废催化剂', 'ILIKE (pg_trgm)', `name ilike '%废催化剂%'`),
  ...nameProbes('攀枝花钢城', 'ILIKE (pg_trgm)', `name ilike '%攀枝花钢城%'`),
  ...nameProbes('化', 'ILIKE (one character: scan)', `name ilike '%化%'`),
  { label: 'province · count', sql: count('true'), matches: 'true' },
  { label: 'province · count capped at 10,001', sql: cappedCount('true'), matches: 'true' },
  { label: 'province · page 500 (OFFSET)', sql: page('true', 9980), matches: 'true' },
  { label: 'province · page 500 (deferred join)', sql: deferredPage('true', 9980), matches: 'true' },
  { label: '成都市 · count', sql: count(`city_code = '5101'`), matches: `city_code = '5101'` },
  {
    label: '成都市 · page 500 (OFFSET)',
    sql: page(`city_code = '5101'`, 9980),
    matches: `city_code = '5101'`,
  },
  {
    label: '成都市 · page 500 (deferred join)',
    sql: deferredPage(`city_code = '5101'`, 9980),
    matches: `city_code = '5101'`,
  },
  {
    label: '成都市 已完成 · count',
    sql: count(`city_code = '5101' and status = 'submitted'`),
    matches: `city_code = '5101' and status = 'submitted'`,
  },
];

const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? defaultBenchUrl });
await client.connect();
await client.query('set max_parallel_workers_per_gather = 0');
const { rows: pidRows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
const pid = pidRows[0]?.pid;
const cpuNs = () => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const describe = (node: PlanNode): string[] => [
  ...(node['Node Type'].includes('Scan')
    ? [`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`]
    : []),
  ...(node.Plans ?? []).flatMap(describe),
];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log('| query | matches | plan | pages | wall ms | backend CPU ms |');
console.log('|---|---:|---|---:|---:|---:|');
for (const probe of probes) {
  const { rows } = await client.query(
    `select count(*)::int as n from projects where deleted_at is null and ${probe.matches}`,
  );
  await client.query(probe.sql);
  const walls: number[] = [];
  const cpus: number[] = [];
  let plan: { root: PlanNode; pages: number } | undefined;
  for (let i = 0; i < 7; i++) {
    const before = cpuNs();
    const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, buffers, timing off, format json) ${probe.sql}`,
    );
    cpus.push((cpuNs() - before) / 1e6);
    const [explained] = result.rows[0]?.['QUERY PLAN'] ?? [];
    if (!explained) throw new Error('no plan');
    walls.push(explained['Execution Time']);
    const root = explained.Plan as PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
    plan = { root, pages: root['Shared Hit Blocks'] + root['Shared Read Blocks'] };
  }
  if (!plan) continue;
  const scans = [...new Set(describe(plan.root))].join(' + ');
  console.log(
    `| ${probe.label} | ${rows[0]?.n} | ${scans} | ${plan.pages} | ${median(walls).toFixed(1)} | ${median(cpus).toFixed(1)} |`,
  );
}
await client.end();
