import type { Notification, NotificationKind, Page } from '@eco/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';

export type NotificationPage = Page<Notification> & { unread: number };
export type NotificationSearch = { page: number; pageSize: number; isUnread?: boolean };

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  page: (search: NotificationSearch) => ['notifications', 'page', search] as const,
};

/** How often the header bell asks for the unread count. */
const pollMs = 60_000;

export function fetchNotifications(search: NotificationSearch): Promise<NotificationPage> {
  return api.get<NotificationPage>('/api/v1/notifications', search);
}

/** The bell's count: polled every minute while the tab is visible, and again when it regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await api.get<{ unread: number }>('/api/v1/notifications/unread-count')).unread,
    refetchInterval: pollMs,
    refetchOnWindowFocus: true,
  });
}

/** One page of the caller's messages, newest first; `isEnabled` false keeps it idle (a closed popover). */
export function useNotificationPage(search: NotificationSearch, isEnabled = true) {
  return useQuery({
    queryKey: notificationKeys.page(search),
    queryFn: () => fetchNotifications(search),
    enabled: isEnabled,
    refetchOnWindowFocus: true,
  });
}

/** 标为已读 of one message; every notification view (bell, list) refreshes after it. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/v1/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** 全部已读. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Opening a message marks it read (when unread) and goes to the page it is about, if any. */
export function useOpenNotification(): (notification: Notification) => void {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return (notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    if (notification.link) navigate(notification.link);
  };
}

/** The Tag colour of each kind: review results blue, violations red, deadlines warm. */
export const notificationKindColors: Record<NotificationKind, string> = {
  agency_reviewed: 'blue',
  personnel_reviewed: 'blue',
  project_reviewed: 'blue',
  violation_issued: 'red',
  rectification_submitted: 'purple',
  rectification_decided: 'cyan',
  deadline_soon: 'gold',
  deadline_passed: 'volcano',
};
