import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { fieldPhotos } from '../field-photos/field-photos.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projectItems } from '../projects/projects.tables.ts';
import { fieldTaskEvents, fieldTasks, fieldTrackPoints } from './field-tasks.tables.ts';

export type FieldTaskInsert = typeof fieldTasks.$inferInsert;
export type FieldTaskEventInsert = typeof fieldTaskEvents.$inferInsert;

export async function findFieldTask(db: Db, id: string) {
  const [row] = await db.select().from(fieldTasks).where(eq(fieldTasks.id, id));
  return row;
}

export async function findProjectItem(db: Db, id: string) {
  const [row] = await db
    .select({ id: projectItems.id, projectId: projectItems.projectId, pointName: projectItems.pointName })
    .from(projectItems)
    .where(eq(projectItems.id, id));
  return row;
}

/** Inserts the task unless its id exists (a retried create); undefined when it did. */
export async function insertFieldTask(db: Db, values: FieldTaskInsert) {
  const [row] = await db.insert(fieldTasks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findFieldTaskEvent(db: Db, id: string) {
  const [row] = await db.select().from(fieldTaskEvents).where(eq(fieldTaskEvents.id, id));
  return row;
}

export async function insertFieldTaskEvent(db: Db, values: FieldTaskEventInsert): Promise<void> {
  await db.insert(fieldTaskEvents).values(values);
}

/** Compare-and-set: moves the task only if it is still in `from`; undefined when it was not. */
export async function moveFieldTask(
  db: Db,
  id: string,
  from: string,
  columns: Partial<Pick<FieldTaskInsert, 'status' | 'startedAt' | 'endedAt' | 'updatedAt'>>,
) {
  const [row] = await db
    .update(fieldTasks)
    .set(columns)
    .where(and(eq(fieldTasks.id, id), eq(fieldTasks.status, from)))
    .returning();
  return row;
}

/** The photo types already taken on a task: the stage and 结束 rules need them. */
export async function listTakenPhotoTypes(db: Db, taskId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ photoType: fieldPhotos.photoType })
    .from(fieldPhotos)
    .where(eq(fieldPhotos.taskId, taskId));
  return rows.map((r) => r.photoType);
}

/** Tasks with their point, creator and counts: of one project (newest first) or by ids. */
export function listFieldTaskRows(db: Db, where: { projectId: string } | { taskIds: string[] }) {
  const condition =
    'projectId' in where ? eq(fieldTasks.projectId, where.projectId) : inArray(fieldTasks.id, where.taskIds);
  return db
    .select({
      task: fieldTasks,
      pointName: projectItems.pointName,
      createdByName: personnel.name,
      photoCount:
        sql<number>`(select count(*) from ${fieldPhotos} where ${fieldPhotos.taskId} = ${fieldTasks.id})`.mapWith(
          Number,
        ),
      flaggedPhotoCount:
        sql<number>`(select count(*) from ${fieldPhotos} where ${fieldPhotos.taskId} = ${fieldTasks.id} and cardinality(${fieldPhotos.flags}) > 0)`.mapWith(
          Number,
        ),
      trackPointCount:
        sql<number>`(select count(*) from ${fieldTrackPoints} where ${fieldTrackPoints.taskId} = ${fieldTasks.id})`.mapWith(
          Number,
        ),
    })
    .from(fieldTasks)
    .innerJoin(projectItems, eq(projectItems.id, fieldTasks.itemId))
    .innerJoin(personnel, eq(personnel.id, fieldTasks.createdByPersonnelId))
    .where(condition)
    .orderBy(desc(fieldTasks.createdAt), desc(fieldTasks.id));
}
export type FieldTaskListRow = Awaited<ReturnType<typeof listFieldTaskRows>>[number];

/** The photos of the tasks, with who took them, in capture order. */
export function listTaskPhotos(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .select({ photo: fieldPhotos, takenByName: personnel.name })
    .from(fieldPhotos)
    .innerJoin(personnel, eq(personnel.id, fieldPhotos.personnelId))
    .where(inArray(fieldPhotos.taskId, taskIds))
    .orderBy(asc(fieldPhotos.capturedAt), asc(fieldPhotos.id));
}
export type TaskPhotoRow = Awaited<ReturnType<typeof listTaskPhotos>>[number];

/** The history of the tasks, with who acted, in time order. */
export function listTaskEvents(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .select({ event: fieldTaskEvents, actorName: personnel.name })
    .from(fieldTaskEvents)
    .innerJoin(personnel, eq(personnel.id, fieldTaskEvents.personnelId))
    .where(inArray(fieldTaskEvents.taskId, taskIds))
    .orderBy(asc(fieldTaskEvents.at), asc(fieldTaskEvents.receivedAt), asc(fieldTaskEvents.id));
}
export type TaskEventRow = Awaited<ReturnType<typeof listTaskEvents>>[number];
