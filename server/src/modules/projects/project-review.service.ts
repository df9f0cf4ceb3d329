import {
  canTransition,
  type Page,
  type ProjectAction,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
  projectStatusLabels,
  projectWorkflow,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { notifyReviewDecision } from '../notifications/notifications.service.ts';
import { insertReviewRecord } from '../reviews/reviews.queries.ts';
import { listReportsWithFiles } from './project-detail.queries.ts';
import { getProjectDetail, toProjectSummary } from './project-detail.ts';
import { getReportTypes } from './project-reports.service.ts';
import {
  countProjectsForReview,
  listProjectsForReview,
  moveProject,
  type ReviewQueueFilter,
} from './project-review.queries.ts';
import { canReadProject } from './projects.policy.ts';
import { findProject, findProjectForUpdate, type ProjectRow } from './projects.queries.ts';

/** How each workflow action is named in the review history and the audit log. */
const recordedAs = {
  submit: 'submitted',
  resubmit: 'resubmitted',
  approve: 'approved',
  return: 'returned',
} as const satisfies Record<ProjectAction, string>;

/** 提交 / 再提交 need a report in every required slot of the 监测类型: one field error per gap. */
async function assertReportsComplete(db: Db, project: ProjectRow): Promise<void> {
  const [types, reports] = await Promise.all([
    getReportTypes(db, project.monitoringType),
    listReportsWithFiles(db, project.id),
  ]);
  const present = new Set(reports.map((r) => r.report.category));
  const missing = types.filter((t) => t.limits.required && !present.has(t.code));
  if (missing.length === 0) return;
  throw validationError(
    missing.map((t) => ({ field: `reports.${t.code}`, message: `请上传${t.label}` })),
    `提交前请上传${missing.map((t) => t.label).join('、')}`,
  );
}

function columnsFor(action: ProjectAction, now: Date, reason: string | null) {
  const to = projectWorkflow[action].to;
  switch (action) {
    case 'submit':
    case 'resubmit':
      return { status: to, submittedAt: now, returnReason: null, reviewedAt: null, updatedAt: now };
    case 'approve':
      return { status: to, reviewedAt: now, updatedAt: now };
    case 'return':
      return { status: to, returnReason: reason, reviewedAt: now, updatedAt: now };
  }
}

function refuseTransition(ctx: AuthedContext, action: ProjectAction, status: ProjectStatus): never {
  const transition = projectWorkflow[action];
  if (!(transition.by as readonly string[]).includes(ctx.actor.role)) throw forbidden();
  throw new AppError(
    'INVALID_STATE',
    `项目当前状态为「${projectStatusLabels[status]}」，不能${transition.label}，请刷新后查看`,
  );
}

/**
 * Applies one action of the project workflow: the table decides who may take it from which
 * status; the move is a compare-and-set in one transaction with the history and audit rows.
 */
async function applyProjectAction(
  ctx: AuthedContext,
  id: string,
  action: ProjectAction,
  reason: string | null,
): Promise<ProjectDetail> {
  const found = await findProject(ctx.db, id);
  if (!found || !canReadProject(ctx.actor, found)) throw notFound('项目');
  if (!canTransition(projectWorkflow, action, found.status as ProjectStatus, ctx.actor.role)) {
    refuseTransition(ctx, action, found.status as ProjectStatus);
  }
  const transition = projectWorkflow[action];
  await ctx.db.transaction(async (tx) => {
    const project = await findProjectForUpdate(tx, id);
    if (!project) throw notFound('项目');
    const from = project.status as ProjectStatus;
    if (!canTransition(projectWorkflow, action, from, ctx.actor.role)) refuseTransition(ctx, action, from);
    if (transition.to === 'submitted') await assertReportsComplete(tx, project);
    const now = ctx.now();
    const moved = await moveProject(tx, id, from, columnsFor(action, now, reason));
    if (!moved) throw new AppError('CONFLICT', '项目状态已被他人修改，请刷新后查看');
    const reports = await listReportsWithFiles(tx, id);
    await insertReviewRecord(tx, {
      targetType: 'project',
      targetId: id,
      agencyId: project.agencyId,
      action: recordedAs[action],
      reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      snapshot: {
        reports: reports.map(({ report, attachment }) => ({
          category: report.category,
          reportNumber: report.reportNumber,
          fileName: attachment.fileName,
          sha256: attachment.sha256,
        })),
      },
      at: now,
    });
    await appendAudit(tx, ctx, {
      action: `project.${recordedAs[action]}`,
      targetType: 'project',
      targetId: id,
      agencyId: project.agencyId,
      before: { status: from, returnReason: project.returnReason },
      after: { status: moved.status, returnReason: moved.returnReason },
    });
    if (action === 'approve' || action === 'return') {
      await notifyReviewDecision(
        tx,
        {
          kind: 'project_reviewed',
          agencyId: project.agencyId,
          name: project.name,
          action,
          reason,
          link: `/projects/${id}`,
          targetType: 'project',
          targetId: id,
        },
        now,
      );
    }
  });
  return getProjectDetail(ctx, id);
}

/** 提交: an 未完成 project with its required reports goes to review (已完成). */
export function submitProject(ctx: AuthedContext, id: string) {
  return applyProjectAction(ctx, id, 'submit', null);
}

/** 再提交 of a returned project, after its reports were corrected. */
export function resubmitProject(ctx: AuthedContext, id: string) {
  return applyProjectAction(ctx, id, 'resubmit', null);
}

/** 审核通过 by a regulator of the project's region. */
export function approveProject(ctx: AuthedContext, id: string) {
  return applyProjectAction(ctx, id, 'approve', null);
}

/** 退回 with a reason the agency sees on the project. */
export function returnProject(ctx: AuthedContext, id: string, reason: string) {
  return applyProjectAction(ctx, id, 'return', reason);
}

type QueueQuery = Omit<ReviewQueueFilter, 'regionScope'> & { page: number; pageSize: number };

function queueScope(ctx: AuthedContext): string {
  const scope = regulatorRegion(ctx.actor);
  if (!scope) throw forbidden();
  return scope;
}

/** 项目审核: submitted projects sited in the regulator's region, oldest submission first. */
export async function listProjectReviews(
  ctx: AuthedContext,
  query: QueueQuery,
): Promise<Page<ProjectSummary>> {
  const { items, total } = await listProjectsForReview(ctx.db, { ...query, regionScope: queueScope(ctx) });
  return {
    items: items.map(({ project, agencyName }) => toProjectSummary({ ...project, agencyName })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** How many projects wait for the regulator: the menu badge. */
export async function countProjectReviews(ctx: AuthedContext): Promise<number> {
  return countProjectsForReview(ctx.db, { regionScope: queueScope(ctx) });
}
