import { type Role, roleLabels } from '@eco/contracts';
import { Table, type TableColumnsType, Typography } from 'antd';
import { formatDateTime } from '../../app/time.ts';
import type { AuditRecord } from './api.ts';
import { auditFieldLabels, statusText } from './labels.ts';

type ChangeRow = { key: string; field: string; before: string; after: string; isChanged: boolean };

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** One recorded value as a person reads it: statuses named, times in Beijing time, yes/no. */
function formatValue(targetType: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (key === 'status' || key.endsWith('Status')) return statusText(targetType, value);
    if (key === 'role' && value in roleLabels) return `${roleLabels[value as Role]}（${value}）`;
    if (isoInstant.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function rowsOf(record: AuditRecord): ChangeRow[] {
  const before = record.before ?? {};
  const after = record.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => {
    const b = formatValue(record.targetType, key, before[key]);
    const a = formatValue(record.targetType, key, after[key]);
    return { key, field: auditFieldLabels[key] ?? key, before: b, after: a, isChanged: b !== a };
  });
}

const changedCell = { style: { background: '#fffbe6' } };

const columns: TableColumnsType<ChangeRow> = [
  {
    title: '字段',
    dataIndex: 'field',
    width: 160,
    render: (field: string, row) => (
      <Typography.Text title={row.key} type={row.isChanged ? undefined : 'secondary'}>
        {field}
      </Typography.Text>
    ),
  },
  { title: '变更前', dataIndex: 'before', onCell: (row) => (row.isChanged ? changedCell : {}) },
  { title: '变更后', dataIndex: 'after', onCell: (row) => (row.isChanged ? changedCell : {}) },
];

/** The record's before and after, field by field; changed fields are highlighted. */
export function AuditChanges({ record }: { record: AuditRecord }) {
  const rows = rowsOf(record);
  if (rows.length === 0) {
    return <Typography.Text type="secondary">本操作未记录变更内容。</Typography.Text>;
  }
  return (
    <Table<ChangeRow>
      data-testid="audit-changes"
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows}
      style={{ maxWidth: 960, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    />
  );
}
