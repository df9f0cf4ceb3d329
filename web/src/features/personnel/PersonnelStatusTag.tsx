import { type PersonnelStatus, personnelStatusLabels } from '@eco/contracts';
import { Space, Tag, Tooltip } from 'antd';

const statusColors: Record<PersonnelStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

/** 审核状态; a change to approved values is marked as such, since the old values still hold. */
export function PersonnelStatusTag({
  status,
  hasPendingChange,
  returnReason,
}: {
  status: PersonnelStatus;
  hasPendingChange: boolean;
  returnReason: string | null;
}) {
  const tag = <Tag color={statusColors[status]}>{personnelStatusLabels[status]}</Tag>;
  return (
    <Space size={0}>
      {returnReason ? <Tooltip title={`退回原因：${returnReason}`}>{tag}</Tooltip> : tag}
      {hasPendingChange && <Tag color="warning">变更</Tag>}
    </Space>
  );
}
