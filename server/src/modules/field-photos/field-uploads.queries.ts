import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { fieldUploads } from './field-photos.tables.ts';

export type FieldUploadRow = typeof fieldUploads.$inferSelect;

export async function findUpload(db: Db, id: string): Promise<FieldUploadRow | null> {
  const [row] = await db.select().from(fieldUploads).where(eq(fieldUploads.id, id));
  return row ?? null;
}

/** Inserts the upload unless its id exists (a retried create); returns the row if it was new. */
export async function insertUpload(
  db: Db,
  values: { id: string; userId: string; size: number; sha256: string; now: Date },
): Promise<FieldUploadRow | null> {
  const [row] = await db
    .insert(fieldUploads)
    .values({ ...values, offset: 0, createdAt: values.now, updatedAt: values.now })
    .onConflictDoNothing({ target: fieldUploads.id })
    .returning();
  return row ?? null;
}

/** Moves the offset from `from` to `to`; false when it was no longer `from` (compare-and-set). */
export async function advanceUploadOffset(
  db: Db,
  input: { id: string; from: number; to: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(fieldUploads)
    .set({ offset: input.to, updatedAt: input.now })
    .where(and(eq(fieldUploads.id, input.id), eq(fieldUploads.offset, input.from)))
    .returning({ id: fieldUploads.id });
  return rows.length > 0;
}

export async function deleteUpload(db: Db, id: string): Promise<void> {
  await db.delete(fieldUploads).where(eq(fieldUploads.id, id));
}

/** Removes the uploads untouched since `olderThan`; returns their ids (for their temp files). */
export async function deleteStaleUploads(db: Db, olderThan: Date): Promise<string[]> {
  const rows = await db
    .delete(fieldUploads)
    .where(lt(fieldUploads.updatedAt, olderThan))
    .returning({ id: fieldUploads.id });
  return rows.map((r) => r.id);
}

/** Which of `ids` (UUIDs) are uploads still in progress. */
export async function findExistingUploadIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: fieldUploads.id })
    .from(fieldUploads)
    .where(inArray(fieldUploads.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}
