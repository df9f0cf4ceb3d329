import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.tables.ts';

/** 监测人员: an agency's staff record. ID number and mobile are encrypted; *_hash finds them. */
export const personnel = pgTable(
  'personnel',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    /** First and last characters kept for display without decrypting. */
    idNumberMasked: text('id_number_masked').notNull(),
    mobileEnc: text('mobile_enc').notNull(),
    mobileHash: text('mobile_hash').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    title: text('title').notNull(),
    posts: jsonb('posts').$type<string[]>().notNull().default([]),
    education: text('education').notNull(),
    status: text('status').notNull().default('draft'),
    /** Changes to an approved record wait here for review; the approved values stay in force. */
    pendingChanges: jsonb('pending_changes').$type<Record<string, unknown> | null>(),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('personnel_agency_idx').on(t.agencyId),
    uniqueIndex('personnel_agency_id_number_uq')
      .on(t.agencyId, t.idNumberHash)
      .where(sql`${t.deletedAt} is null`),
  ],
);
