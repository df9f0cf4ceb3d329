import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every 预览 of a report on the public portal: who (masked number and its keyed hash), what, when, from where. */
export const reportViews = pgTable(
  'report_views',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id').notNull(),
    projectId: uuid('project_id').notNull(),
    mobileHash: text('mobile_hash').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_views_report_idx').on(t.reportId, t.viewedAt)],
);

/**
 * Public look-ups by IP and outcome, kept a day: repeated misses from one address call for a
 * captcha, and every server process counts the same rows.
 */
export const publicLookups = pgTable(
  'public_lookups',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ip: text('ip').notNull(),
    kind: text('kind').notNull(),
    found: boolean('found').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_lookups_ip_at_idx').on(t.ip, t.at)],
);

/** A captcha handed out to the portal: only a keyed hash of the answer is kept; one use, short life. */
export const captchaChallenges = pgTable('captcha_challenges', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
