import { assignmentPosts } from '@eco/contracts';
import { and, asc, eq, exists, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { fieldTaskEvents, fieldTasks } from '../field-tasks/field-tasks.tables.ts';
import { projectAssignments, projectItems, projects } from '../projects/projects.tables.ts';
import { personnel } from './personnel.tables.ts';

/** Work a staff member still has to finish, which forbids deleting the record. */
export type BlockingAssignment = { kind: 'project' | 'field_task'; id: string; label: string };

/** Projects not yet approved: 未完成, 已完成 awaiting review, or 退回 to be handled again. */
const unfinishedProjectStatuses = ['in_progress', 'submitted', 'returned'];

/**
 * The unfinished projects (not deleted) a staff member is assigned to, oldest first, then the
 * field tasks not yet 已结束 they created or acted on, in those same unfinished projects: a task
 * may outlive the person's assignment (a point reassigned meanwhile). An approved project's
 * tasks are frozen and can never end, so they block nothing.
 */
export async function findBlockingAssignments(db: Db, personnelId: string): Promise<BlockingAssignment[]> {
  const projectRows = await db
    .selectDistinct({
      id: projects.id,
      name: projects.name,
      projectNo: projects.projectNo,
      createdAt: projects.createdAt,
    })
    .from(projectAssignments)
    .innerJoin(projects, eq(projects.id, projectAssignments.projectId))
    .where(
      and(
        eq(projectAssignments.personnelId, personnelId),
        isNull(projects.deletedAt),
        inArray(projects.status, unfinishedProjectStatuses),
      ),
    )
    .orderBy(asc(projects.createdAt), asc(projects.id));
  const actedOn = exists(
    db
      .select({ one: sql`1` })
      .from(fieldTaskEvents)
      .where(and(eq(fieldTaskEvents.taskId, fieldTasks.id), eq(fieldTaskEvents.personnelId, personnelId))),
  );
  const taskRows = await db
    .select({ id: fieldTasks.id, projectName: projects.name, pointName: projectItems.pointName })
    .from(fieldTasks)
    .innerJoin(projects, eq(projects.id, fieldTasks.projectId))
    .innerJoin(projectItems, eq(projectItems.id, fieldTasks.itemId))
    .where(
      and(
        ne(fieldTasks.status, 'ended'),
        isNull(projects.deletedAt),
        inArray(projects.status, unfinishedProjectStatuses),
        or(eq(fieldTasks.createdByPersonnelId, personnelId), actedOn),
      ),
    )
    .orderBy(asc(fieldTasks.createdAt), asc(fieldTasks.id));
  return [
    ...projectRows.map((r) => ({ kind: 'project' as const, id: r.id, label: `${r.name}（${r.projectNo}）` })),
    ...taskRows.map((r) => ({
      kind: 'field_task' as const,
      id: r.id,
      label: `监测任务（${r.projectName} · ${r.pointName}）`,
    })),
  ];
}

/** Approved values are in force: approved, or approved with a change waiting for review. */
const isApprovedStaff = or(eq(personnel.status, 'approved'), isNotNull(personnel.pendingChanges));

/** Staff records by id (any agency, deleted too): the caller judges each one. */
export function findStaffByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: personnel.id,
      name: personnel.name,
      agencyId: personnel.agencyId,
      posts: personnel.posts,
      isApproved: sql<boolean>`${isApprovedStaff}`,
      deletedAt: personnel.deletedAt,
    })
    .from(personnel)
    .where(inArray(personnel.id, ids));
}

/**
 * The agency's staff a 监测信息 item may name: approved, not deleted, holding at least one of
 * the posts an item assigns (采样, 送样, 实验室分析), by name.
 */
export function listAssignableStaffRows(db: Db, agencyId: string) {
  const posts = sql.join(
    assignmentPosts.map((p) => sql`${p}`),
    sql`, `,
  );
  return db
    .select({ id: personnel.id, name: personnel.name, posts: personnel.posts })
    .from(personnel)
    .where(
      and(
        eq(personnel.agencyId, agencyId),
        isNull(personnel.deletedAt),
        isApprovedStaff,
        sql`${personnel.posts} ?| array[${posts}]::text[]`,
      ),
    )
    .orderBy(asc(personnel.name), asc(personnel.id));
}
