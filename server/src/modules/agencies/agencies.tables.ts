import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A monitoring agency (第三方监测机构). Profile fields grow with the 机构信息 feature. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull().default('draft'),
    legalRepresentative: text('legal_representative'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    email: text('email'),
    registeredAddress: text('registered_address'),
    officeAddress: text('office_address'),
    industryCategories: jsonb('industry_categories').$type<string[]>().notNull().default([]),
    cmaNumber: text('cma_number'),
    cmaValidFrom: text('cma_valid_from'),
    cmaValidTo: text('cma_valid_to'),
    qualificationScope: text('qualification_scope'),
    introduction: text('introduction'),
    /** When the version in force was approved; null until the first approval. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_credit_code_uq').on(t.creditCode),
    index('agencies_region_idx').on(t.regionCode),
  ],
);
