import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.tables.ts';
import { projects } from '../projects/projects.tables.ts';

/**
 * 违规: issued by a regulator against an agency and, where it applies, one of its projects.
 * `region_code` is where it belongs for regulator scoping: the project's site, else the agency's.
 */
export const violations = pgTable(
  'violations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    projectId: uuid('project_id').references(() => projects.id),
    regionCode: text('region_code').notNull(),
    cityCode: text('city_code').notNull().generatedAlwaysAs(sql`left(region_code, 4)`),
    problem: text('problem').notNull(),
    rule: text('rule').notNull(),
    /** 整改期限: the last day (inclusive, Asia/Shanghai). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pending'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('violations_agency_idx').on(t.agencyId, t.issuedAt.desc()),
    index('violations_city_idx').on(t.cityCode, t.status, t.issuedAt.desc()),
    index('violations_status_deadline_idx').on(t.status, t.deadline),
  ],
);

/** 整改记录: one round of rectification and the regulator's decision on it. */
export const violationRounds = pgTable(
  'violation_rounds',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    violationId: uuid('violation_id')
      .notNull()
      .references(() => violations.id),
    round: integer('round').notNull(),
    description: text('description').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** accepted | rejected; null while awaiting the regulator. */
    decision: text('decision'),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('violation_rounds_violation_idx').on(t.violationId, t.round)],
);

/** The evidence files (attachments, owner type rectification) a round was submitted with. */
export const violationRoundFiles = pgTable(
  'violation_round_files',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => violationRounds.id),
    attachmentId: uuid('attachment_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.attachmentId] })],
);
