import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** What a message is about; each has its own wording and link. */
export const notificationKinds = [
  'agency_reviewed',
  'personnel_reviewed',
  'project_reviewed',
  'violation_issued',
  'rectification_submitted',
  'rectification_decided',
  'deadline_soon',
  'deadline_passed',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  agency_reviewed: '机构审核结果',
  personnel_reviewed: '人员审核结果',
  project_reviewed: '项目审核结果',
  violation_issued: '违规通知',
  rectification_submitted: '整改待审核',
  rectification_decided: '整改审核结果',
  deadline_soon: '整改期限临近',
  deadline_passed: '整改已逾期',
};

/** Days before the 整改期限 when the agency is reminded. */
export const deadlineReminderDays = 3;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  /** Where the web app opens it (a path of the web app); null when there is nothing to open. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = pageQuerySchema.extend({
  isUnread: z.stringbool().optional(),
});
export const notificationPageSchema = pageSchema(notificationSchema).extend({ unread: z.number().int() });
export const unreadCountSchema = z.object({ unread: z.number().int() });
