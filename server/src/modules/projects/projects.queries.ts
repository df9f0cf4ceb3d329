import {
  isWithinRegion,
  type ProjectFilter,
  type ProjectSort,
  projectCountCap,
  regionPrefix,
} from '@eco/contracts';
import { and, asc, count, eq, gte, ilike, inArray, isNull, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { projectAssignments, projectItems, projectReports, projects } from './projects.tables.ts';

export type ProjectRow = typeof projects.$inferSelect;

/** Whose projects a caller sees: one agency's, or those sited within a region (510000: all). */
export type ProjectScope = { agencyId: string } | { regionCode: string };

export type ProjectSearchFilter = Omit<ProjectFilter, 'sort'> & { sort: ProjectSort };
export type PageRequest = { page: number; pageSize: number };

const province = '510000';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The narrower of two regions, or null when they do not overlap. */
function narrowerRegion(a: string, b: string): string | null {
  if (isWithinRegion(b, a)) return b;
  if (isWithinRegion(a, b)) return a;
  return null;
}

/**
 * A region as plain equality on a btree-indexed column: a 市州 on the generated `city_code`,
 * a 区县 on `region_code`; the province needs no condition (every project is sited in it).
 */
function regionCondition(code: string): SQL | undefined {
  const prefix = regionPrefix(code);
  if (prefix.length === 2) return undefined;
  if (prefix.length === 4) return eq(projects.cityCode, prefix);
  return eq(projects.regionCode, code);
}

/**
 * A whole number is equality; a beginning is a range the unique btree index serves (LIKE 'x%'
 * cannot use it under C.UTF-8), with LIKE kept so the match stays exact in any collation.
 */
function projectNoCondition(value: string): SQL | undefined {
  if (/^\d{6}-\d{4}-\d{6}$/.test(value)) return eq(projects.projectNo, value);
  const pattern = like(projects.projectNo, `${escapeLike(value)}%`);
  if (!/^[\x20-\x7e]+$/.test(value)) return pattern;
  const upper = value.slice(0, -1) + String.fromCharCode(value.charCodeAt(value.length - 1) + 1);
  return and(gte(projects.projectNo, value), lt(projects.projectNo, upper), pattern);
}

/**
 * 项目名称 fuzzy search. pg_trgm needs three characters; a two-character term (化工, 钢铁: the
 * commonest searches) goes to projects_name_bigrams_idx, where containing the pair is exactly the
 * substring match (bench/README.md). A single character still scans.
 */
function nameCondition(term: string): SQL {
  if ([...term].length === 2) return sql`${projects.nameBigrams} @> array[lower(${term})]`;
  return ilike(projects.name, `%${escapeLike(term)}%`);
}

/** Registered within a month (YYYY-MM) in China time (UTC+8 all year): a range on created_at. */
function monthConditions(month: string): SQL[] {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return [
    gte(projects.createdAt, new Date(`${month}-01T00:00:00+08:00`)),
    lt(projects.createdAt, new Date(`${next}-01T00:00:00+08:00`)),
  ];
}

/** The WHERE of 查询统计: scope, then the filters; deleted projects never show. */
export function projectSearchConditions(
  scope: ProjectScope,
  filter: Omit<ProjectSearchFilter, 'sort'>,
): SQL[] {
  const conditions: SQL[] = [isNull(projects.deletedAt)];
  if ('agencyId' in scope) conditions.push(eq(projects.agencyId, scope.agencyId));
  else if (filter.agencyId) conditions.push(eq(projects.agencyId, filter.agencyId));
  const scopeRegion = 'regionCode' in scope ? scope.regionCode : province;
  const region = filter.regionCode ? narrowerRegion(scopeRegion, filter.regionCode) : scopeRegion;
  if (region === null) conditions.push(sql`false`);
  else {
    const condition = regionCondition(region);
    if (condition) conditions.push(condition);
  }
  if (filter.status) conditions.push(eq(projects.status, filter.status));
  if (filter.monitoringType) conditions.push(eq(projects.monitoringType, filter.monitoringType));
  if (filter.month) conditions.push(...monthConditions(filter.month));
  if (filter.name) conditions.push(nameCondition(filter.name));
  if (filter.projectNo) {
    const condition = projectNoCondition(filter.projectNo);
    if (condition) conditions.push(condition);
  }
  return conditions;
}

const sortColumns = {
  createdAt: { column: projects.createdAt, cast: 'timestamptz' },
  name: { column: projects.name, cast: 'text' },
  projectNo: { column: projects.projectNo, cast: 'text' },
  status: { column: projects.status, cast: 'text' },
} as const;

function sortOf(sort: ProjectSort) {
  const isDesc = sort.startsWith('-');
  const key = (isDesc ? sort.slice(1) : sort) as keyof typeof sortColumns;
  return { ...sortColumns[key], isDesc };
}

/**
 * The sort column, then `id` ascending. Descending is spelled `desc nulls last` as the indexes
 * are (`created_at desc nulls last, id`): plain `desc` means nulls first, and the planner would
 * then sort instead of reading an index in order.
 */
function orderOf(sort: ProjectSort): SQL[] {
  const { column, isDesc } = sortOf(sort);
  return [isDesc ? sql`${column} desc nulls last` : asc(column), asc(projects.id)];
}

/** The columns of a 查询统计 row (and of the export). */
const summaryColumns = {
  id: projects.id,
  projectNo: projects.projectNo,
  name: projects.name,
  agencyId: projects.agencyId,
  agencyName: agencies.name,
  monitoringType: projects.monitoringType,
  monitoringNature: projects.monitoringNature,
  regionCode: projects.regionCode,
  clientName: projects.clientName,
  status: projects.status,
  returnReason: projects.returnReason,
  createdAt: projects.createdAt,
  submittedAt: projects.submittedAt,
};

function projectSearchQueries(db: Db, scope: ProjectScope, filter: ProjectSearchFilter, page: PageRequest) {
  const where = and(...projectSearchConditions(scope, filter));
  // The page's ids first: OFFSET then skips index entries (an index-only scan), not whole rows
  // fetched and thrown away, so page 500 costs about what page 1 does.
  const pageIds = db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(...orderOf(filter.sort))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  // Counting stops one past the cap: an exact total of a broad search (the whole province, 化工)
  // reads every matching row, which the first page never needs.
  const capped = db
    .select({ one: sql`1` })
    .from(projects)
    .where(where)
    .limit(projectCountCap + 1)
    .as('capped');
  return {
    items: db
      .select(summaryColumns)
      .from(projects)
      .innerJoin(agencies, eq(agencies.id, projects.agencyId))
      .where(inArray(projects.id, pageIds))
      .orderBy(...orderOf(filter.sort)),
    total: db.select({ total: count() }).from(capped),
  };
}

/**
 * 查询统计: one page of projects in scope and their total count (up to projectCountCap), with the
 * same WHERE. The benchmark calls this directly and runs projectSearchSql's text raw to compare.
 */
export async function searchProjects(
  db: Db,
  scope: ProjectScope,
  filter: ProjectSearchFilter,
  page: PageRequest,
) {
  const queries = projectSearchQueries(db, scope, filter, page);
  const [items, totals] = await Promise.all([queries.items, queries.total]);
  const counted = totals[0]?.total ?? 0;
  return {
    items,
    total: Math.min(counted, projectCountCap),
    isTotalCapped: counted > projectCountCap,
  };
}
export type ProjectSummaryRow = Awaited<ReturnType<typeof searchProjects>>['items'][number];

/** The SQL text and parameters searchProjects sends, for running the same queries raw. */
export function projectSearchSql(
  db: Db,
  scope: ProjectScope,
  filter: ProjectSearchFilter,
  page: PageRequest,
) {
  const queries = projectSearchQueries(db, scope, filter, page);
  return { items: queries.items.toSQL(), total: queries.total.toSQL() };
}

export type ProjectCursor = { key: string; id: string };

/**
 * One batch of the same search in the same order, after `cursor` (keyset paging, no OFFSET):
 * the export reads every row without holding them all. `column <= key` bounds the index scan;
 * the rest only settles ties. The cursor carries the sort value as text (microseconds kept).
 */
export function listProjectBatch(
  db: Db,
  scope: ProjectScope,
  filter: ProjectSearchFilter,
  cursor: ProjectCursor | null,
  limit: number,
) {
  const { column, cast, isDesc } = sortOf(filter.sort);
  const conditions = projectSearchConditions(scope, filter);
  if (cursor) {
    const key = cast === 'timestamptz' ? sql`${cursor.key}::timestamptz` : sql`${cursor.key}::text`;
    const id = sql`${cursor.id}::uuid`;
    conditions.push(
      isDesc
        ? sql`${column} <= ${key} and (${column} < ${key} or ${projects.id} > ${id})`
        : sql`${column} >= ${key} and (${column} > ${key} or ${projects.id} > ${id})`,
    );
  }
  return db
    .select({ ...summaryColumns, cursorKey: sql<string>`${column}::text` })
    .from(projects)
    .innerJoin(agencies, eq(agencies.id, projects.agencyId))
    .where(and(...conditions))
    .orderBy(...orderOf(filter.sort))
    .limit(limit);
}

/** A project that is not deleted (a deleted project is gone for every caller). */
export async function findProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), isNull(projects.deletedAt)))
    .limit(1);
  return row;
}

/** findProject, locking the row for the rest of the transaction (status changes, deletion). */
export async function findProjectForUpdate(tx: Db, id: string): Promise<ProjectRow | undefined> {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), isNull(projects.deletedAt)))
    .for('update');
  return row;
}

/** Any row with this id, deleted or not: a form id is used once, whatever became of it. */
export async function findProjectIdOwner(
  db: Db,
  id: string,
): Promise<{ agencyId: string; deletedAt: Date | null } | undefined> {
  const [row] = await db
    .select({ agencyId: projects.agencyId, deletedAt: projects.deletedAt })
    .from(projects)
    .where(eq(projects.id, id))
    .limit(1);
  return row;
}

export async function insertProject(db: Db, values: typeof projects.$inferInsert): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(values).returning();
  if (!row) throw new Error('project not inserted');
  return row;
}

/** Inserts the items in order and returns their ids in the same order. */
export async function insertProjectItems(
  db: Db,
  rows: Array<typeof projectItems.$inferInsert>,
): Promise<string[]> {
  const inserted = await db.insert(projectItems).values(rows).returning({
    id: projectItems.id,
    position: projectItems.position,
  });
  return inserted.sort((a, b) => a.position - b.position).map((r) => r.id);
}

export async function insertProjectAssignments(
  db: Db,
  rows: Array<typeof projectAssignments.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await db.insert(projectAssignments).values(rows);
}

/** Marks a project deleted while it is still in `fromStatus` (compare-and-set). */
export async function softDeleteProject(
  db: Db,
  id: string,
  fromStatus: string,
  at: Date,
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ deletedAt: at, updatedAt: at })
    .where(and(eq(projects.id, id), eq(projects.status, fromStatus), isNull(projects.deletedAt)))
    .returning();
  return row;
}

/** Removes a deleted project's report rows, which frees their numbers; returns the numbers. */
export async function releaseProjectReports(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .delete(projectReports)
    .where(eq(projectReports.projectId, projectId))
    .returning({ reportNumber: projectReports.reportNumber });
  return rows.map((r) => r.reportNumber);
}
