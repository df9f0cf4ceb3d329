import {
  canTransition,
  type RectificationInput,
  type ViolationAction,
  type ViolationDetail,
  type ViolationStatus,
  violationStatusLabels,
  violationWorkflow,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { listOwnerAttachments, lockOwner } from '../attachments/attachments.queries.ts';
import { findAgencyUserIds, findRegulatorIdsFor, notifyUsers } from '../notifications/notify.ts';
import { getViolationDetail } from './violation-detail.ts';
import { canReadViolation } from './violations.policy.ts';
import {
  bindEvidence,
  decideRound,
  findOpenRound,
  findViolation,
  findViolationForUpdate,
  insertRound,
  moveViolation,
  nextRoundNo,
  type ViolationRow,
} from './violations.queries.ts';
import { problemBrief } from './violations.service.ts';

function refuse(ctx: AuthedContext, action: ViolationAction, status: ViolationStatus): never {
  const transition = violationWorkflow[action];
  if (!(transition.by as readonly string[]).includes(ctx.actor.role)) throw forbidden();
  throw new AppError(
    'INVALID_STATE',
    `当前状态为「${violationStatusLabels[status]}」，不能${transition.label}，请刷新后查看`,
  );
}

function assertAllowed(ctx: AuthedContext, action: ViolationAction, violation: ViolationRow): void {
  const status = violation.status as ViolationStatus;
  if (!canTransition(violationWorkflow, action, status, ctx.actor.role)) refuse(ctx, action, status);
}

/** The violation if the caller may read it and the table allows `action` now (checked before and inside the transaction). */
async function violationFor(
  db: Db,
  ctx: AuthedContext,
  id: string,
  action: ViolationAction,
  lock: boolean,
): Promise<ViolationRow> {
  const found = lock ? await findViolationForUpdate(db, id) : await findViolation(db, id);
  if (!found || !canReadViolation(ctx.actor, found)) throw notFound('违规记录');
  assertAllowed(ctx, action, found);
  return found;
}

const conflict = () => new AppError('CONFLICT', '违规记录状态已被他人修改，请刷新后查看');

/**
 * 整改: the agency submits what it did with the evidence uploaded beforehand (at least one
 * file); a new round is recorded, the evidence is bound to it, the violation goes to 已提交,
 * and the region's regulators are notified.
 */
export async function rectifyViolation(
  ctx: AuthedContext,
  id: string,
  input: RectificationInput,
): Promise<ViolationDetail> {
  await violationFor(ctx.db, ctx, id, 'rectify', false);
  await ctx.db.transaction(async (tx) => {
    const violation = await violationFor(tx, ctx, id, 'rectify', true);
    // Uploads take the same lock: none slips in between listing the evidence and binding it.
    await lockOwner(tx, id);
    const evidence = await listOwnerAttachments(tx, 'rectification', id);
    if (evidence.length === 0) {
      throw validationError([{ field: 'evidence', message: '请上传整改佐证材料' }]);
    }
    const now = ctx.now();
    const moved = await moveViolation(tx, id, violation.status, { status: 'submitted', updatedAt: now });
    if (!moved) throw conflict();
    const round = await insertRound(tx, {
      violationId: id,
      round: await nextRoundNo(tx, id),
      description: input.description,
      submittedBy: ctx.actor.userId,
      submittedAt: now,
    });
    const fileIds = evidence.map((e) => e.attachment.id);
    await bindEvidence(tx, round.id, fileIds);
    await appendAudit(tx, ctx, {
      action: 'violation.rectification_submitted',
      targetType: 'violation',
      targetId: id,
      agencyId: violation.agencyId,
      before: { status: violation.status },
      after: { status: moved.status, round: round.round, description: input.description, evidence: fileIds },
    });
    const agency = await findAgency(tx, violation.agencyId);
    await notifyUsers(
      tx,
      await findRegulatorIdsFor(tx, violation.regionCode),
      {
        kind: 'rectification_submitted',
        title: '整改待审核',
        body: `${agency?.name ?? '监测机构'}提交了第${round.round}轮整改：${problemBrief(violation.problem)}`,
        link: `/violations/${id}`,
        targetType: 'violation',
        targetId: id,
        dedupeKey: `violation:${id}:round:${round.round}:submitted`,
      },
      now,
    );
  });
  return getViolationDetail(ctx, id);
}

type Decision = { action: 'accept'; reason: null } | { action: 'reject'; reason: string };

async function decideRectification(ctx: AuthedContext, id: string, decision: Decision) {
  const { action, reason } = decision;
  await violationFor(ctx.db, ctx, id, action, false);
  await ctx.db.transaction(async (tx) => {
    const violation = await violationFor(tx, ctx, id, action, true);
    const round = await findOpenRound(tx, id);
    if (!round) throw conflict();
    const now = ctx.now();
    const isAccepted = action === 'accept';
    const moved = await moveViolation(tx, id, violation.status, {
      status: violationWorkflow[action].to,
      closedAt: isAccepted ? now : null,
      updatedAt: now,
    });
    if (!moved) throw conflict();
    await decideRound(tx, round.id, {
      decision: isAccepted ? 'accepted' : 'rejected',
      reason,
      decidedBy: ctx.actor.userId,
      decidedAt: now,
    });
    await appendAudit(tx, ctx, {
      action: isAccepted ? 'violation.rectification_accepted' : 'violation.rectification_rejected',
      targetType: 'violation',
      targetId: id,
      agencyId: violation.agencyId,
      before: { status: violation.status },
      after: { status: moved.status, round: round.round, reason },
    });
    const brief = problemBrief(violation.problem);
    await notifyUsers(
      tx,
      await findAgencyUserIds(tx, violation.agencyId),
      {
        kind: 'rectification_decided',
        title: '整改审核结果',
        body: isAccepted ? `整改已通过：${brief}` : `整改被驳回：${reason}（${brief}），请重新整改后提交`,
        link: `/rectifications/${id}`,
        targetType: 'violation',
        targetId: id,
        dedupeKey: `violation:${id}:round:${round.round}:decided`,
      },
      now,
    );
  });
  return getViolationDetail(ctx, id);
}

/** 整改通过: the regulator of the region closes the violation (已整改). */
export function acceptRectification(ctx: AuthedContext, id: string): Promise<ViolationDetail> {
  return decideRectification(ctx, id, { action: 'accept', reason: null });
}

/** 驳回整改 with a reason the agency sees: back to 待整改 for another round. */
export function rejectRectification(
  ctx: AuthedContext,
  id: string,
  reason: string,
): Promise<ViolationDetail> {
  return decideRectification(ctx, id, { action: 'reject', reason });
}
