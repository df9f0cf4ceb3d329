import type { ViolationDetail } from '@eco/contracts';
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../app/time.ts';
import { ViolationStateTag } from './ViolationStateTag.tsx';

type Props = {
  violation: ViolationDetail;
  /** The project links to its page (regulators and the agency both may open it). */
  hasProjectLink?: boolean;
};

/** What was asked: the problem, the rule it breaks, the 整改期限, who issued it and when. */
export function ViolationFacts({ violation: v, hasProjectLink = true }: Props) {
  const project = v.projectName ? (
    <span>
      {hasProjectLink && v.projectId ? (
        <Link to={`/projects/${v.projectId}`}>{v.projectName}</Link>
      ) : (
        v.projectName
      )}
      <Typography.Text type="secondary">（{v.projectNo}）</Typography.Text>
    </span>
  ) : (
    <Typography.Text type="secondary">未关联项目</Typography.Text>
  );
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="violation-facts">
      <Descriptions.Item label="监测机构">{v.agencyName}</Descriptions.Item>
      <Descriptions.Item label="关联项目">{project}</Descriptions.Item>
      <Descriptions.Item label="违规问题" span={2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.problem}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label="违反的规定" span={2}>
        {v.rule}
      </Descriptions.Item>
      <Descriptions.Item label="整改期限">
        <Typography.Text type={v.state === 'overdue' ? 'danger' : undefined}>
          {formatDate(v.deadline)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="整改状态">
        <ViolationStateTag state={v.state} />
      </Descriptions.Item>
      <Descriptions.Item label="开具人">{v.issuedByName}</Descriptions.Item>
      <Descriptions.Item label="开具时间">{formatDateTime(v.issuedAt)}</Descriptions.Item>
      <Descriptions.Item label="整改轮次">{v.roundCount}</Descriptions.Item>
      <Descriptions.Item label="整改完成时间">{formatDateTime(v.closedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
