import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  type Attachment,
  type AttachmentOwnerType,
  type AttachmentScope,
  type AttachmentTypeExtra,
  attachmentScopeOf,
  hasControlChars,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext, ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { detectFileKind, fileKindLabels } from '../../platform/files/detect.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { isStoredFileReferenced } from '../../platform/files/references.ts';
import { FileTooLargeError } from '../../platform/files/store.ts';
import { getAttachmentType } from '../dicts/dicts.service.ts';
import { type AttachmentOwner, resolveAttachmentOwner } from './attachment-owners.ts';
import {
  type AttachmentRow,
  countCategoryAttachments,
  findAttachment,
  listOwnerAttachments,
  lockOwner,
} from './attachments.queries.ts';

/** The API shape of an attachment row. */
export function toAttachment(row: AttachmentRow, categoryLabel: string | null): Attachment {
  return {
    id: row.id,
    ownerType: row.ownerType as AttachmentOwnerType,
    ownerId: row.ownerId,
    category: row.category,
    categoryLabel: categoryLabel ?? row.category,
    fileName: row.fileName,
    size: row.size,
    mimeType: row.mimeType,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
  };
}

/** A name safe to store and to send back: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .split('')
    .filter((c) => !hasControlChars(c))
    .join('')
    .trim();
  if (!base) return '未命名文件';
  if (base.length <= 120) return base;
  const ext = path.extname(base).slice(0, 10);
  return base.slice(0, 120 - ext.length) + ext;
}

async function ownerFor(ctx: AuthedContext, ownerType: AttachmentOwnerType, ownerId: string, write: boolean) {
  const owner = await resolveAttachmentOwner(ctx.db, ownerType, ownerId, ctx.actor);
  if (!owner?.canRead(ctx.actor)) throw notFound('附件所属记录');
  if (write && !owner.canWrite(ctx.actor)) throw new AppError('FORBIDDEN', '无权修改该记录的附件');
  return owner;
}

export async function listAttachments(
  ctx: AuthedContext,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Promise<Attachment[]> {
  await ownerFor(ctx, ownerType, ownerId, false);
  const rows = await listOwnerAttachments(ctx.db, ownerType, ownerId);
  return rows.map((r) => toAttachment(r.attachment, r.categoryLabel));
}

type UploadInput = {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  category: string;
  fileName: string;
  source: Readable;
};

/** A 附件类型 with the limits an upload must keep. */
export type AttachmentCategory = { code: string; label: string; limits: AttachmentTypeExtra };

/** A file durably in the store, its type judged by its bytes; no row points at it yet. */
export type StoredFile = { sha256: string; size: number; mimeType: string };

/** The enabled 附件类型 `code` when it applies to `scope`, else a field error on `category`. */
export async function requireAttachmentCategory(
  db: Db,
  code: string,
  scope: AttachmentScope,
): Promise<AttachmentCategory> {
  const found = await getAttachmentType(db, code);
  if (!found || found.limits.scope !== scope) {
    throw validationError([{ field: 'category', message: '附件类型不存在或不适用于此处' }]);
  }
  return { code, ...found };
}

function tooMany(category: AttachmentCategory, hint = ''): AppError {
  return validationError([
    {
      field: 'file',
      message: `「${category.label}」最多上传${category.limits.maxCount}个文件${hint}`,
    },
  ]);
}

/**
 * Streams an upload into the file store under a category's limits: the size while streaming,
 * the type by the bytes. The file is committed to the store on return; the caller writes the
 * row (insertAttachmentRow) in its transaction and calls releaseStoredFile if that fails.
 */
export async function stageAttachmentFile(
  ctx: ServiceContext,
  input: { category: AttachmentCategory; source: Readable },
): Promise<StoredFile> {
  const { label, limits } = input.category;
  const maxBytes = Math.round(limits.maxSizeMb * 1024 * 1024);
  const staged = await ctx.files.stage(input.source, { maxBytes }).catch((error: unknown) => {
    if (error instanceof FileTooLargeError) {
      throw new AppError('PAYLOAD_TOO_LARGE', `「${label}」单个文件不能超过${limits.maxSizeMb}MB`);
    }
    throw error;
  });
  if (staged.size === 0) {
    await staged.discard();
    throw validationError([{ field: 'file', message: '文件为空，请重新选择' }]);
  }
  const detected = await detectFileKind(staged.tempPath);
  if (!detected.kind || !limits.kinds.includes(detected.kind)) {
    await staged.discard();
    const allowed = limits.kinds.map((k) => fileKindLabels[k]).join('、');
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      `「${label}」只支持 ${allowed} 文件；所选文件的实际内容不是这些类型`,
    );
  }
  await staged.commit();
  return { sha256: staged.sha256, size: staged.size, mimeType: detected.mime };
}

/** Removes a stored file no attachment row refers to (after a failed transaction). */
export async function releaseStoredFile(ctx: ServiceContext, sha256: string): Promise<void> {
  if (!(await isStoredFileReferenced(ctx.db, sha256))) await ctx.files.remove(sha256);
}

/** Writes the attachment row of a stored file and its audit record, in the caller's transaction. */
export async function insertAttachmentRow(
  tx: Db,
  ctx: AuthedContext,
  values: {
    ownerType: AttachmentOwnerType;
    ownerId: string;
    agencyId: string | null;
    category: AttachmentCategory;
    fileName: string;
    file: StoredFile;
  },
): Promise<Attachment> {
  const [row] = await tx
    .insert(attachments)
    .values({
      ownerType: values.ownerType,
      ownerId: values.ownerId,
      agencyId: values.agencyId,
      category: values.category.code,
      fileName: cleanFileName(values.fileName),
      size: values.file.size,
      mimeType: values.file.mimeType,
      sha256: values.file.sha256,
      uploadedBy: ctx.actor.userId,
      uploadedAt: ctx.now(),
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await appendAudit(tx, ctx, {
    action: 'attachment.uploaded',
    targetType: 'attachment',
    targetId: row.id,
    agencyId: values.agencyId,
    after: {
      ownerType: row.ownerType,
      ownerId: row.ownerId,
      category: row.category,
      fileName: row.fileName,
      size: row.size,
      sha256: row.sha256,
    },
  });
  return toAttachment(row, values.category.label);
}

/**
 * Stores one uploaded file under an owner. Limits come from the 附件类型 dictionary; the type
 * is judged by the bytes. The file is durably in the store before its row is written, and a
 * refused or failed upload leaves neither a row nor a file behind.
 */
export async function uploadAttachment(ctx: AuthedContext, input: UploadInput): Promise<Attachment> {
  let owner: AttachmentOwner;
  let category: AttachmentCategory;
  try {
    owner = await ownerFor(ctx, input.ownerType, input.ownerId, true);
    category = await requireAttachmentCategory(ctx.db, input.category, attachmentScopeOf(input.ownerType));
    const existing = await countCategoryAttachments(ctx.db, input.ownerType, input.ownerId, input.category);
    if (existing >= category.limits.maxCount) throw tooMany(category, '，请先删除不需要的文件');
  } catch (error) {
    input.source.resume();
    throw error;
  }

  const file = await stageAttachmentFile(ctx, { category, source: input.source });
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockOwner(tx, input.ownerId);
      // The owner may have changed while the bytes streamed in (a draft saved as a project).
      const current = await resolveAttachmentOwner(tx, input.ownerType, input.ownerId, ctx.actor);
      if (!current?.canWrite(ctx.actor)) throw notFound('附件所属记录');
      const count = await countCategoryAttachments(tx, input.ownerType, input.ownerId, input.category);
      if (count >= category.limits.maxCount) throw tooMany(category);
      return insertAttachmentRow(tx, ctx, {
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        agencyId: owner.agencyId,
        category,
        fileName: input.fileName,
        file,
      });
    });
  } catch (error) {
    await releaseStoredFile(ctx, file.sha256);
    throw error;
  }
}

async function writableAttachment(ctx: AuthedContext, id: string) {
  const found = await findAttachment(ctx.db, id);
  if (!found) throw notFound('附件');
  await ownerFor(ctx, found.attachment.ownerType as AttachmentOwnerType, found.attachment.ownerId, true);
  return found;
}

/** The bytes and the name to send, after checking the caller may read the owner. */
export async function openAttachment(ctx: AuthedContext, id: string) {
  const found = await findAttachment(ctx.db, id);
  if (!found) throw notFound('附件');
  await ownerFor(ctx, found.attachment.ownerType as AttachmentOwnerType, found.attachment.ownerId, false);
  const { attachment } = found;
  return {
    stream: ctx.files.open(attachment.sha256),
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    size: attachment.size,
  };
}

export async function renameAttachment(
  ctx: AuthedContext,
  id: string,
  fileName: string,
): Promise<Attachment> {
  const found = await writableAttachment(ctx, id);
  const clean = cleanFileName(fileName);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(attachments)
      .set({ fileName: clean })
      .where(eq(attachments.id, id))
      .returning();
    if (!row) throw notFound('附件');
    await appendAudit(tx, ctx, {
      action: 'attachment.renamed',
      targetType: 'attachment',
      targetId: id,
      agencyId: row.agencyId,
      before: { fileName: found.attachment.fileName },
      after: { fileName: clean },
    });
    return toAttachment(row, found.categoryLabel);
  });
}

/** Removes an attachment from its owner; the row and bytes stay for the record. */
export async function deleteAttachment(ctx: AuthedContext, id: string): Promise<void> {
  const found = await writableAttachment(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.update(attachments).set({ deletedAt: ctx.now() }).where(eq(attachments.id, id));
    await appendAudit(tx, ctx, {
      action: 'attachment.deleted',
      targetType: 'attachment',
      targetId: id,
      agencyId: found.attachment.agencyId,
      before: { fileName: found.attachment.fileName, category: found.attachment.category },
    });
  });
}
