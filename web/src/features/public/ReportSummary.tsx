import type { PublicReport } from '@eco/contracts';
import { Descriptions, type DescriptionsProps, Grid, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/time.ts';
import { usePublicDictLabels } from './api.ts';

export function ReportStatusTag({ report }: { report: PublicReport }) {
  switch (report.status) {
    case 'approved':
      return <Tag color="success">{report.statusLabel}</Tag>;
    case 'submitted':
      return <Tag color="processing">{report.statusLabel}</Tag>;
    default: {
      const unknown: never = report.status;
      return <Tag>{String(unknown)}</Tag>;
    }
  }
}

/** A registered report as the public sees it; `showSha256` for the pages that verify copies. */
export function ReportSummary({
  report,
  showSha256 = false,
}: {
  report: PublicReport;
  showSha256?: boolean;
}) {
  const screens = Grid.useBreakpoint();
  const monitoringTypeLabel = usePublicDictLabels('monitoring_type');
  const items: DescriptionsProps['items'] = [
    { key: 'number', label: '报告编号', children: <strong>{report.reportNumber}</strong> },
    { key: 'type', label: '报告类型', children: report.reportType },
    {
      key: 'agency',
      label: '监测机构',
      children: (
        <Link to={`/public/agencies/${encodeURIComponent(report.agencyId)}`}>{report.agencyName}</Link>
      ),
    },
    { key: 'monitoringType', label: '监测类型', children: monitoringTypeLabel(report.monitoringType) },
    { key: 'region', label: '项目区域', children: report.regionName || report.regionCode },
    { key: 'issuedAt', label: '登记日期', children: formatDate(report.issuedAt) },
    { key: 'status', label: '状态', children: <ReportStatusTag report={report} /> },
  ];
  if (showSha256) {
    items.push({
      key: 'sha256',
      label: 'SHA-256',
      span: 'filled',
      children: (
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {report.sha256}
        </Typography.Text>
      ),
    });
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={screens.md ? 2 : 1}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}
