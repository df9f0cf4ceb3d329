import type { Page, Personnel, PersonnelReviewItem } from '@eco/contracts';
import { appendAudit, diffFields } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { notifyReviewDecision } from '../notifications/notifications.service.ts';
import { insertReviewRecord } from '../reviews/reviews.queries.ts';
import { canReviewPersonnel } from './personnel.policy.ts';
import {
  findPersonnel,
  listPersonnelForReview,
  lockPersonnel,
  updatePersonnelFrom,
} from './personnel.queries.ts';
import { isUniqueViolation, targetType } from './personnel.service.ts';
import { displayValues, type PersonnelRow, toPersonnel, withPending } from './personnel.values.ts';

/** Staff records waiting for review in the regulator's region, oldest submission first. */
export async function listPersonnelReviews(
  ctx: AuthedContext,
  query: { page: number; pageSize: number },
): Promise<Page<PersonnelReviewItem>> {
  const regionScope = regulatorRegion(ctx.actor);
  if (!regionScope) throw new AppError('FORBIDDEN');
  const { items, total } = await listPersonnelForReview(ctx.db, { ...query, regionScope });
  return {
    items: items.map((i) => ({
      ...toPersonnel(i.row, i.hasAccount),
      agencyName: i.agencyName,
      regionCode: i.regionCode,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type Decision = { action: 'approve' | 'return'; reason: string | null };

async function decide(ctx: AuthedContext, id: string, decision: Decision): Promise<Personnel> {
  const found = await findPersonnel(ctx.db, id);
  if (!found || found.row.deletedAt) throw notFound('监测人员');
  if (!canReviewPersonnel(ctx.actor, { agencyId: found.row.agencyId, regionCode: found.regionCode })) {
    throw notFound('监测人员');
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await lockPersonnel(tx, id);
      if (!row || row.deletedAt) throw notFound('监测人员');
      if (row.status !== 'submitted') throw new AppError('INVALID_STATE', '该人员信息已审核或已退回，请刷新');
      const now = ctx.now();
      const reviewed = withPending(row);
      const set: Partial<PersonnelRow> =
        decision.action === 'approve'
          ? {
              ...(row.pendingChanges ?? {}),
              status: 'approved',
              pendingChanges: null,
              returnReason: null,
              updatedAt: now,
            }
          : { status: 'returned', returnReason: decision.reason, updatedAt: now };
      const updated = await updatePersonnelFrom(tx, id, 'submitted', set);
      if (!updated) throw new AppError('INVALID_STATE', '该人员信息已审核或已退回，请刷新');
      await insertReviewRecord(tx, {
        targetType,
        targetId: id,
        agencyId: row.agencyId,
        action: decision.action,
        reason: decision.reason,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        snapshot: displayValues(reviewed),
        at: now,
      });
      await appendAudit(tx, ctx, {
        action: decision.action === 'approve' ? 'personnel.approved' : 'personnel.returned',
        targetType,
        targetId: id,
        agencyId: row.agencyId,
        ...diffFields(
          { ...displayValues(row), status: row.status, returnReason: row.returnReason },
          { ...displayValues(updated), status: updated.status, returnReason: updated.returnReason },
        ),
      });
      await notifyReviewDecision(
        tx,
        {
          kind: 'personnel_reviewed',
          agencyId: row.agencyId,
          name: reviewed.name,
          action: decision.action,
          reason: decision.reason,
          link: '/personnel',
          targetType,
          targetId: id,
        },
        now,
      );
      return toPersonnel(updated, found.hasAccount);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', '变更后的身份证号已被本机构其他人员使用，请退回');
    }
    throw error;
  }
}

/** 审核通过: the record (or its pending change) comes into force; 409 when already decided. */
export function approvePersonnel(ctx: AuthedContext, id: string): Promise<Personnel> {
  return decide(ctx, id, { action: 'approve', reason: null });
}

/** 退回 with a reason; approved values, if any, stay in force. 409 when already decided. */
export function returnPersonnel(ctx: AuthedContext, id: string, reason: string): Promise<Personnel> {
  return decide(ctx, id, { action: 'return', reason });
}
