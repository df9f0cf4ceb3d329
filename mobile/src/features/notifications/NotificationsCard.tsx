import type { Notification } from '@eco/contracts';
import Badge from 'antd-mobile/es/components/badge';
import Button from 'antd-mobile/es/components/button';
import Card from 'antd-mobile/es/components/card';
import List from 'antd-mobile/es/components/list';
import Toast from 'antd-mobile/es/components/toast';
import { BellOutline } from 'antd-mobile-icons';
import { type CSSProperties, useEffect, useState } from 'react';
import { describeError } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useResource } from '../../app/use-resource.ts';
import { fetchLatestNotifications, markAllNotificationsRead, markNotificationRead } from './api.ts';

const listStyle = {
  '--border-top': 'none',
  '--border-bottom': 'none',
  '--padding-left': '0',
  '--padding-right': '0',
} as CSSProperties;

function NotificationItem({ notification, onTap }: { notification: Notification; onTap: () => void }) {
  const isUnread = !notification.readAt;
  return (
    <List.Item
      arrow={false}
      onClick={onTap}
      data-testid="notification-item"
      description={
        <>
          <div style={{ lineHeight: 1.5 }}>{notification.body}</div>
          <div style={{ marginTop: 2, fontSize: 12 }}>{formatDateTime(new Date(notification.createdAt))}</div>
        </>
      }
    >
      <span style={{ fontWeight: isUnread ? 600 : 400 }}>
        {isUnread && <Badge content={Badge.dot} style={{ marginRight: 6 }} />}
        {notification.title}
      </span>
    </List.Item>
  );
}

/** 消息通知 on the 首页: the unread count and the latest five; tapping a message marks it read. */
export function NotificationsCard() {
  const latest = useResource(fetchLatestNotifications);
  const [isBusy, setBusy] = useState(false);
  const { reload } = latest;
  const unread = latest.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  // Back from another app or tab: show what arrived meanwhile.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const settle = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      reload();
    } catch (error) {
      Toast.show({ content: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      style={{ margin: 12 }}
      title={
        <span className="card-title">
          <BellOutline /> 消息通知
          {unread > 0 && <Badge content={unread > 99 ? '99+' : String(unread)} data-testid="unread-count" />}
        </span>
      }
      extra={
        unread > 0 && (
          <Button
            size="mini"
            fill="none"
            color="primary"
            disabled={isBusy}
            onClick={() => settle(markAllNotificationsRead)}
          >
            全部已读
          </Button>
        )
      }
    >
      {latest.status === 'failed' && items.length === 0 && <div className="muted">{latest.message}</div>}
      {latest.status !== 'failed' && latest.data && items.length === 0 && (
        <div className="muted">暂无消息</div>
      )}
      {items.length > 0 && (
        <List style={listStyle}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onTap={() => {
                if (!n.readAt && !isBusy) void settle(() => markNotificationRead(n.id));
              }}
            />
          ))}
        </List>
      )}
    </Card>
  );
}
