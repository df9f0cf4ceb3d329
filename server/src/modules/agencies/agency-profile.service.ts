import {
  type AgencyProfileInput,
  type AgencyProfileView,
  type AgencyStatus,
  agencyProfileFieldLabels,
  agencyProfileSchema,
  agencyWorkflow,
  attachmentTypeExtraSchema,
  availableActions,
  canTransition,
  diffAgencyProfiles,
  type FieldError,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { appendAudit, diffFields } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { insertReviewRecord, listReviewRecords, toReviewRecord } from '../reviews/reviews.queries.ts';
import { canEditAgencyProfile, canReadAgency, isAgencyApproved } from './agencies.policy.ts';
import { type AgencyRow, findAgency, findAgencyWithRegion } from './agencies.queries.ts';
import { agencies } from './agencies.tables.ts';
import { agencyColumns, agencyRowValues, revisionData, toRevision } from './agency-profile.values.ts';
import {
  countAgencyAttachmentsByCategory,
  findAgencyByCreditCode,
  findRegion,
  findUndecidedRevision,
  lockAgency,
  transitionRevision,
} from './agency-revisions.queries.ts';
import { agencyRevisions } from './agency-revisions.tables.ts';

export const revisionTarget = 'agency_revision';

/** Required 附件类型 of scope agency the agency has no file for yet. */
export async function findMissingAttachments(db: Db, agencyId: string) {
  const [types, counts] = await Promise.all([
    listDictItems(db, 'attachment_type'),
    countAgencyAttachmentsByCategory(db, agencyId),
  ]);
  return types
    .filter((t) => {
      const extra = attachmentTypeExtraSchema.safeParse(t.extra);
      return t.isEnabled && extra.success && extra.data.scope === 'agency' && extra.data.required;
    })
    .filter((t) => (counts.get(t.code) ?? 0) === 0)
    .map((t) => ({ code: t.code, label: t.label }));
}

/** The agency's own profile: the version in force, the pending edit, the history, the caller's actions. */
export async function getAgencyProfile(ctx: AuthedContext, agencyId: string): Promise<AgencyProfileView> {
  const found = await findAgencyWithRegion(ctx.db, agencyId);
  if (!found || !canReadAgency(ctx.actor, found.agency)) throw notFound('监测机构');
  const { agency } = found;
  const inForce = agencyRowValues(agency, found.regionName);
  const [pendingRow, history, missingAttachments] = await Promise.all([
    findUndecidedRevision(ctx.db, agencyId),
    listReviewRecords(ctx.db, { targetType: revisionTarget, agencyId }),
    findMissingAttachments(ctx.db, agencyId),
  ]);
  const pending = pendingRow ? await toRevision(ctx.db, pendingRow, inForce) : null;
  const status = (pending?.status ?? agency.status) as AgencyStatus;
  const canEdit = canEditAgencyProfile(ctx.actor, agency) && pending?.status !== 'submitted';
  const canSubmit = pending !== null || !isAgencyApproved(agency);
  return {
    agencyId,
    status: agency.status as AgencyStatus,
    approvedAt: agency.approvedAt?.toISOString() ?? null,
    inForce,
    pending,
    history: history.map(toReviewRecord),
    actions: [
      ...(canEdit ? ['save'] : []),
      ...(canSubmit && agency.id === ctx.actor.agencyId
        ? availableActions(agencyWorkflow, status, ctx.actor.role)
        : []),
    ],
    missingAttachments,
  };
}

export async function getOwnAgencyProfile(ctx: AuthedContext): Promise<AgencyProfileView> {
  if (!ctx.actor.agencyId) throw forbidden('当前账号不属于任何监测机构');
  return getAgencyProfile(ctx, ctx.actor.agencyId);
}

/** Checks against the database what the schema cannot: a real 区县, known 行业类别, an unused 信用代码. */
async function checkReferences(db: Db, agencyId: string, input: AgencyProfileInput): Promise<void> {
  const errors: FieldError[] = [];
  const region = await findRegion(db, input.regionCode);
  if (region?.level !== 3) errors.push({ field: 'regionCode', message: '请选择所在地区（区县）' });
  const industries = new Set(
    (await listDictItems(db, 'industry_category')).filter((i) => i.isEnabled).map((i) => i.code),
  );
  const unknown = input.industryCategories.filter((c) => !industries.has(c));
  if (unknown.length > 0) {
    errors.push({ field: 'industryCategories', message: `行业类别不存在或已停用：${unknown.join('、')}` });
  }
  const holder = await findAgencyByCreditCode(db, input.creditCode);
  if (holder && holder.id !== agencyId) {
    errors.push({ field: 'creditCode', message: '该统一社会信用代码已被其他机构使用' });
  }
  if (errors.length > 0) throw validationError(errors);
}

function ownAgencyId(ctx: AuthedContext): string {
  if (!ctx.actor.agencyId) throw forbidden('当前账号不属于任何监测机构');
  return ctx.actor.agencyId;
}

async function lockEditableAgency(ctx: AuthedContext, tx: Db, agencyId: string): Promise<AgencyRow> {
  const agency = await lockAgency(tx, agencyId);
  if (!agency) throw notFound('监测机构');
  if (!canEditAgencyProfile(ctx.actor, agency)) throw forbidden('只有机构法人账号可以修改机构信息');
  return agency;
}

/**
 * 保存: writes the agency's open revision (a new one when none is open). A never-approved agency
 * also sees it on its row at once; an approved one keeps its approved version in force.
 */
export async function saveAgencyProfile(
  ctx: AuthedContext,
  input: AgencyProfileInput,
): Promise<AgencyProfileView> {
  const agencyId = ownAgencyId(ctx);
  const data = revisionData(input);
  await ctx.db.transaction(async (tx) => {
    const agency = await lockEditableAgency(ctx, tx, agencyId);
    await checkReferences(tx, agencyId, input);
    const open = await findUndecidedRevision(tx, agencyId);
    if (open?.status === 'submitted') {
      throw new AppError('INVALID_STATE', '机构信息正在审核中，审核完成前不能修改');
    }
    const before = open ? open.data : agencyColumns(agencyRowValues(agency, null));
    let revisionId: string;
    if (open) {
      await tx
        .update(agencyRevisions)
        .set({ data, updatedAt: ctx.now() })
        .where(eq(agencyRevisions.id, open.id));
      revisionId = open.id;
    } else {
      const [created] = await tx
        .insert(agencyRevisions)
        .values({
          agencyId,
          status: 'draft',
          data,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning({ id: agencyRevisions.id });
      if (!created) throw new AppError('INTERNAL');
      revisionId = created.id;
    }
    if (!isAgencyApproved(agency)) {
      await tx
        .update(agencies)
        .set({ ...agencyColumns(data), updatedAt: ctx.now() })
        .where(eq(agencies.id, agencyId));
    }
    await appendAudit(tx, ctx, {
      action: 'agency.profile_saved',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      ...diffFields(before, { ...data }),
    });
    return revisionId;
  });
  return getAgencyProfile(ctx, agencyId);
}

function profileErrors(data: Record<string, unknown>): FieldError[] {
  const parsed = agencyProfileSchema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return {
      field,
      message:
        issue.message ||
        `${agencyProfileFieldLabels[field as keyof typeof agencyProfileFieldLabels] ?? field}不正确`,
    };
  });
}

/**
 * 提交审核: the open revision goes to the regulator, once every required field and every
 * required 附件类型 is there. A never-approved agency shows 待审核 as its own status too.
 */
export async function submitAgencyProfile(ctx: AuthedContext): Promise<AgencyProfileView> {
  const agencyId = ownAgencyId(ctx);
  await ctx.db.transaction(async (tx) => {
    const agency = await lockEditableAgency(ctx, tx, agencyId);
    let revision = await findUndecidedRevision(tx, agencyId);
    if (!revision && !isAgencyApproved(agency)) {
      const [created] = await tx
        .insert(agencyRevisions)
        .values({
          agencyId,
          status: agency.status === 'returned' ? 'returned' : 'draft',
          data: agencyColumns(agencyRowValues(agency, null)),
          createdBy: ctx.actor.userId,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning();
      revision = created;
    }
    if (!revision) throw new AppError('INVALID_STATE', '没有需要提交的修改，请先修改并保存机构信息');
    if (!canTransition(agencyWorkflow, 'submit', revision.status as AgencyStatus, ctx.actor.role)) {
      throw new AppError('INVALID_STATE', '机构信息已提交，正在等待监管部门审核');
    }
    const errors = profileErrors(revision.data);
    if (errors.length > 0) {
      throw validationError(errors, `机构信息不完整：${errors.map((e) => e.message).join('；')}`);
    }
    const missing = await findMissingAttachments(tx, agencyId);
    if (missing.length > 0) {
      throw validationError(
        missing.map((m) => ({ field: `attachments.${m.code}`, message: `请上传「${m.label}」` })),
        `请先上传以下必传附件：${missing.map((m) => m.label).join('、')}`,
      );
    }
    if (isAgencyApproved(agency)) {
      const changes = diffAgencyProfiles(
        agencyColumns(agencyRowValues(agency, null)),
        agencyColumns(revision.data),
      );
      if (changes.length === 0) {
        throw new AppError('INVALID_STATE', '与现行机构信息相比没有修改，无需提交审核');
      }
    }
    const moved = await transitionRevision(tx, revision.id, revision.status, {
      status: 'submitted',
      submittedAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    if (!moved) throw new AppError('CONFLICT', '机构信息已被他人提交或修改，请刷新后重试');
    if (!isAgencyApproved(agency)) {
      await tx
        .update(agencies)
        .set({ status: 'submitted', updatedAt: ctx.now() })
        .where(eq(agencies.id, agencyId));
    }
    await insertReviewRecord(tx, {
      targetType: revisionTarget,
      targetId: revision.id,
      agencyId,
      action: 'submit',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      snapshot: revision.data,
      at: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'agency.profile_submitted',
      targetType: 'agency_revision',
      targetId: revision.id,
      agencyId,
      before: { status: revision.status },
      after: { status: 'submitted' },
    });
  });
  return getAgencyProfile(ctx, agencyId);
}

const notApprovedMessage = '机构信息尚未通过监管部门审核，暂不能进行项目登记';

/** For 项目登记: refuses while the caller's agency has no approved version in force. */
export async function assertAgencyApproved(ctx: AuthedContext): Promise<void> {
  const agencyId = ownAgencyId(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency || !isAgencyApproved(agency)) throw new AppError('INVALID_STATE', notApprovedMessage);
}
