import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { type ProjectRow, projectSearchConditions } from './projects.queries.ts';
import { projects } from './projects.tables.ts';

/**
 * Compare-and-set: moves the project only if it is still in `from`. Undefined means someone
 * else moved (or deleted) it first.
 */
export async function moveProject(
  db: Db,
  id: string,
  from: string,
  set: Partial<typeof projects.$inferInsert> & { status: string },
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set(set)
    .where(and(eq(projects.id, id), eq(projects.status, from), isNull(projects.deletedAt)))
    .returning();
  return row;
}

export type ReviewQueueFilter = {
  regionScope: string;
  name?: string | undefined;
  regionCode?: string | undefined;
  agencyId?: string | undefined;
};

/** The 查询统计 conditions in the regulator's region, narrowed to projects awaiting review. */
function queueWhere({ regionScope, ...filter }: ReviewQueueFilter) {
  return and(...projectSearchConditions({ regionCode: regionScope }, { ...filter, status: 'submitted' }));
}

/** Submitted projects sited in the region, oldest submission first: the review queue. */
export async function listProjectsForReview(
  db: Db,
  filter: ReviewQueueFilter & { page: number; pageSize: number },
) {
  const { page, pageSize, ...rest } = filter;
  const where = queueWhere(rest);
  const [items, totals] = await Promise.all([
    db
      .select({ project: projects, agencyName: agencies.name })
      .from(projects)
      .innerJoin(agencies, eq(agencies.id, projects.agencyId))
      .where(where)
      .orderBy(asc(projects.submittedAt), asc(projects.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(projects).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function countProjectsForReview(db: Db, filter: ReviewQueueFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(projects).where(queueWhere(filter));
  return row?.total ?? 0;
}
