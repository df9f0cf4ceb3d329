import {
  type Attachment,
  type RectificationRound,
  rectificationStateOf,
  type ViolationDetail,
  type ViolationStatus,
  type ViolationSummary,
} from '@eco/contracts';
import type { AuthedContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { listOwnerAttachments } from '../attachments/attachments.queries.ts';
import { toAttachment } from '../attachments/attachments.service.ts';
import { shanghaiDate } from '../notifications/notify.ts';
import { canReadViolation, violationActionsFor } from './violations.policy.ts';
import {
  findViolationSummary,
  listRoundAttachments,
  listRounds,
  type ViolationSummaryRow,
} from './violations.queries.ts';

/** A list row as the API shows it; `today` (Asia/Shanghai) decides whether it is 逾期. */
export function toViolationSummary(row: ViolationSummaryRow, today: string): ViolationSummary {
  const { violation } = row;
  const status = violation.status as ViolationStatus;
  return {
    id: violation.id,
    agencyId: violation.agencyId,
    agencyName: row.agencyName,
    projectId: violation.projectId,
    projectName: row.projectName,
    projectNo: row.projectNo,
    problem: violation.problem,
    rule: violation.rule,
    deadline: violation.deadline,
    status,
    state: rectificationStateOf(status, violation.deadline, today),
    roundCount: row.roundCount,
    issuedByName: row.issuedByName ?? '',
    issuedAt: violation.issuedAt.toISOString(),
    closedAt: violation.closedAt?.toISOString() ?? null,
  };
}

async function roundsOf(ctx: AuthedContext, violationId: string): Promise<RectificationRound[]> {
  const [rounds, files] = await Promise.all([
    listRounds(ctx.db, violationId),
    listRoundAttachments(ctx.db, violationId),
  ]);
  const filesOf = (roundId: string): Attachment[] =>
    files.filter((f) => f.roundId === roundId).map((f) => toAttachment(f.attachment, f.categoryLabel));
  return rounds.map(({ round, submittedByName, decidedByName }) => ({
    id: round.id,
    round: round.round,
    description: round.description,
    submittedByName: submittedByName ?? '',
    submittedAt: round.submittedAt.toISOString(),
    decision: round.decision === 'accepted' || round.decision === 'rejected' ? round.decision : null,
    reason: round.reason,
    decidedByName,
    decidedAt: round.decidedAt?.toISOString() ?? null,
    attachments: filesOf(round.id),
  }));
}

/**
 * 查看: the violation, its 违规证据, every round with its evidence and decision, the evidence
 * waiting for the next round, and the caller's buttons. Outside the caller's agency or region
 * it is NOT_FOUND, so existence is never revealed.
 */
export async function getViolationDetail(ctx: AuthedContext, id: string): Promise<ViolationDetail> {
  const row = await findViolationSummary(ctx.db, id);
  if (!row || !canReadViolation(ctx.actor, row.violation)) throw notFound('违规记录');
  const { violation } = row;
  const [evidence, rounds, pending] = await Promise.all([
    listOwnerAttachments(ctx.db, 'violation', id),
    roundsOf(ctx, id),
    listOwnerAttachments(ctx.db, 'rectification', id),
  ]);
  const status = violation.status as ViolationStatus;
  return {
    ...toViolationSummary(row, shanghaiDate(ctx.now())),
    regionCode: violation.regionCode,
    attachments: evidence.map((f) => toAttachment(f.attachment, f.categoryLabel)),
    rounds,
    pendingEvidence: pending.map((f) => toAttachment(f.attachment, f.categoryLabel)),
    actions: violationActionsFor(ctx.actor, { ...violation, status }),
  };
}
