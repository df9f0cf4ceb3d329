import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';

/**
 * 项目登记: one monitoring job of an agency. `id` is made by the browser when the form opens.
 * `city_code` (the 市州 prefix of the region) lets the 查询统计 filters use plain equality.
 * A deleted project keeps its row (deleted_at) so its audit history still points somewhere.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Readable and unique: region code, year and a per-region sequence, e.g. 510104-2026-000123. */
    projectNo: text('project_no').notNull(),
    name: text('name').notNull(),
    /**
     * The name's character pairs, lower-cased: 攀枝花钢城 → {攀枝, 花钢, 城, 枝花, 钢城} (two passes, from
     * the first and from the second character; a leftover single character does no harm). pg_trgm
     * has no trigram for a 1–2 character pattern and scans, yet 化工 and 钢铁 are the commonest
     * searches: for a two-character term, `name_bigrams @> array[lower(term)]` means exactly
     * `name ILIKE '%term%'` and is answered by projects_name_bigrams_idx. Stored rather than an
     * expression index, so ANALYZE knows how common each pair is and a scan need not run regexes.
     */
    nameBigrams: text('name_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`array_remove(string_to_array(regexp_replace(lower(name), '(..)', '\\1 ', 'g') || ' ' || regexp_replace(substr(lower(name), 2), '(..)', '\\1 ', 'g'), ' '), '')`,
      ),
    monitoringType: text('monitoring_type').notNull(),
    monitoringNature: text('monitoring_nature').notNull(),
    regionCode: text('region_code').notNull(),
    cityCode: text('city_code').notNull().generatedAlwaysAs(sql`left(region_code, 4)`),
    address: text('address').notNull(),
    /** WGS-84, as GPS gives it. */
    longitude: doublePrecision('longitude').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    description: text('description'),
    entrustCategory: text('entrust_category').notNull(),
    clientName: text('client_name').notNull(),
    clientCreditCode: text('client_credit_code').notNull(),
    clientContact: text('client_contact').notNull(),
    clientPhone: text('client_phone').notNull(),
    clientEmail: text('client_email').notNull(),
    clientAddress: text('client_address').notNull(),
    isSubcontracted: boolean('is_subcontracted').notNull(),
    subcontractorName: text('subcontractor_name'),
    contractNumber: text('contract_number').notNull(),
    contractAmount: numeric('contract_amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }).notNull(),
    trainingDate: date('training_date', { mode: 'string' }).notNull(),
    trainingContent: text('training_content').notNull(),
    trainingParticipants: text('training_participants').notNull(),
    status: text('status').notNull().default('in_progress'),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('projects_project_no_uq').on(t.projectNo),
    index('projects_agency_created_idx')
      .on(t.agencyId, t.createdAt.desc(), t.id)
      .where(sql`${t.deletedAt} is null`),
    // A 市州 regulator's list: its newest projects without reading the rest of the province.
    index('projects_city_created_idx')
      .on(t.cityCode, t.createdAt.desc(), t.id)
      .where(sql`${t.deletedAt} is null`),
    index('projects_city_status_created_idx')
      .on(t.cityCode, t.status, t.createdAt.desc(), t.id)
      .where(sql`${t.deletedAt} is null`),
    index('projects_region_created_idx')
      .on(t.regionCode, t.createdAt.desc(), t.id)
      .where(sql`${t.deletedAt} is null`),
    index('projects_status_created_idx')
      .on(t.status, t.createdAt.desc(), t.id)
      .where(sql`${t.deletedAt} is null`),
    index('projects_created_idx').on(t.createdAt.desc(), t.id).where(sql`${t.deletedAt} is null`),
    index('projects_name_trgm_idx')
      .using('gin', t.name.op('gin_trgm_ops'))
      .where(sql`${t.deletedAt} is null`),
    index('projects_name_bigrams_idx').using('gin', t.nameBigrams).where(sql`${t.deletedAt} is null`),
    // The regulator overview's count by 监测类型 within a 市州 (or the province).
    index('projects_city_type_idx').on(t.cityCode, t.monitoringType).where(sql`${t.deletedAt} is null`),
  ],
);

/** The last sequence number handed out per region and year, for project numbers. */
export const projectSequences = pgTable(
  'project_sequences',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    last: bigint('last', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/** 监测信息: one point or sample of a project. */
export const projectItems = pgTable(
  'project_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    position: integer('position').notNull(),
    pointName: text('point_name').notNull(),
    medium: text('medium').notNull(),
    factors: text('factors').notNull(),
    frequency: text('frequency').notNull(),
    sampleCount: integer('sample_count').notNull(),
  },
  (t) => [index('project_items_project_idx').on(t.projectId, t.position)],
);

/**
 * Who works on an item, and as what (sampler, courier, analyst). The field app finds a
 * person's projects here; deleting a staff member is refused while an open project names them.
 */
export const projectAssignments = pgTable(
  'project_assignments',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => projectItems.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    personnelId: uuid('personnel_id')
      .notNull()
      .references(() => personnel.id),
    post: text('post').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.personnelId, t.post] }),
    index('project_assignments_personnel_idx').on(t.personnelId, t.projectId),
    index('project_assignments_project_idx').on(t.projectId),
  ],
);

/**
 * A report registered for a project (危废鉴别方案, 危废鉴别报告 …). The file is an attachment
 * (owner type `report`, owner the project); the number is unique across the platform while the
 * report exists, since the public portal looks reports up by it. Removing a report before
 * submission deletes this row, which frees the number; the audit log keeps the history.
 */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    agencyId: uuid('agency_id').notNull(),
    category: text('category').notNull(),
    reportNumber: text('report_number').notNull(),
    attachmentId: uuid('attachment_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_reports_number_uq').on(t.reportNumber),
    uniqueIndex('project_reports_project_category_uq').on(t.projectId, t.category),
    uniqueIndex('project_reports_attachment_uq').on(t.attachmentId),
  ],
);
