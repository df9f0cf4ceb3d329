import type pg from 'pg';
import type { BenchAgency, BenchClient } from './actors.ts';
import { givenNames, products, projectKinds, sites, surnames, wastes } from './parts.ts';

export type GenerationPlan = {
  /** Projects wanted in all. */
  total: number;
  /** created_at runs evenly from `startEpoch` over `spanSeconds` (three years), in project order. */
  startEpoch: number;
  spanSeconds: number;
};

/**
 * Session-local look-up tables the batch statement joins: clients by number, agencies by
 * number and by 市州, and a hash function. Temporary, so the bench database keeps only the
 * platform's own tables (plus `bench_meta`).
 */
export async function prepareGenerationSession(
  client: pg.ClientBase,
  agencies: BenchAgency[],
  clients: BenchClient[],
): Promise<void> {
  await client.query(`
    create or replace function pg_temp.h(i bigint, k int) returns bigint
      language sql immutable parallel safe
      as 'select hashint8(i * 64 + k)::bigint & 2147483647';
    create temp table bench_clients (
      k int primary key, name text, credit_code text, contact text, phone text, email text,
      address text, region_code text, longitude float8, latitude float8);
    create temp table bench_agencies (k int primary key, id uuid, admin_id uuid, name text, city_code text);
  `);
  for (let offset = 0; offset < clients.length; offset += 5000) {
    const chunk = clients.slice(offset, offset + 5000);
    const column = <K extends keyof BenchClient>(key: K) => chunk.map((c) => c[key]);
    await client.query(
      `insert into bench_clients select * from unnest($1::int[], $2::text[], $3::text[], $4::text[],
         $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[])`,
      [
        column('k'),
        column('name'),
        column('creditCode'),
        column('contact'),
        column('phone'),
        column('email'),
        column('address'),
        column('regionCode'),
        column('longitude'),
        column('latitude'),
      ],
    );
  }
  await client.query(
    `insert into bench_agencies select * from unnest($1::int[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
    [
      agencies.map((a) => a.k),
      agencies.map((a) => a.id),
      agencies.map((a) => a.adminId),
      agencies.map((a) => a.name),
      agencies.map((a) => a.regionCode.slice(0, 4)),
    ],
  );
  await client.query(`
    create temp table bench_city_agencies as
      select city_code, array_agg(k order by k) as ks from bench_agencies group by city_code;
    analyze bench_clients; analyze bench_agencies; analyze bench_city_agencies;
  `);
}

const weightedKinds = projectKinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));

/**
 * Projects `from`…`to` (1-based, inclusive) in one statement, numbered on from
 * project_sequences, which the same statement moves on: each row is a pure function of its
 * number, so a batch that failed is simply done again. Statuses: 40% 审核通过, 25% 已完成
 * (submitted), 10% 退回, 25% 未完成; a few open ones deleted.
 */
export async function insertProjectBatch(
  client: pg.ClientBase,
  plan: GenerationPlan,
  from: number,
  to: number,
): Promise<number> {
  const result = await client.query(
    `
with base as (
  select g.i, c.*,
    to_timestamp($4::float8 + ((g.i - 1) + pg_temp.h(g.i, 1) / 2147483648.0) * $5::float8 / $3::float8) as created_at,
    pg_temp.h(g.i, 2) % 100 as status_roll,
    1 + pg_temp.h(g.i, 6) % cardinality($6::text[]) as kind
  from generate_series($1::bigint, $2::bigint) as g(i)
  join bench_clients c on c.k = 1 + pg_temp.h(g.i, 3) % (select count(*) from bench_clients)
), rows as (
  select b.*,
    extract(year from b.created_at at time zone 'Asia/Shanghai')::int as year,
    (b.created_at at time zone 'Asia/Shanghai')::date as created_on,
    case when b.status_roll < 40 then 'approved' when b.status_roll < 65 then 'submitted'
         when b.status_roll < 75 then 'returned' else 'in_progress' end as status,
    a.id as agency_id, a.admin_id,
    case when pg_temp.h(b.i, 8) % 100 < 8 then
      (select s.name from bench_agencies s where s.k = 1 + pg_temp.h(b.i, 9) % (select count(*) from bench_agencies) and s.id <> a.id) end
      as subcontractor_name
  from base b
  left join bench_city_agencies ca on ca.city_code = left(b.region_code, 4)
  join bench_agencies a on a.k = case
    when ca.ks is not null and pg_temp.h(b.i, 4) % 100 < 75 then ca.ks[1 + pg_temp.h(b.i, 5) % cardinality(ca.ks)]
    else 1 + pg_temp.h(b.i, 5) % (select count(*) from bench_agencies) end
), numbered as (
  select r.*,
    coalesce(ps.last, 0) + row_number() over (partition by r.region_code, r.year order by r.i) as seq,
    least(r.created_at + make_interval(days => 1 + (pg_temp.h(r.i, 10) % 60)::int), to_timestamp($4 + $5)) as submitted_at
  from rows r
  left join project_sequences ps on ps.region_code = r.region_code and ps.year = r.year
), inserted as (
  insert into projects (
    id, agency_id, project_no, name, monitoring_type, monitoring_nature, region_code, address,
    longitude, latitude, planned_start, planned_end, description, entrust_category,
    client_name, client_credit_code, client_contact, client_phone, client_email, client_address,
    is_subcontracted, subcontractor_name, contract_number, contract_amount, contract_signed_on,
    training_date, training_content, training_participants, status, return_reason,
    submitted_at, reviewed_at, created_by, created_at, updated_at, deleted_at)
  select
    md5('eco-bench:project:' || n.i)::uuid,
    n.agency_id,
    n.region_code || '-' || n.year || '-' || lpad(n.seq::text, 6, '0'),
    format(($8::text[])[n.kind], n.name, ($9::text[])[1 + pg_temp.h(n.i, 11) % cardinality($9::text[])], n.year,
      (1 + pg_temp.h(n.i, 12) % 30) || '万吨' || ($10::text[])[1 + pg_temp.h(n.i, 13) % cardinality($10::text[])],
      ($11::text[])[1 + pg_temp.h(n.i, 14) % cardinality($11::text[])]),
    ($6::text[])[n.kind],
    ($7::text[])[n.kind],
    n.region_code,
    n.address,
    round((n.longitude + (pg_temp.h(n.i, 15) % 1000 - 500) / 100000.0)::numeric, 6)::float8,
    round((n.latitude + (pg_temp.h(n.i, 16) % 1000 - 500) / 100000.0)::numeric, 6)::float8,
    n.created_on + (pg_temp.h(n.i, 17) % 20)::int,
    n.created_on + (pg_temp.h(n.i, 17) % 20)::int + 3 + (pg_temp.h(n.i, 18) % 45)::int,
    case when pg_temp.h(n.i, 19) % 10 < 3 then '按委托方要求开展采样、检测与分析，并出具报告。' end,
    case when pg_temp.h(n.i, 20) % 100 < 85 then 'enterprise' when pg_temp.h(n.i, 20) % 100 < 93 then 'government'
         when pg_temp.h(n.i, 20) % 100 < 96 then 'judicial' else 'other' end,
    n.name, n.credit_code, n.contact, n.phone, n.email, n.address,
    n.subcontractor_name is not null, n.subcontractor_name,
    'HT-' || n.year || '-' || lpad(n.i::text, 7, '0'),
    (50 + pg_temp.h(n.i, 21) % 3000) * 100,
    n.created_on - (pg_temp.h(n.i, 22) % 10)::int,
    n.created_on + (pg_temp.h(n.i, 17) % 20)::int - 1,
    '项目技术交底、采样规范、样品保存运输及安全培训',
    substr($12::text, 1 + (pg_temp.h(n.i, 23) % char_length($12::text))::int, 1)
      || ($13::text[])[1 + pg_temp.h(n.i, 24) % cardinality($13::text[])] || '、'
      || substr($12::text, 1 + (pg_temp.h(n.i, 25) % char_length($12::text))::int, 1)
      || ($13::text[])[1 + pg_temp.h(n.i, 26) % cardinality($13::text[])],
    n.status,
    case when n.status = 'returned' then '检测报告附件不完整，请补充采样记录和现场照片后再提交。' end,
    case when n.status <> 'in_progress' then n.submitted_at end,
    case when n.status in ('approved', 'returned') then
      least(n.submitted_at + make_interval(days => 1 + (pg_temp.h(n.i, 27) % 10)::int), to_timestamp($4 + $5)) end,
    n.admin_id,
    n.created_at,
    case when n.status = 'in_progress' then n.created_at
         when n.status = 'submitted' then n.submitted_at
         else least(n.submitted_at + make_interval(days => 1 + (pg_temp.h(n.i, 27) % 10)::int), to_timestamp($4 + $5)) end,
    case when n.status = 'in_progress' and pg_temp.h(n.i, 28) % 100 < 2 then n.created_at + interval '1 day' end
  from numbered n
  returning 1
)
insert into project_sequences (region_code, year, last)
select region_code, year, max(seq) from numbered group by region_code, year
on conflict (region_code, year) do update set last = excluded.last
returning (select count(*) from inserted) as inserted
`,
    [
      from,
      to,
      plan.total,
      plan.startEpoch,
      plan.spanSeconds,
      weightedKinds.map((k) => k.type),
      weightedKinds.map((k) => k.nature),
      weightedKinds.map((k) => k.template),
      wastes,
      products,
      sites,
      surnames,
      givenNames,
    ],
  );
  return Number(result.rows[0]?.inserted ?? 0);
}
