import { type AgencyStatus, agencyStatusLabels } from '@eco/contracts';
import { Tag } from 'antd';

const statusColors: Record<AgencyStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

function isAgencyStatus(value: string): value is AgencyStatus {
  return value in agencyStatusLabels;
}

export function AgencyStatusTag({ status }: { status: string }) {
  if (!isAgencyStatus(status)) return <Tag>{status}</Tag>;
  return <Tag color={statusColors[status]}>{agencyStatusLabels[status]}</Tag>;
}
