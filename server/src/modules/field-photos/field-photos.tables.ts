import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fieldTasks } from '../field-tasks/field-tasks.tables.ts';

/**
 * A photo of a task. `id` is made on the phone (the same photo sent three times is one row).
 * The original (EXIF kept) and its derived copies (thumbnail, watermarked; no EXIF) are in the
 * file store by SHA-256; the row is written only after all three are stored.
 */
export const fieldPhotos = pgTable(
  'field_photos',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => fieldTasks.id),
    projectId: uuid('project_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    photoType: text('photo_type').notNull(),
    stage: text('stage').notNull(),
    remark: text('remark'),
    personnelId: uuid('personnel_id').notNull(),
    userId: uuid('user_id').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    thumbnailSha256: text('thumbnail_sha256').notNull(),
    watermarkedSha256: text('watermarked_sha256').notNull(),
    /** What the phone's clock said, and the trusted capture time computed from the anchor. */
    deviceTime: timestamp('device_time', { withTimezone: true }).notNull(),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracy: doublePrecision('accuracy'),
    positionError: text('position_error'),
    distanceM: doublePrecision('distance_m'),
    exifTime: timestamp('exif_time', { withTimezone: true }),
    exifLatitude: doublePrecision('exif_latitude'),
    exifLongitude: doublePrecision('exif_longitude'),
    flags: text('flags').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('field_photos_task_idx').on(t.taskId, t.capturedAt),
    index('field_photos_project_idx').on(t.projectId),
    // "Is this stored file still used?" before removing it from the shared store.
    index('field_photos_sha_idx').on(t.sha256),
    index('field_photos_thumbnail_sha_idx').on(t.thumbnailSha256),
    index('field_photos_watermarked_sha_idx').on(t.watermarkedSha256),
    // 照片需核查: the few flagged photos, without reading the rest.
    index('field_photos_flagged_idx').on(t.projectId).where(sql`cardinality(${t.flags}) > 0`),
  ],
);

/**
 * A chunked photo upload in progress (id = the photo's id). The bytes so far are in a temporary
 * file named by the id; `offset` is how many are durably written. Abandoned uploads are swept.
 */
export const fieldUploads = pgTable('field_uploads', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  offset: bigint('offset', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
