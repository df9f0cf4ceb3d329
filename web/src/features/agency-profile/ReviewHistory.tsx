import type { ReviewRecord } from '@eco/contracts';
import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../app/time.ts';

const colors: Record<string, string> = { submit: 'blue', approve: 'green', return: 'red' };

/** 审核记录, newest first: who submitted, approved or returned, when, and why. */
export function ReviewHistory({ records }: { records: ReviewRecord[] }) {
  if (records.length === 0) return <Empty description="暂无审核记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={records.map((r) => ({
        key: r.id,
        color: colors[r.action] ?? 'gray',
        content: (
          <div data-testid="review-record">
            <Typography.Text strong>{r.actionLabel}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {r.actorName ?? '—'} · {formatDateTime(r.at)}
            </Typography.Text>
            {r.reason && <div>退回原因：{r.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
