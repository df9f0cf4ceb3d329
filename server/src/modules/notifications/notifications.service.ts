import type { Notification, NotificationKind, Page } from '@eco/contracts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import {
  countUnreadOf,
  listNotificationsOf,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
} from './notifications.queries.ts';
import { findAgencyUserIds, notifyUsers } from './notify.ts';

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The caller's own messages, newest first, with the unread count the bell shows. */
export async function listMyNotifications(
  ctx: AuthedContext,
  query: { page: number; pageSize: number; isUnread?: boolean | undefined },
): Promise<Page<Notification> & { unread: number }> {
  const userId = ctx.actor.userId;
  const [{ items, total }, unread] = await Promise.all([
    listNotificationsOf(ctx.db, { userId, ...query }),
    countUnreadOf(ctx.db, userId),
  ]);
  return { items: items.map(toNotification), total, page: query.page, pageSize: query.pageSize, unread };
}

/** How many of the caller's messages are unread. */
export async function countMyUnread(ctx: AuthedContext): Promise<number> {
  return countUnreadOf(ctx.db, ctx.actor.userId);
}

/** 标为已读: one of the caller's messages; another user's message is as good as absent (404). */
export async function readNotification(ctx: AuthedContext, id: string): Promise<void> {
  const isMine = await markNotificationRead(ctx.db, { userId: ctx.actor.userId, id, at: ctx.now() });
  if (!isMine) throw notFound('消息');
}

/** 全部已读: every unread message of the caller. */
export async function readAllNotifications(ctx: AuthedContext): Promise<void> {
  await markAllNotificationsRead(ctx.db, ctx.actor.userId, ctx.now());
}

const reviewedSubjects = {
  agency_reviewed: '机构信息',
  personnel_reviewed: '监测人员',
  project_reviewed: '项目',
} as const;

/** A regulator's decision on something the agency submitted. */
export type ReviewDecisionMessage = {
  kind: keyof typeof reviewedSubjects;
  agencyId: string;
  /** What was reviewed, as the agency knows it (机构名称, 人员姓名, 项目名称). */
  name: string;
  action: 'approve' | 'return';
  reason: string | null;
  link: string;
  targetType: string;
  targetId: string;
};

/**
 * Tells the agency's web accounts the result of a review (with the reason of a return), inside
 * the decision's transaction. The decision time names the event: each decision is sent once.
 */
export async function notifyReviewDecision(db: Db, message: ReviewDecisionMessage, at: Date): Promise<void> {
  const subject = reviewedSubjects[message.kind];
  const isApproved = message.action === 'approve';
  await notifyUsers(
    db,
    await findAgencyUserIds(db, message.agencyId),
    {
      kind: message.kind,
      title: isApproved ? `${subject}审核通过` : `${subject}被退回`,
      body: isApproved
        ? `${subject}「${message.name}」已审核通过。`
        : `${subject}「${message.name}」被退回，退回原因：${message.reason ?? '未填写'}。请修改后重新提交。`,
      link: message.link,
      targetType: message.targetType,
      targetId: message.targetId,
      dedupeKey: `${message.targetType}:${message.targetId}:review:${at.getTime()}`,
    },
    at,
  );
}
