import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The review history of anything a regulator reviews (agency profile revisions, staff records):
 * who submitted or decided what, when, with the reason, and the data as it was reviewed.
 */
export const reviewRecords = pgTable(
  'review_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown> | null>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('review_records_target_idx').on(t.targetType, t.targetId),
    index('review_records_agency_idx').on(t.agencyId),
  ],
);
