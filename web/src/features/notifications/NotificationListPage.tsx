import { type Notification, notificationKindLabels } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/time.ts';
import {
  fetchNotifications,
  type NotificationSearch,
  notificationKeys,
  notificationKindColors,
  useMarkAllRead,
  useMarkRead,
  useOpenNotification,
} from './api.ts';

type Filter = 'all' | 'unread';

/** 消息通知: every message of the signed-in user, newest first; opening one marks it read. */
export function NotificationListPage() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const search: NotificationSearch = filter === 'unread' ? { ...paging, isUnread: true } : paging;
  const result = useQuery({
    queryKey: notificationKeys.page(search),
    queryFn: () => fetchNotifications(search),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const open = useOpenNotification();
  const unread = result.data?.unread ?? 0;

  const columns: TableColumnsType<Notification> = [
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      render: (_v, n) => <Tag color={notificationKindColors[n.kind]}>{notificationKindLabels[n.kind]}</Tag>,
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 220,
      render: (title: string, n) => (
        <Space size={6}>
          {!n.readAt && <Badge status="processing" />}
          <Typography.Text strong={!n.readAt}>{title}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '内容',
      dataIndex: 'body',
      render: (body: string, n) => (
        <Typography.Text type={n.readAt ? 'secondary' : undefined}>{body}</Typography.Text>
      ),
    },
    {
      title: '时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_v, n) =>
        n.readAt ? (
          <Typography.Text type="secondary">已读</Typography.Text>
        ) : (
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            onClick={(event) => {
              event.stopPropagation();
              markRead.mutate(n.id, { onError: (error) => message.error(errorMessage(error)) });
            }}
          >
            标为已读
          </Button>
        ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          消息通知
          <Badge count={unread} overflowCount={999} />
        </Space>
      }
      extra={
        <Space>
          <Segmented<Filter>
            value={filter}
            options={[
              { label: '全部', value: 'all' },
              { label: '未读', value: 'unread' },
            ]}
            onChange={(value) => {
              setFilter(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          <Button
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => message.success('已全部标为已读'),
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            全部已读
          </Button>
        </Space>
      }
    >
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Notification>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isLoading || (result.isFetching && result.isPlaceholderData)}
        locale={{ emptyText: filter === 'unread' ? '没有未读消息' : '暂无消息' }}
        onRow={(n) => ({ onClick: () => open(n), style: { cursor: n.link ? 'pointer' : 'default' } })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}
