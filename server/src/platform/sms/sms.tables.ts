import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every text message the platform sends, whatever the gateway; the local gateway only records here. */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mobileHash: text('mobile_hash').notNull(),
    mobileEnc: text('mobile_enc').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    purpose: text('purpose').notNull(),
    body: text('body').notNull(),
    gateway: text('gateway').notNull(),
    status: text('status').notNull().default('queued'),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_outbox_mobile_idx').on(t.mobileHash, t.createdAt)],
);

/** One-time verification codes, stored hashed: 6 digits, 5 minutes, 5 tries. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mobileHash: text('mobile_hash').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    index('sms_codes_mobile_idx').on(t.mobileHash, t.purpose, t.createdAt),
    index('sms_codes_ip_idx').on(t.ip, t.createdAt),
  ],
);
