import {
  type AttachmentTypeExtra,
  attachmentTypeExtraSchema,
  type DictItem,
  type DictItemInput,
  type DictType,
  extraSchemaFor,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { appendAudit, diffFields } from '../../platform/audit/audit.ts';
import type { AuthedContext, ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { type DictRow, findDictItem, findDictItemById, listDictItems } from './dicts.queries.ts';
import { dictItems } from './dicts.tables.ts';

function toDictItem(row: DictRow): DictItem {
  return {
    id: row.id,
    type: row.type as DictType,
    code: row.code,
    label: row.label,
    sortOrder: row.sortOrder,
    isEnabled: row.isEnabled,
    extra: row.extra ?? null,
  };
}

function checkExtra(type: DictType, extra: Record<string, unknown> | null): Record<string, unknown> | null {
  const schema = extraSchemaFor(type);
  if (!schema) return null;
  const parsed = schema.safeParse(extra);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({
        field: ['extra', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
      '附加属性不完整或格式不正确',
    );
  }
  return parsed.data as Record<string, unknown>;
}

export async function getDictItems(ctx: ServiceContext, type?: DictType): Promise<DictItem[]> {
  return (await listDictItems(ctx.db, type)).map(toDictItem);
}

/** Adds a dictionary value; codes are unique within a dictionary and never change afterwards. */
export async function createDictItem(
  ctx: AuthedContext,
  type: DictType,
  input: DictItemInput,
): Promise<DictItem> {
  const extra = checkExtra(type, input.extra);
  return ctx.db.transaction(async (tx) => {
    if (await findDictItem(tx, type, input.code)) {
      throw validationError([{ field: 'code', message: `编码 ${input.code} 已存在` }]);
    }
    const [row] = await tx
      .insert(dictItems)
      .values({ type, ...input, extra })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'dict.created',
      targetType: 'dict_item',
      targetId: row.id,
      after: toDictItem(row),
    });
    return toDictItem(row);
  });
}

export async function updateDictItem(
  ctx: AuthedContext,
  type: DictType,
  id: string,
  input: Omit<DictItemInput, 'code'>,
): Promise<DictItem> {
  const extra = checkExtra(type, input.extra);
  return ctx.db.transaction(async (tx) => {
    const before = await findDictItemById(tx, id);
    if (!before || before.type !== type) throw new AppError('NOT_FOUND', '字典项不存在');
    const [row] = await tx
      .update(dictItems)
      .set({
        label: input.label,
        sortOrder: input.sortOrder,
        isEnabled: input.isEnabled,
        extra,
        updatedAt: ctx.now(),
      })
      .where(eq(dictItems.id, id))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', '字典项不存在');
    await appendAudit(tx, ctx, {
      action: 'dict.updated',
      targetType: 'dict_item',
      targetId: id,
      ...diffFields(toDictItem(before), toDictItem(row)),
    });
    return toDictItem(row);
  });
}

/** The limits of an attachment category, for the upload checks. */
export async function getAttachmentType(
  db: Db,
  code: string,
): Promise<{ label: string; limits: AttachmentTypeExtra } | null> {
  const row = await findDictItem(db, 'attachment_type', code);
  if (!row?.isEnabled) return null;
  const parsed = attachmentTypeExtraSchema.safeParse(row.extra);
  return parsed.success ? { label: row.label, limits: parsed.data } : null;
}
