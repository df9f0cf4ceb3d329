import type { ReviewRecord } from '@eco/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reviewRecords } from './reviews.tables.ts';

export type ReviewRecordRow = typeof reviewRecords.$inferSelect;
export type NewReviewRecord = typeof reviewRecords.$inferInsert;

const actionLabels: Record<string, string> = {
  submit: '提交审核',
  approve: '审核通过',
  return: '退回',
};

export async function insertReviewRecord(db: Db, values: NewReviewRecord): Promise<void> {
  await db.insert(reviewRecords).values(values);
}

/** The history of one kind of target within an agency (or of one target), newest first. */
export function listReviewRecords(
  db: Db,
  filter: { targetType: string; agencyId: string; targetId?: string },
): Promise<ReviewRecordRow[]> {
  const conditions = [
    eq(reviewRecords.targetType, filter.targetType),
    eq(reviewRecords.agencyId, filter.agencyId),
  ];
  if (filter.targetId) conditions.push(eq(reviewRecords.targetId, filter.targetId));
  return db
    .select()
    .from(reviewRecords)
    .where(and(...conditions))
    .orderBy(desc(reviewRecords.at), desc(reviewRecords.id));
}

export function toReviewRecord(row: ReviewRecordRow): ReviewRecord {
  return {
    id: row.id,
    action: row.action,
    actionLabel: actionLabels[row.action] ?? row.action,
    reason: row.reason,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}
