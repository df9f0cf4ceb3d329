import type { RectificationRound } from '@eco/contracts';
import { Alert, Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../app/time.ts';
import { FileList } from './FileList.tsx';

function DecisionTag({ decision }: { decision: RectificationRound['decision'] }) {
  if (decision === 'accepted') return <Tag color="green">整改通过</Tag>;
  if (decision === 'rejected') return <Tag color="red">已驳回</Tag>;
  return <Tag color="blue">待审核</Tag>;
}

function timelineColor(decision: RectificationRound['decision']): string {
  if (decision === 'accepted') return 'green';
  if (decision === 'rejected') return 'red';
  return 'blue';
}

function RoundCard({ round }: { round: RectificationRound }) {
  return (
    <Card
      size="small"
      data-testid={`rectification-round-${round.round}`}
      title={`第${round.round}轮整改`}
      extra={<DecisionTag decision={round.decision} />}
    >
      {round.decision === 'rejected' && (
        <Alert
          type="error"
          showIcon
          title={`驳回原因：${round.reason ?? '—'}`}
          style={{ marginBottom: 12 }}
          data-testid="reject-reason"
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="整改情况说明" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {round.description}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="提交人">{round.submittedByName}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatDateTime(round.submittedAt)}</Descriptions.Item>
        {round.decision && (
          <>
            <Descriptions.Item label="审核人">{round.decidedByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="审核时间">{formatDateTime(round.decidedAt)}</Descriptions.Item>
          </>
        )}
        {round.decision === 'accepted' && round.reason && (
          <Descriptions.Item label="审核意见" span={2}>
            {round.reason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text strong>整改佐证材料</Typography.Text>
      <FileList files={round.attachments} emptyText="未附佐证材料" />
    </Card>
  );
}

/** Every round, oldest first: what the agency submitted and what the regulator decided. */
export function RectificationRounds({ rounds }: { rounds: RectificationRound[] }) {
  if (rounds.length === 0) return <Empty description="尚未提交整改" />;
  const ordered = [...rounds].sort((a, b) => a.round - b.round);
  return (
    <Timeline
      items={ordered.map((round) => ({
        key: round.id,
        color: timelineColor(round.decision),
        content: <RoundCard round={round} />,
      }))}
    />
  );
}
