import { type ProjectListQuery, projectCountCap, projectListQuerySchema } from '@eco/contracts';
import pg from 'pg';
import { type PageRequest, projectSearchSql } from '../../server/src/modules/projects/projects.queries.ts';
import { projectScopeOf } from '../../server/src/modules/projects/projects.service.ts';
import {
  countAllMatches,
  type Figure,
  findGeneratedData,
  openBenchEnv,
  signIn,
  timeInTurns,
} from '../support.ts';

type Caller = 'province' | 'agency';
type SearchCase = { id: string; caller: Caller; query: Record<string, string> };

/**
 * 查询统计 on the generated million: the cases users wait on. 化工 is the common short search
 * (about 8% of names), 钢铁 a rarer one (2%), 废催化剂 a trigram search (1%).
 */
const cases: SearchCase[] = [
  { id: 'search.fuzzy-name', caller: 'province', query: { name: '废催化剂' } },
  { id: 'search.fuzzy-name-client', caller: 'province', query: { name: '攀枝花钢城' } },
  { id: 'search.fuzzy-2char', caller: 'province', query: { name: '化工' } },
  { id: 'search.fuzzy-2char-rare', caller: 'province', query: { name: '钢铁' } },
  { id: 'search.status-region', caller: 'province', query: { status: 'submitted', regionCode: '510100' } },
  { id: 'search.deep-page', caller: 'province', query: { page: '500' } },
  { id: 'search.deep-page-region', caller: 'province', query: { regionCode: '510100', page: '500' } },
  { id: 'search.agency', caller: 'agency', query: {} },
  { id: 'search.agency-fuzzy-2char', caller: 'agency', query: { name: '鉴别' } },
];

/** The agency of the first generated 法人 account: a 锦江区 agency with about a thousand projects. */
const agencyUsername = 'bench_agency_0001';

/**
 * GET /api/v1/projects through app.inject with a real session (session lookup, access rule,
 * validation, both queries, serialisation) against the same two statements searchProjects
 * sends, run raw on a pool of the same size, in parallel as it runs them.
 */
export async function benchProjectSearch(): Promise<Figure[]> {
  const data = await findGeneratedData();
  if ('missing' in data) {
    console.error(`跳过 project-search：${data.missing}`);
    return [];
  }
  const env = await openBenchEnv();
  const pool = new pg.Pool({ connectionString: data.url, max: 10 });
  try {
    const callers = {
      province: await signIn(env, 'bench_regulator'),
      agency: await signIn(env, agencyUsername),
    };
    const figures: Figure[] = [];
    const only = process.env.BENCH_CASES?.split(',');
    for (const c of cases.filter((x) => !only || only.includes(x.id))) {
      const caller = callers[c.caller];
      const url = `/api/v1/projects?${new URLSearchParams(c.query).toString()}`;
      const api = async () => {
        const res = await env.app.inject({ method: 'GET', url, headers: { cookie: caller.cookie } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return (res.json() as { total: number }).total;
      };
      const query = projectListQuerySchema.parse(c.query);
      const statements = projectSearchSql(env.platform.db, projectScopeOf(caller.actor), ...split(query));
      const raw = rawSearch(pool, statements);
      const [apiTotal, rawTotal] = [await api(), await raw()];
      if (apiTotal !== Math.min(rawTotal, projectCountCap)) {
        throw new Error(`${c.id}: API total ${apiTotal}, raw count ${rawTotal}`);
      }
      const matches = await countAllMatches(pool, statements.total);
      console.error(`  ${c.id}：${url}，匹配 ${matches} 行`);
      const fns = [api, raw];
      const n = sampleCount(await timeOnce(fns));
      const [apiTimes, rawTimes] = await timeInTurns(n, fns);
      if (!apiTimes || !rawTimes) throw new Error('no timings');
      figures.push({
        id: c.id,
        rows: data.rows,
        matches,
        total: apiTotal,
        n,
        api_p50_ms: apiTimes.p50,
        api_p95_ms: apiTimes.p95,
        raw_p50_ms: rawTimes.p50,
        raw_p95_ms: rawTimes.p95,
        ratio: Number((apiTimes.p95 / rawTimes.p95).toFixed(2)),
      });
    }
    return figures;
  } finally {
    await pool.end();
    await env.close();
  }
}

/** BENCH_N, else 200 samples, fewer (not under 30) when a round takes long: about two minutes a case. */
function sampleCount(roundMs: number): number {
  if (process.env.BENCH_N) return Number(process.env.BENCH_N);
  return Math.max(30, Math.min(200, Math.round(120_000 / roundMs)));
}

async function timeOnce(fns: (() => Promise<unknown>)[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (const fn of fns) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

type Statements = ReturnType<typeof projectSearchSql>;

function split(query: ProjectListQuery): [Omit<ProjectListQuery, 'page' | 'pageSize'>, PageRequest] {
  const { page, pageSize, ...filter } = query;
  return [filter, { page, pageSize }];
}

/** The statements searchProjects sends, run directly and in parallel as it runs them; resolves to the total. */
function rawSearch(pool: pg.Pool, statements: Statements) {
  return async () => {
    const [, total] = await Promise.all([
      pool.query(statements.items.sql, statements.items.params),
      pool.query(statements.total.sql, statements.total.params),
    ]);
    return Number(Object.values(total.rows[0] ?? {})[0] ?? 0);
  };
}
