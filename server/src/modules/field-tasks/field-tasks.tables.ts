import { sql } from 'drizzle-orm';
import { doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { personnel } from '../personnel/personnel.tables.ts';
import { projectItems, projects } from '../projects/projects.tables.ts';

/**
 * 监测任务: the field work at one 监测点位 of a project, created by a sampler on the phone. `id`
 * is made on the phone, so a task created offline and sent twice is one task.
 */
export const fieldTasks = pgTable(
  'field_tasks',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => projectItems.id),
    agencyId: uuid('agency_id').notNull(),
    status: text('status').notNull().default('created'),
    remark: text('remark'),
    createdByPersonnelId: uuid('created_by_personnel_id')
      .notNull()
      .references(() => personnel.id),
    createdBy: uuid('created_by').notNull(),
    /** Trusted (server-clock) times, computed from the phone's clock report. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('field_tasks_project_idx').on(t.projectId, t.createdAt),
    index('field_tasks_agency_idx').on(t.agencyId, t.status),
  ],
);

/**
 * Every transition of a task (and its creation), keyed by the action id made on the phone:
 * a retried action finds its own row and is not applied again.
 */
export const fieldTaskEvents = pgTable(
  'field_task_events',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => fieldTasks.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    personnelId: uuid('personnel_id').notNull(),
    userId: uuid('user_id').notNull(),
    deviceTime: timestamp('device_time', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('field_task_events_task_idx').on(t.taskId, t.at)],
);

/** 监测航迹: positions recorded by the phone while a task runs (WGS-84); ids made on the phone. */
export const fieldTrackPoints = pgTable(
  'field_track_points',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => fieldTasks.id),
    personnelId: uuid('personnel_id').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    accuracy: doublePrecision('accuracy').notNull(),
    deviceTime: timestamp('device_time', { withTimezone: true }).notNull(),
    /** The trusted time: the phone's time corrected by the clock offset it reported. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('field_track_points_task_idx').on(t.taskId, t.recordedAt)],
);
