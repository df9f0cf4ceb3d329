import {
  type AgencyReviewDetail,
  type AgencyReviewItem,
  type AgencyStatus,
  agencyWorkflow,
  availableActions,
  canTransition,
  type Page,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { appendAudit, diffFields } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { listAttachments } from '../attachments/attachments.service.ts';
import { notifyReviewDecision } from '../notifications/notifications.service.ts';
import { insertReviewRecord, listReviewRecords, toReviewRecord } from '../reviews/reviews.queries.ts';
import { canReviewAgency, isAgencyApproved } from './agencies.policy.ts';
import { agencies } from './agencies.tables.ts';
import { revisionTarget } from './agency-profile.service.ts';
import { agencyColumns, agencyRowValues, toRevision } from './agency-profile.values.ts';
import {
  findRevisionWithAgency,
  listRevisionsForReview,
  transitionRevision,
} from './agency-revisions.queries.ts';

/** 机构审核 queue: revisions of the regulator's region in a status, oldest submission first. */
export async function listAgencyReviews(
  ctx: AuthedContext,
  query: { status: AgencyStatus; page: number; pageSize: number },
): Promise<Page<AgencyReviewItem>> {
  const regionScope = regulatorRegion(ctx.actor);
  if (!regionScope) throw forbidden();
  const { items, total } = await listRevisionsForReview(ctx.db, { ...query, regionScope });
  const rows = await Promise.all(
    items.map(async ({ revision, agency, regionName }) => {
      const view = await toRevision(ctx.db, revision, agencyRowValues(agency, regionName));
      return {
        revisionId: revision.id,
        agencyId: agency.id,
        agencyName: view.data.name || agency.name,
        creditCode: agency.creditCode,
        regionCode: agency.regionCode,
        regionName,
        status: revision.status as AgencyStatus,
        isFirst: !isAgencyApproved(agency),
        changedFields: isAgencyApproved(agency) ? view.changes.map((c) => c.label) : [],
        submittedAt: revision.submittedAt?.toISOString() ?? null,
      };
    }),
  );
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

async function reviewableRevision(ctx: AuthedContext, revisionId: string) {
  const found = await findRevisionWithAgency(ctx.db, revisionId);
  if (!found || !canReviewAgency(ctx.actor, found.agency)) throw notFound('机构信息审核记录');
  return found;
}

/** One revision against the version in force, with the agency's files and history. */
export async function getAgencyReview(ctx: AuthedContext, revisionId: string): Promise<AgencyReviewDetail> {
  const { revision, agency, regionName } = await reviewableRevision(ctx, revisionId);
  const inForce = agencyRowValues(agency, regionName);
  const [view, history, files] = await Promise.all([
    toRevision(ctx.db, revision, inForce),
    listReviewRecords(ctx.db, { targetType: revisionTarget, agencyId: agency.id }),
    listAttachments(ctx, 'agency', agency.id),
  ]);
  return {
    agencyId: agency.id,
    agencyStatus: agency.status as AgencyStatus,
    approvedAt: agency.approvedAt?.toISOString() ?? null,
    revision: view,
    inForce,
    attachments: files,
    history: history.map(toReviewRecord),
    actions: availableActions(agencyWorkflow, revision.status as AgencyStatus, ctx.actor.role),
  };
}

type Decision = { action: 'approve' } | { action: 'return'; reason: string };

/**
 * 审核通过 copies the revision onto the agency (the new version in force); 退回 sends it back
 * with the reason. Either way one transaction holds the move, the history row and the audit row.
 */
export async function decideAgencyReview(
  ctx: AuthedContext,
  revisionId: string,
  decision: Decision,
): Promise<AgencyReviewDetail> {
  const { revision, agency } = await reviewableRevision(ctx, revisionId);
  if (!canTransition(agencyWorkflow, decision.action, revision.status as AgencyStatus, ctx.actor.role)) {
    throw new AppError('INVALID_STATE', '该机构信息不在待审核状态，可能已被审核');
  }
  const to = agencyWorkflow[decision.action].to;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const moved = await transitionRevision(tx, revisionId, 'submitted', {
      status: to,
      returnReason: decision.action === 'return' ? decision.reason : null,
      reviewedAt: now,
      reviewedBy: ctx.actor.userId,
      updatedAt: now,
    });
    if (!moved) throw new AppError('CONFLICT', '该机构信息已被审核，请刷新后查看');
    const before = agencyColumns(agencyRowValues(agency, null));
    if (decision.action === 'approve') {
      await tx
        .update(agencies)
        .set({ ...agencyColumns(revision.data), status: 'approved', approvedAt: now, updatedAt: now })
        .where(eq(agencies.id, agency.id));
    } else if (!isAgencyApproved(agency)) {
      await tx.update(agencies).set({ status: 'returned', updatedAt: now }).where(eq(agencies.id, agency.id));
    }
    await insertReviewRecord(tx, {
      targetType: revisionTarget,
      targetId: revisionId,
      agencyId: agency.id,
      action: decision.action,
      reason: decision.action === 'return' ? decision.reason : null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      snapshot: revision.data,
      at: now,
    });
    const changes =
      decision.action === 'approve'
        ? diffFields(
            { ...before, status: agency.status },
            { ...agencyColumns(revision.data), status: 'approved' },
          )
        : { before: { status: 'submitted' }, after: { status: 'returned', returnReason: decision.reason } };
    await appendAudit(tx, ctx, {
      action: decision.action === 'approve' ? 'agency.profile_approved' : 'agency.profile_returned',
      targetType: 'agency_revision',
      targetId: revisionId,
      agencyId: agency.id,
      ...changes,
    });
    const proposedName = revision.data.name;
    await notifyReviewDecision(
      tx,
      {
        kind: 'agency_reviewed',
        agencyId: agency.id,
        name: typeof proposedName === 'string' && proposedName ? proposedName : agency.name,
        action: decision.action,
        reason: decision.action === 'return' ? decision.reason : null,
        link: '/agency',
        targetType: 'agency_revision',
        targetId: revisionId,
      },
      now,
    );
  });
  return getAgencyReview(ctx, revisionId);
}
