import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { attachments, fieldPhotos } from '../db/schema.ts';

/**
 * Whether any row still points at a stored file: an attachment, or a field photo's original or
 * derived copy. The store is content-addressed and shared, so a file is removed only when this
 * says no; every table that keeps a SHA-256 of the store belongs here.
 */
export async function isStoredFileReferenced(db: Db, sha256: string): Promise<boolean> {
  const byAttachment = db.select({ one: sql`1` }).from(attachments).where(eq(attachments.sha256, sha256));
  const byPhoto = db
    .select({ one: sql`1` })
    .from(fieldPhotos)
    .where(
      or(
        eq(fieldPhotos.sha256, sha256),
        eq(fieldPhotos.thumbnailSha256, sha256),
        eq(fieldPhotos.watermarkedSha256, sha256),
      ),
    );
  const [row] = await db
    .select({ isReferenced: sql<boolean>`exists (${byAttachment}) or exists (${byPhoto})` })
    .from(sql`(select 1) as one`);
  return row?.isReferenced === true;
}
