import type {
  FieldError,
  Page,
  Personnel,
  PersonnelFilter,
  PersonnelInput,
  PersonnelUpdate,
  ReviewRecord,
} from '@eco/contracts';
import { appendAudit, diffFields } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { insertReviewRecord, listReviewRecords, toReviewRecord } from '../reviews/reviews.queries.ts';
import { findBlockingAssignments } from './personnel.assignments.ts';
import { canManagePersonnel, canReadPersonnel } from './personnel.policy.ts';
import {
  disableLinkedAccounts,
  findPersonnel,
  insertPersonnel,
  isIdNumberTaken,
  listAgencyTitles,
  listPersonnel,
  lockPersonnel,
  updatePersonnelFrom,
} from './personnel.queries.ts';
import {
  changedColumns,
  describeChanges,
  displayValues,
  isPersonnelApproved,
  type PersonnelRow,
  proposeValues,
  toPersonnel,
  withPending,
} from './personnel.values.ts';

export const targetType = 'personnel';
const duplicateIdNumber: FieldError = { field: 'idNumber', message: '该身份证号已在本机构登记' };

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The caller's agency, for agency_admin only. */
export function ownAgencyId(ctx: AuthedContext): string {
  if (ctx.actor.role !== 'agency_admin' || !ctx.actor.agencyId) {
    throw new AppError('FORBIDDEN', '只有机构法人账号可以管理监测人员');
  }
  return ctx.actor.agencyId;
}

/** code → label of the enabled items of a dictionary. */
export async function dictLabels(db: Db, type: 'post' | 'education'): Promise<Map<string, string>> {
  const rows = await listDictItems(db, type);
  return new Map(rows.filter((r) => r.isEnabled).map((r) => [r.code, r.label]));
}

async function checkDictionaryCodes(db: Db, input: { posts: string[]; education: string }): Promise<void> {
  const [posts, education] = await Promise.all([dictLabels(db, 'post'), dictLabels(db, 'education')]);
  const errors: FieldError[] = [];
  const unknownPosts = input.posts.filter((p) => !posts.has(p));
  if (unknownPosts.length > 0) {
    errors.push({ field: 'posts', message: `岗位职能不存在或已停用：${unknownPosts.join('、')}` });
  }
  if (!education.has(input.education)) errors.push({ field: 'education', message: '学历不存在或已停用' });
  if (errors.length > 0) throw validationError(errors);
}

/** A staff record of the caller's agency (not deleted), else 404: another agency's id is unknown. */
async function manageableRow(ctx: AuthedContext, id: string): Promise<PersonnelRow> {
  const found = await findPersonnel(ctx.db, id);
  if (!found || found.row.deletedAt || !canManagePersonnel(ctx.actor, found.row)) throw notFound('监测人员');
  return found.row;
}

function uniqueIds<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * 添加: stores a staff record of the caller's agency and submits it for review (status
 * `submitted`; there is no separate draft step, the manual's 保存 is the submission).
 */
export async function createPersonnel(ctx: AuthedContext, input: PersonnelInput): Promise<Personnel> {
  const agencyId = ownAgencyId(ctx);
  const posts = uniqueIds(input.posts);
  await checkDictionaryCodes(ctx.db, { posts, education: input.education });
  const values = proposeValues(ctx.pii, null, { ...input, posts });
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await isIdNumberTaken(tx, agencyId, values.idNumberHash, null))
        throw validationError([duplicateIdNumber]);
      const now = ctx.now();
      const row = await insertPersonnel(tx, {
        agencyId,
        ...values,
        status: 'submitted',
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await insertReviewRecord(tx, {
        targetType,
        targetId: row.id,
        agencyId,
        action: 'submit',
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        snapshot: displayValues(values),
        at: now,
      });
      await appendAudit(tx, ctx, {
        action: 'personnel.created',
        targetType,
        targetId: row.id,
        agencyId,
        after: { ...displayValues(values), status: row.status },
      });
      return toPersonnel(row, false);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError([duplicateIdNumber]);
    throw error;
  }
}

/**
 * 编辑. A record never approved is changed in place and (re)submitted. A record with approved
 * values keeps them in force: the change waits in pendingChanges for review.
 */
export async function updatePersonnel(
  ctx: AuthedContext,
  id: string,
  input: PersonnelUpdate,
): Promise<Personnel> {
  await manageableRow(ctx, id);
  const posts = uniqueIds(input.posts);
  await checkDictionaryCodes(ctx.db, { posts, education: input.education });
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await lockPersonnel(tx, id);
      if (!row || row.deletedAt) throw notFound('监测人员');
      const before = withPending(row);
      const proposed = proposeValues(ctx.pii, before, { ...input, posts });
      if (
        proposed.idNumberHash !== row.idNumberHash &&
        (await isIdNumberTaken(tx, row.agencyId, proposed.idNumberHash, row.id))
      ) {
        throw validationError([duplicateIdNumber]);
      }
      const isUnchanged = Object.keys(changedColumns(before, proposed)).length === 0;
      if (isUnchanged && row.status !== 'returned') return toPersonnel(row, await hasAccountOf(tx, id));

      const now = ctx.now();
      const submitted = { status: 'submitted', submittedAt: now, returnReason: null, updatedAt: now };
      let set: Partial<PersonnelRow>;
      if (isPersonnelApproved(row)) {
        const pending = changedColumns(row, proposed);
        set =
          Object.keys(pending).length === 0
            ? { status: 'approved', pendingChanges: null, returnReason: null, updatedAt: now }
            : { ...submitted, pendingChanges: pending };
      } else {
        set = { ...submitted, ...proposed };
      }
      const updated = await updatePersonnelFrom(tx, id, row.status, set);
      if (!updated) throw new AppError('CONFLICT', '该人员信息已被修改，请刷新后重试');
      if (updated.status === 'submitted') {
        await insertReviewRecord(tx, {
          targetType,
          targetId: id,
          agencyId: row.agencyId,
          action: 'submit',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          snapshot: isPersonnelApproved(row)
            ? { changes: describeChanges(row, proposed) }
            : displayValues(proposed),
          at: now,
        });
      }
      const diff = diffFields(
        { ...displayValues(before), status: row.status },
        { ...displayValues(proposed), status: updated.status },
      );
      await appendAudit(tx, ctx, {
        action: 'personnel.updated',
        targetType,
        targetId: id,
        agencyId: row.agencyId,
        ...diff,
      });
      return toPersonnel(updated, await hasAccountOf(tx, id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError([duplicateIdNumber]);
    throw error;
  }
}

async function hasAccountOf(db: Db, id: string): Promise<boolean> {
  return (await findPersonnel(db, id))?.hasAccount ?? false;
}

/**
 * 删除: hides the record (deletedAt) and disables any account linked to it; refused while the
 * person still has unfinished work. The review history and audit trail stay.
 */
export async function deletePersonnel(ctx: AuthedContext, id: string): Promise<void> {
  await manageableRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const row = await lockPersonnel(tx, id);
    if (!row || row.deletedAt) throw notFound('监测人员');
    const blocking = await findBlockingAssignments(tx, id);
    if (blocking.length > 0) {
      throw new AppError(
        'INVALID_STATE',
        `该人员仍有未完成的工作，不能删除：${blocking.map((b) => b.label).join('、')}`,
      );
    }
    const now = ctx.now();
    const deleted = await updatePersonnelFrom(tx, id, row.status, { deletedAt: now, updatedAt: now });
    if (!deleted) throw new AppError('CONFLICT', '该人员信息已被修改，请刷新后重试');
    const disabledAccounts = await disableLinkedAccounts(tx, id, now);
    await appendAudit(tx, ctx, {
      action: 'personnel.deleted',
      targetType,
      targetId: id,
      agencyId: row.agencyId,
      before: { ...displayValues(row), status: row.status },
      after: { deletedAt: now.toISOString(), disabledAccounts },
    });
  });
}

/** 查看: every field of one record (ID number and mobile masked). */
export async function getPersonnel(ctx: AuthedContext, id: string): Promise<Personnel> {
  const found = await findPersonnel(ctx.db, id);
  if (!found || found.row.deletedAt) throw notFound('监测人员');
  if (!canReadPersonnel(ctx.actor, { agencyId: found.row.agencyId, regionCode: found.regionCode })) {
    throw notFound('监测人员');
  }
  return toPersonnel(found.row, found.hasAccount);
}

/** The review history of a record, newest first; it outlives the record's deletion. */
export async function getPersonnelHistory(ctx: AuthedContext, id: string): Promise<ReviewRecord[]> {
  const found = await findPersonnel(ctx.db, id);
  if (
    !found ||
    !canReadPersonnel(ctx.actor, { agencyId: found.row.agencyId, regionCode: found.regionCode })
  ) {
    throw notFound('监测人员');
  }
  const rows = await listReviewRecords(ctx.db, { targetType, agencyId: found.row.agencyId, targetId: id });
  return rows.map(toReviewRecord);
}

/** The caller's agency's staff, filtered, sorted and paged on the server. */
export async function searchPersonnel(
  ctx: AuthedContext,
  query: PersonnelFilter & { page: number; pageSize: number },
): Promise<Page<Personnel>> {
  const agencyId = ownAgencyId(ctx);
  const { items, total } = await listPersonnel(ctx.db, { ...query, agencyId });
  return {
    items: items.map((i) => toPersonnel(i.row, i.hasAccount)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The 职称 already used in the caller's agency. */
export async function getAgencyTitles(ctx: AuthedContext): Promise<string[]> {
  return listAgencyTitles(ctx.db, ownAgencyId(ctx));
}
