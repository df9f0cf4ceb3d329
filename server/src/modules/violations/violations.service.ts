import type {
  Page,
  ViolationDetail,
  ViolationInput,
  ViolationListQuery,
  ViolationSummary,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { Actor, AuthedContext } from '../../platform/context.ts';
import { forbidden, notFound, validationError } from '../../platform/errors.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import {
  findAgencyUserIds,
  findProjectFieldUserIds,
  notifyUsers,
  shanghaiDate,
} from '../notifications/notify.ts';
import { findProject } from '../projects/projects.queries.ts';
import { getViolationDetail, toViolationSummary } from './violation-detail.ts';
import { canIssueViolation, isRectifier } from './violations.policy.ts';
import { insertViolation, searchViolations, type ViolationScope } from './violations.queries.ts';

/** The problem as a message names it: its first 30 characters. */
export function problemBrief(problem: string): string {
  const chars = [...problem];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : problem;
}

/**
 * Where the violation belongs and whether the regulator may issue it there: a named project's
 * site (it must be the agency's), else the agency's region. Outside the region it is NOT_FOUND.
 */
async function placeOf(ctx: AuthedContext, input: ViolationInput) {
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) throw notFound('监测机构');
  if (!input.projectId) {
    if (!canIssueViolation(ctx.actor, agency)) throw notFound('监测机构');
    return { agency, projectId: null, regionCode: agency.regionCode };
  }
  const project = await findProject(ctx.db, input.projectId);
  if (project && !canIssueViolation(ctx.actor, project)) throw notFound('项目');
  if (project?.agencyId !== agency.id) {
    throw validationError([{ field: 'projectId', message: '项目不属于该监测机构' }]);
  }
  return { agency, projectId: project.id, regionCode: project.regionCode };
}

/**
 * 开具违规: a regulator issues a violation against an agency of its region and, where it applies,
 * one of its projects, with a 整改期限 from today on. The agency's accounts and the project's
 * field staff are notified in the same transaction.
 */
export async function issueViolation(ctx: AuthedContext, input: ViolationInput): Promise<ViolationDetail> {
  const { agency, projectId, regionCode } = await placeOf(ctx, input);
  const now = ctx.now();
  if (input.deadline < shanghaiDate(now)) {
    throw validationError([{ field: 'deadline', message: '整改期限不能早于今天' }]);
  }
  const id = await ctx.db.transaction(async (tx) => {
    const violation = await insertViolation(tx, {
      agencyId: agency.id,
      projectId,
      regionCode,
      problem: input.problem,
      rule: input.rule,
      deadline: input.deadline,
      status: 'pending',
      issuedBy: ctx.actor.userId,
      issuedAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, ctx, {
      action: 'violation.issued',
      targetType: 'violation',
      targetId: violation.id,
      agencyId: agency.id,
      after: { projectId, regionCode, problem: input.problem, rule: input.rule, deadline: input.deadline },
    });
    const recipients = [
      ...(await findAgencyUserIds(tx, agency.id)),
      ...(projectId ? await findProjectFieldUserIds(tx, projectId) : []),
    ];
    await notifyUsers(
      tx,
      recipients,
      {
        kind: 'violation_issued',
        title: '违规通知',
        body: `${problemBrief(input.problem)}（整改期限 ${input.deadline}）`,
        link: `/rectifications/${violation.id}`,
        targetType: 'violation',
        targetId: violation.id,
        dedupeKey: `violation:${violation.id}:issued`,
      },
      now,
    );
    return violation.id;
  });
  return getViolationDetail(ctx, id);
}

function listScope(actor: Actor): ViolationScope {
  if (isRectifier(actor.role) && actor.agencyId) return { agencyId: actor.agencyId };
  const region = regulatorRegion(actor);
  if (!region) throw forbidden();
  return { regionCode: region };
}

/**
 * 违规待整改 / 历史整改记录 for the agency (its own only; an agencyId filter is ignored) and the
 * regulator's list (its region, filterable by agency), newest issued first.
 */
export async function listViolations(
  ctx: AuthedContext,
  query: ViolationListQuery,
): Promise<Page<ViolationSummary>> {
  const today = shanghaiDate(ctx.now());
  const { page, pageSize, ...filter } = query;
  const { items, total } = await searchViolations(
    ctx.db,
    listScope(ctx.actor),
    filter,
    { page, pageSize },
    today,
  );
  return { items: items.map((row) => toViolationSummary(row, today)), total, page, pageSize };
}
