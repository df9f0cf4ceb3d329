import type { Notification } from '@eco/contracts';
import { getJson, postAction } from '../../app/api.ts';

/** What the 首页 card shows: the latest messages and how many are unread. */
export type LatestNotifications = { items: Notification[]; total: number; unread: number };

/** How many messages the 首页 shows. */
export const latestCount = 5;

export function fetchLatestNotifications(): Promise<LatestNotifications> {
  return getJson<LatestNotifications>(`/api/v1/notifications?page=1&pageSize=${latestCount}`);
}

export function markNotificationRead(id: string): Promise<void> {
  return postAction(`/api/v1/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<void> {
  return postAction('/api/v1/notifications/read-all');
}
