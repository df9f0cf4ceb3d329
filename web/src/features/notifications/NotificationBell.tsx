import { BellOutlined } from '@ant-design/icons';
import { type Notification, notificationKindLabels } from '@eco/contracts';
import { Badge, Button, Empty, Flex, Popover, Spin, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/time.ts';
import {
  notificationKindColors,
  useMarkAllRead,
  useNotificationPage,
  useOpenNotification,
  useUnreadCount,
} from './api.ts';

const latest = { page: 1, pageSize: 5 };

function LatestItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { token } = theme.useToken();
  const isUnread = !notification.readAt;
  return (
    <button
      type="button"
      onClick={onOpen}
      style={{
        display: 'block',
        width: '100%',
        padding: '10px 12px',
        border: 0,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: isUnread ? token.colorFillAlter : 'transparent',
        textAlign: 'left',
        cursor: 'pointer',
      }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong={isUnread} ellipsis>
          {isUnread && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
          {notification.title}
        </Typography.Text>
        <Tag color={notificationKindColors[notification.kind]} style={{ marginInlineEnd: 0 }}>
          {notificationKindLabels[notification.kind]}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 2px' }}>
        {notification.body}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(notification.createdAt)}
      </Typography.Text>
    </button>
  );
}

/** 消息通知 in the header: the unread count, and on click the latest five with 查看全部. */
export function NotificationBell() {
  const [isOpen, setOpen] = useState(false);
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const page = useNotificationPage(latest, isOpen);
  const markAll = useMarkAllRead();
  const open = useOpenNotification();
  const count = unread.data ?? 0;
  const items = page.data?.items ?? [];

  const content = (
    <div style={{ width: 360 }}>
      <Spin spinning={page.isLoading}>
        {items.length === 0 && !page.isLoading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
        ) : (
          <div style={{ maxHeight: 420, overflowY: 'auto' }}>
            {items.map((n) => (
              <LatestItem
                key={n.id}
                notification={n}
                onOpen={() => {
                  setOpen(false);
                  open(n);
                }}
              />
            ))}
          </div>
        )}
      </Spin>
      <Flex justify="space-between" style={{ paddingTop: 8 }}>
        <Button
          size="small"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          全部已读
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
        >
          查看全部
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={count > 0 ? `消息通知（${count} 条未读）` : '消息通知'}
      content={content}
      open={isOpen}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label={`消息通知，${count} 条未读`}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
