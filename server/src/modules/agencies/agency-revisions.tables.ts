import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.tables.ts';

/**
 * A proposed version of an agency's profile. The agency row holds the version in force; an edit
 * lives here (草稿 → 待审核 → 审核通过 | 退回) and is copied onto the agency only when approved.
 */
export const agencyRevisions = pgTable(
  'agency_revisions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').notNull().default('draft'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
  },
  (t) => [
    index('agency_revisions_agency_idx').on(t.agencyId),
    index('agency_revisions_status_idx').on(t.status, t.submittedAt),
  ],
);
