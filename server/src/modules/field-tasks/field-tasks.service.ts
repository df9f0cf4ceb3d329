import { randomUUID } from 'node:crypto';
import {
  type AssignmentPost,
  assignmentPostLabels,
  endRefusal,
  type FieldTaskAction,
  type FieldTaskActionBody,
  type FieldTaskCreate,
  type FieldTaskDetail,
  type FieldTaskStatus,
  type FieldTaskTransition,
  fieldTaskStatusLabels,
  fieldTaskWorkflow,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { canReadProject } from '../projects/projects.policy.ts';
import {
  assertProjectTakesFieldWork,
  findFieldProject,
  findProjectPosts,
  loadPhotoTypeRules,
  loadTaskForFieldStaff,
  loadTaskForViewer,
} from './field-access.ts';
import { computeTrustedTime } from './field-clock.ts';
import { buildFieldTaskDetails, getFieldTaskDetail } from './field-task-detail.ts';
import {
  findFieldTask,
  findFieldTaskEvent,
  findProjectItem,
  insertFieldTask,
  insertFieldTaskEvent,
  listFieldTaskRows,
  listTakenPhotoTypes,
  moveFieldTask,
} from './field-tasks.queries.ts';

const targetType = 'field_task';

/** The staff record behind a field account: tasks and events are recorded against it. */
function fieldPersonnelId(ctx: AuthedContext): string {
  if (ctx.actor.role !== 'field_staff' || !ctx.actor.personnelId) {
    throw forbidden('只有监测人员可以在现场填报');
  }
  return ctx.actor.personnelId;
}

function trustedTime(ctx: AuthedContext, clock: FieldTaskCreate['clock']): Date {
  return computeTrustedTime(clock, ctx.now(), ctx.config.field.clockToleranceSeconds).at;
}

/**
 * A create sent again (offline queue, retry) answers with the task as it is now; the same id
 * for another project, point or person is a different task, refused.
 */
async function replayCreate(
  ctx: AuthedContext,
  input: FieldTaskCreate,
  personnelId: string,
): Promise<FieldTaskDetail> {
  const existing = await findFieldTask(ctx.db, input.id);
  const isSame =
    existing?.projectId === input.projectId &&
    existing.itemId === input.itemId &&
    existing.createdByPersonnelId === personnelId;
  if (!isSame) throw new AppError('CONFLICT', '任务编号已被其他任务使用，请重新添加');
  return getFieldTaskDetail(ctx.db, await loadTaskForFieldStaff(ctx.db, ctx.actor, input.id));
}

/** 添加监测任务: a sampler opens field work at one point of an open project; idempotent by the phone's id. */
export async function createFieldTask(
  ctx: AuthedContext,
  input: FieldTaskCreate,
): Promise<{ task: FieldTaskDetail; isNew: boolean }> {
  const personnelId = fieldPersonnelId(ctx);
  if (await findFieldTask(ctx.db, input.id)) {
    return { task: await replayCreate(ctx, input, personnelId), isNew: false };
  }
  const project = await findFieldProject(ctx.db, input.projectId);
  if (!project || project.agencyId !== ctx.actor.agencyId) throw notFound('项目');
  const posts = await findProjectPosts(ctx.db, project.id, personnelId);
  if (posts.length === 0) throw notFound('项目');
  if (!posts.includes('sampler')) throw forbidden('只有采样人员可以添加监测任务');
  const item = await findProjectItem(ctx.db, input.itemId);
  if (item?.projectId !== project.id) {
    throw validationError([{ field: 'itemId', message: '监测点位不属于该项目' }]);
  }
  assertProjectTakesFieldWork(project);
  const at = trustedTime(ctx, input.clock);
  const isNew = await ctx.db.transaction(async (tx) => {
    const task = await insertFieldTask(tx, {
      id: input.id,
      projectId: project.id,
      itemId: item.id,
      agencyId: project.agencyId,
      status: 'created',
      remark: input.remark || null,
      createdByPersonnelId: personnelId,
      createdBy: ctx.actor.userId,
      createdAt: at,
      updatedAt: ctx.now(),
    });
    if (!task) return false;
    await insertFieldTaskEvent(tx, {
      id: randomUUID(),
      taskId: task.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'created',
      personnelId,
      userId: ctx.actor.userId,
      deviceTime: new Date(input.clock.deviceTime),
      at,
    });
    await appendAudit(tx, ctx, {
      action: 'field_task.created',
      targetType,
      targetId: task.id,
      agencyId: project.agencyId,
      after: { projectId: project.id, itemId: item.id, pointName: item.pointName, status: 'created' },
    });
    return true;
  });
  if (!isNew) return { task: await replayCreate(ctx, input, personnelId), isNew: false };
  return {
    task: await getFieldTaskDetail(ctx.db, await loadTaskForFieldStaff(ctx.db, ctx.actor, input.id)),
    isNew,
  };
}

/** 'Only 实验室分析人员 may 结束…': names the posts the table gives the action. */
function refusalByPost(action: FieldTaskAction): string {
  const transition: FieldTaskTransition = fieldTaskWorkflow[action];
  const who = transition.posts.map((p) => assignmentPostLabels[p]).join('、');
  const message = `只有${who}可以${transition.label}任务`;
  return action === 'end' ? `${message}，采样和送样人员只能暂存` : message;
}

function columnsFor(action: FieldTaskAction, at: Date, now: Date) {
  const to = fieldTaskWorkflow[action].to;
  switch (action) {
    case 'start':
      return { status: to, startedAt: at, updatedAt: now };
    case 'end':
      return { status: to, endedAt: at, updatedAt: now };
    case 'pause':
    case 'resume':
    case 'store':
      return { status: to, updatedAt: now };
  }
}

/** Refuses the action by the table (post, then status), then 结束 by the photos taken. */
async function assertActionAllowed(
  db: Db,
  action: FieldTaskAction,
  status: FieldTaskStatus,
  posts: readonly AssignmentPost[],
  taskId: string,
): Promise<void> {
  const transition: FieldTaskTransition = fieldTaskWorkflow[action];
  if (!transition.posts.some((p) => posts.includes(p))) throw forbidden(refusalByPost(action));
  if (!transition.from.includes(status)) {
    throw new AppError(
      'INVALID_STATE',
      `任务当前状态为「${fieldTaskStatusLabels[status]}」，不能${transition.label}`,
    );
  }
  if (action !== 'end') return;
  const [types, taken] = await Promise.all([loadPhotoTypeRules(db), listTakenPhotoTypes(db, taskId)]);
  const refusal = endRefusal(types, taken);
  if (refusal) throw new AppError('INVALID_STATE', refusal);
}

/**
 * 开始 / 暂停 / 继续 / 暂存 / 结束 as the transition table allows, applied once per action id
 * (a retried action answers with the task as it is), with a compare-and-set move, the event and
 * the audit row in one transaction.
 */
export async function takeFieldTaskAction(
  ctx: AuthedContext,
  taskId: string,
  body: FieldTaskActionBody,
): Promise<FieldTaskDetail> {
  const personnelId = fieldPersonnelId(ctx);
  await ctx.db.transaction(async (tx) => {
    const { task, project, posts } = await loadTaskForFieldStaff(tx, ctx.actor, taskId, { forUpdate: true });
    const replayed = await findFieldTaskEvent(tx, body.actionId);
    if (replayed) {
      if (replayed.taskId !== taskId) throw new AppError('CONFLICT', '操作编号已被其他任务使用');
      return;
    }
    await assertActionAllowed(tx, body.action, task.status, posts, taskId);
    assertProjectTakesFieldWork(project);
    const at = trustedTime(ctx, body.clock);
    const moved = await moveFieldTask(tx, taskId, task.status, columnsFor(body.action, at, ctx.now()));
    if (!moved) throw new AppError('CONFLICT', '任务状态已被他人修改，请刷新后查看');
    await insertFieldTaskEvent(tx, {
      id: body.actionId,
      taskId,
      action: body.action,
      fromStatus: task.status,
      toStatus: moved.status,
      personnelId,
      userId: ctx.actor.userId,
      deviceTime: new Date(body.clock.deviceTime),
      at,
    });
    await appendAudit(tx, ctx, {
      action: `field_task.${body.action}`,
      targetType,
      targetId: taskId,
      agencyId: task.agencyId,
      before: { status: task.status },
      after: { status: moved.status, at: at.toISOString() },
    });
  });
  return getFieldTaskDetail(ctx.db, await loadTaskForFieldStaff(ctx.db, ctx.actor, taskId));
}

/** 任务详情 for assigned field staff, the agency and the region's regulator; 404 for anyone else. */
export async function getFieldTask(ctx: AuthedContext, taskId: string): Promise<FieldTaskDetail> {
  return getFieldTaskDetail(ctx.db, await loadTaskForViewer(ctx.db, ctx.actor, taskId));
}

/** The 办理 / 查看 page's field work: every task of the project with photos and history. */
export async function listProjectFieldTasks(
  ctx: AuthedContext,
  projectId: string,
): Promise<FieldTaskDetail[]> {
  const project = await findFieldProject(ctx.db, projectId);
  if (!project || ctx.actor.role === 'field_staff' || !canReadProject(ctx.actor, project)) {
    throw notFound('项目');
  }
  const rows = await listFieldTaskRows(ctx.db, { projectId });
  return buildFieldTaskDetails(ctx.db, project, rows, []);
}
