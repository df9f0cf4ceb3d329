import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import Empty from 'antd-mobile/es/components/empty';
import List from 'antd-mobile/es/components/list';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Tag from 'antd-mobile/es/components/tag';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { useSession } from '../../app/session.tsx';
import type { OutboxItem } from './db.ts';
import { requestSync } from './engine.ts';
import { removeOutboxItem } from './outbox.ts';
import { useOutbox, useSyncStatus } from './use-sync.ts';

function StateTag({ item }: { item: OutboxItem }) {
  switch (item.state) {
    case 'waiting':
      return <Tag color="default">等待同步</Tag>;
    case 'sending':
      return (
        <Tag color="primary">{item.kind === 'photo' ? `上传中 ${item.progress ?? 0}%` : '正在同步'}</Tag>
      );
    case 'refused':
      return <Tag color="danger">被拒绝</Tag>;
  }
}

function QueueItem({ item, isOtherAccount }: { item: OutboxItem; isOtherAccount: boolean }) {
  const confirmRemove = async () => {
    const isConfirmed = await Dialog.confirm({
      title: '移除此项？',
      content: `「${item.title}」将从手机上删除，不再同步。`,
      confirmText: '移除',
      cancelText: '取消',
    });
    if (isConfirmed) await removeOutboxItem(item);
  };

  return (
    <List.Item
      data-testid="queue-item"
      title={item.subject}
      description={
        <div className="queue-item-details">
          <div>记录于 {formatDateTime(new Date(item.createdAt))}</div>
          {item.kind === 'photo' && item.state === 'sending' && (
            <ProgressBar percent={item.progress ?? 0} text aria-label="上传进度" />
          )}
          {isOtherAccount && <div>需原账号登录后同步</div>}
          {item.error && (
            <div className={item.state === 'refused' ? 'queue-refusal' : undefined}>
              {item.state === 'refused' ? `原因：${item.error}` : item.error}
            </div>
          )}
        </div>
      }
      extra={
        item.state === 'refused' ? (
          <Button size="mini" color="danger" fill="outline" onClick={() => void confirmRemove()}>
            移除
          </Button>
        ) : null
      }
    >
      <span className="queue-item-title">
        {item.title} <StateTag item={item} />
      </span>
    </List.Item>
  );
}

/** 同步队列: what this phone recorded and the server has not yet accepted, with progress and refusals. */
export function SyncPage() {
  const navigate = useNavigate();
  const items = useOutbox();
  const status = useSyncStatus();
  const { state } = useSession();
  const isOffline = !status.isOnline || (state.status === 'authenticated' && state.isOffline);
  const refusedCount = items.filter((item) => item.state === 'refused').length;

  return (
    <Page title="同步队列" onBack={() => navigate(-1)}>
      <section className="queue-summary" aria-live="polite">
        <div className={isOffline ? 'queue-network offline' : 'queue-network'}>
          {isOffline ? '网络已断开' : '已连接'}
        </div>
        <div className="queue-count">{items.length > 0 ? `待同步 ${items.length} 项` : '全部已同步'}</div>
        {refusedCount > 0 && (
          <div className="queue-refusal">有 {refusedCount} 项被服务器拒绝，请查看原因后移除</div>
        )}
        <div className="muted">
          {isOffline
            ? '记录已保存在手机上，网络恢复后自动同步'
            : status.isSyncing
              ? '正在同步…'
              : '新的记录会立即同步，失败后自动重试'}
        </div>
        <Button
          size="small"
          color="primary"
          fill="outline"
          disabled={!status.canSend || items.length === 0}
          loading={status.isSyncing}
          onClick={requestSync}
        >
          立即同步
        </Button>
      </section>
      {items.length === 0 ? (
        <Empty description="手机上没有待同步的记录" />
      ) : (
        <List mode="card" header="待同步记录（按记录顺序同步）">
          {items.map((item) => (
            <QueueItem
              key={item.id}
              item={item}
              isOtherAccount={status.userId !== null && item.userId !== status.userId}
            />
          ))}
        </List>
      )}
    </Page>
  );
}
