import type { FieldProjectScope } from '@eco/contracts';
import { and, count, desc, eq, ilike, inArray, isNull, not, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { projectAssignments, projects } from '../projects/projects.tables.ts';
import { fieldTasks } from './field-tasks.tables.ts';

/** Whose field projects: a staff member of an agency (their assignments decide). */
export type FieldStaffScope = { agencyId: string; personnelId: string };

const openStatuses = ['in_progress', 'returned'];

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `projects.id` spelled out with its table: Drizzle writes bare column names in the select list
 * of a one-table query, where a correlated subquery would read its own table's `id`.
 */
const projectIdRef = sql`${projects}.${sql.identifier(projects.id.name)}`;

const hasTasks = sql`exists (select 1 from ${fieldTasks} where ${fieldTasks.projectId} = ${projectIdRef})`;
const hasUnfinishedTask = sql`exists (select 1 from ${fieldTasks} where ${fieldTasks.projectId} = ${projectIdRef} and ${fieldTasks.status} <> 'ended')`;

/**
 * 在行项目: open to field work (未完成 or 退回) and not finished in the field, i.e. no task yet
 * or some task not ended. 完成项目 is every other assigned project.
 */
const isActive = and(inArray(projects.status, openStatuses), or(not(hasTasks), hasUnfinishedTask)) as SQL;

/** The person's assigned projects of their agency, not deleted. */
function assignedConditions(scope: FieldStaffScope): SQL[] {
  const assigned = sql`exists (select 1 from ${projectAssignments} where ${projectAssignments.projectId} = ${projectIdRef} and ${projectAssignments.personnelId} = ${scope.personnelId})`;
  return [eq(projects.agencyId, scope.agencyId), isNull(projects.deletedAt), assigned];
}

function selectFieldProjects(db: Db, personnelId: string) {
  return db
    .select({
      id: projects.id,
      projectNo: projects.projectNo,
      name: projects.name,
      status: projects.status,
      monitoringType: projects.monitoringType,
      address: projects.address,
      longitude: projects.longitude,
      latitude: projects.latitude,
      plannedStart: projects.plannedStart,
      plannedEnd: projects.plannedEnd,
      taskCount:
        sql<number>`(select count(*) from ${fieldTasks} where ${fieldTasks.projectId} = ${projectIdRef})`.mapWith(
          Number,
        ),
      endedTaskCount:
        sql<number>`(select count(*) from ${fieldTasks} where ${fieldTasks.projectId} = ${projectIdRef} and ${fieldTasks.status} = 'ended')`.mapWith(
          Number,
        ),
      posts: sql<
        string[] | null
      >`(select array_agg(distinct ${projectAssignments.post}) from ${projectAssignments} where ${projectAssignments.projectId} = ${projectIdRef} and ${projectAssignments.personnelId} = ${personnelId})`,
    })
    .from(projects);
}
export type FieldProjectRow = NonNullable<Awaited<ReturnType<typeof findAssignedProject>>>;

/** A page of 在行项目 or 完成项目, newest first, optionally by 项目名称 (contains). */
export async function searchFieldProjects(
  db: Db,
  scope: FieldStaffScope,
  filter: { scope: FieldProjectScope; name?: string | undefined; page: number; pageSize: number },
) {
  const conditions = assignedConditions(scope);
  conditions.push(filter.scope === 'active' ? isActive : not(isActive));
  if (filter.name) conditions.push(ilike(projects.name, `%${escapeLike(filter.name)}%`));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    selectFieldProjects(db, scope.personnelId)
      .where(where)
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** 首页: how many 在行项目 and 完成项目 the person has. */
export async function countFieldProjects(db: Db, scope: FieldStaffScope) {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${isActive})`.mapWith(Number),
      done: sql<number>`count(*) filter (where not (${isActive}))`.mapWith(Number),
    })
    .from(projects)
    .where(and(...assignedConditions(scope)));
  return { active: row?.active ?? 0, done: row?.done ?? 0 };
}

/** One project the person is assigned to, or undefined. */
export async function findAssignedProject(db: Db, scope: FieldStaffScope, projectId: string) {
  const [row] = await selectFieldProjects(db, scope.personnelId).where(
    and(eq(projects.id, projectId), ...assignedConditions(scope)),
  );
  return row;
}
