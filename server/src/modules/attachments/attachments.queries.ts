import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { dictItems } from '../dicts/dicts.tables.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export function listOwnerAttachments(db: Db, ownerType: string, ownerId: string) {
  return db
    .select({ attachment: attachments, categoryLabel: dictItems.label })
    .from(attachments)
    .leftJoin(dictItems, and(eq(dictItems.type, 'attachment_type'), eq(dictItems.code, attachments.category)))
    .where(
      and(
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.uploadedAt));
}

export async function countCategoryAttachments(db: Db, ownerType: string, ownerId: string, category: string) {
  const [row] = await db
    .select({ n: count() })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
        eq(attachments.category, category),
        isNull(attachments.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

export async function findAttachment(db: Db, id: string) {
  const [row] = await db
    .select({ attachment: attachments, categoryLabel: dictItems.label })
    .from(attachments)
    .leftJoin(dictItems, and(eq(dictItems.type, 'attachment_type'), eq(dictItems.code, attachments.category)))
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .limit(1);
  return row;
}

/** Serialises uploads to one owner, so two parallel uploads cannot both pass the count limit. */
export async function lockOwner(db: Db, ownerId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${ownerId}))`);
}
