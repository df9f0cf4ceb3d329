import {
  type AssignmentPost,
  assignmentPosts,
  type FieldTaskStatus,
  type PhotoTypeRule,
  type ProjectStatus,
  photoTypeExtraSchema,
} from '@eco/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { canReadProject } from '../projects/projects.policy.ts';
import { projectAssignments, projects } from '../projects/projects.tables.ts';
import { fieldTasks } from './field-tasks.tables.ts';

/** What every field rule needs of a task's project. */
export type FieldProjectRef = {
  id: string;
  agencyId: string;
  name: string;
  projectNo: string;
  status: ProjectStatus;
  regionCode: string;
  monitoringType: string;
  address: string;
  longitude: number;
  latitude: number;
};

export type FieldTaskRow = typeof fieldTasks.$inferSelect;

/** A task as a field-staff member may act on it: the task, its project and their posts on it. */
export type FieldTaskAccess = {
  task: FieldTaskRow & { status: FieldTaskStatus };
  project: FieldProjectRef;
  posts: AssignmentPost[];
};

const projectColumns = {
  id: projects.id,
  agencyId: projects.agencyId,
  name: projects.name,
  projectNo: projects.projectNo,
  status: projects.status,
  regionCode: projects.regionCode,
  monitoringType: projects.monitoringType,
  address: projects.address,
  longitude: projects.longitude,
  latitude: projects.latitude,
};

/** A project that is not deleted, or null. */
export async function findFieldProject(db: Db, projectId: string): Promise<FieldProjectRef | null> {
  const [row] = await db
    .select(projectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)));
  return row ? { ...row, status: row.status as ProjectStatus } : null;
}

/** The posts (采样 / 送样 / 实验室分析) a staff member holds on any 监测信息 item of the project. */
export async function findProjectPosts(
  db: Db,
  projectId: string,
  personnelId: string,
): Promise<AssignmentPost[]> {
  const rows = await db
    .selectDistinct({ post: projectAssignments.post })
    .from(projectAssignments)
    .where(and(eq(projectAssignments.projectId, projectId), eq(projectAssignments.personnelId, personnelId)));
  const held = rows.map((r) => r.post);
  return assignmentPosts.filter((p) => held.includes(p));
}

/**
 * The task for a field-staff actor: it must exist, its project must not be deleted, and the
 * actor must be assigned to the project (else 404: a stranger learns nothing). `forUpdate`
 * locks the task row so concurrent actions and photos serialise.
 */
export async function loadTaskForFieldStaff(
  db: Db,
  actor: Actor,
  taskId: string,
  options: { forUpdate?: boolean } = {},
): Promise<FieldTaskAccess> {
  if (actor.role !== 'field_staff' || !actor.personnelId) throw forbidden('只有监测人员可以在现场填报');
  const query = db.select().from(fieldTasks).where(eq(fieldTasks.id, taskId));
  const [task] = options.forUpdate ? await query.for('update') : await query;
  if (!task) throw notFound('监测任务');
  const project = await findFieldProject(db, task.projectId);
  if (!project || project.agencyId !== actor.agencyId) throw notFound('监测任务');
  const posts = await findProjectPosts(db, project.id, actor.personnelId);
  if (posts.length === 0) throw notFound('监测任务');
  return { task: { ...task, status: task.status as FieldTaskStatus }, project, posts };
}

/**
 * The task for anyone who may see it: assigned field staff, the agency's 法人 / 登记人员, or a
 * regulator of the project's region. Field staff get their posts, the others none.
 */
export async function loadTaskForViewer(db: Db, actor: Actor, taskId: string): Promise<FieldTaskAccess> {
  if (actor.role === 'field_staff') return loadTaskForFieldStaff(db, actor, taskId);
  const [task] = await db.select().from(fieldTasks).where(eq(fieldTasks.id, taskId));
  if (!task) throw notFound('监测任务');
  const project = await findFieldProject(db, task.projectId);
  if (!project || !canReadProject(actor, project)) throw notFound('监测任务');
  return { task: { ...task, status: task.status as FieldTaskStatus }, project, posts: [] };
}

/** Originals (EXIF and position intact) go only to the agency's 法人 / 登记人员 and regulators. */
export function canReadOriginalPhoto(actor: Actor, project: FieldProjectRef): boolean {
  return actor.role !== 'field_staff' && canReadProject(actor, project);
}

/** The enabled 照片类型 with their stage, required flag and hint, in dictionary order. */
export async function loadPhotoTypeRules(db: Db): Promise<PhotoTypeRule[]> {
  const rows = await db
    .select()
    .from(dictItems)
    .where(and(eq(dictItems.type, 'photo_type'), eq(dictItems.isEnabled, true)))
    .orderBy(asc(dictItems.sortOrder), asc(dictItems.code));
  return rows.flatMap((row) => {
    const extra = photoTypeExtraSchema.safeParse(row.extra);
    if (!extra.success) return [];
    return [{ code: row.code, label: row.label, ...extra.data }];
  });
}

/** Field work changes nothing once the project has left 未完成 / 退回. */
export function assertProjectTakesFieldWork(project: FieldProjectRef): void {
  if (project.status !== 'in_progress' && project.status !== 'returned') {
    throw new AppError('INVALID_STATE', '项目已提交或已审核通过，不能再填报现场记录');
  }
}
