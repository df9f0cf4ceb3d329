import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A file attached to an owner (agency, staff member, project …) under a category from the
 * 附件类型 dictionary. The bytes live in the file store under `sha256`; a row exists only
 * once the bytes are durably written. Deleting keeps the row (deleted_at) for the record.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    agencyId: uuid('agency_id'),
    category: text('category').notNull(),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('attachments_sha_idx').on(t.sha256),
  ],
);
