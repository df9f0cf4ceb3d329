import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';

/** A login account of any role. Agency roles carry the agency; regulators their region. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    personnelId: uuid('personnel_id').references(() => personnel.id),
    regionCode: text('region_code'),
    /** internal (created by the platform), legal_person (法人注册), personal (个人注册), mobile (账号分配). */
    kind: text('kind').notNull().default('internal'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    mobileMasked: text('mobile_masked'),
    /** The provincial SSO subject this account is linked to. */
    oidcSubject: text('oidc_subject'),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_agency_idx').on(t.agencyId),
    index('users_id_number_idx').on(t.idNumberHash),
    index('users_mobile_idx').on(t.mobileHash),
    uniqueIndex('users_oidc_subject_uq').on(t.oidcSubject),
  ],
);
