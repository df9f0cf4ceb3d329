import { type ProjectStatus, projectStatusLabels } from '@eco/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';

const statusColors: Record<ProjectStatus, string> = {
  in_progress: 'processing',
  submitted: 'cyan',
  returned: 'error',
  approved: 'success',
};

type Props = {
  status: ProjectStatus;
  /** Shown beside a 退回 tag (and in its tooltip) so the reason is read without opening the project. */
  returnReason?: string | null;
};

/** 监测状态: 未完成 · 已完成 · 退回 · 审核通过. */
export function ProjectStatusTag({ status, returnReason }: Props) {
  const tag = <Tag color={statusColors[status]}>{projectStatusLabels[status]}</Tag>;
  if (status !== 'returned' || !returnReason) return tag;
  return (
    <Space orientation="vertical" size={2} style={{ maxWidth: '100%' }}>
      <Tooltip title={`退回原因：${returnReason}`}>{tag}</Tooltip>
      <Typography.Text type="danger" ellipsis={{ tooltip: returnReason }} style={{ maxWidth: 100 }}>
        退回原因：{returnReason}
      </Typography.Text>
    </Space>
  );
}
