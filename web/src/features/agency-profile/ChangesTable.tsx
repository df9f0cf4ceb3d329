import type { FieldChange } from '@eco/contracts';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useDictLabels } from '../dicts/api.ts';
import { useRegionNames } from './api.ts';
import { formatProfileValue } from './format.tsx';

/** The fields a revision changes: the version in force beside the proposed one. */
export function ChangesTable({ changes }: { changes: FieldChange[] }) {
  const industryLabels = useDictLabels('industry_category');
  const regionNames = useRegionNames();
  const lookups = { industryLabels, regionNames };
  const columns: TableColumnsType<FieldChange> = [
    { title: '字段', dataIndex: 'label', width: 160 },
    {
      title: '现行信息',
      key: 'before',
      render: (_v, c) => (
        <Typography.Text delete>{formatProfileValue(c.field, c.before, lookups)}</Typography.Text>
      ),
    },
    {
      title: '修改后',
      key: 'after',
      render: (_v, c) => (
        <Typography.Text mark data-testid={`change-${c.field}`}>
          {formatProfileValue(c.field, c.after, lookups)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<FieldChange>
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={changes}
      pagination={false}
      locale={{ emptyText: '与现行信息相比没有修改' }}
    />
  );
}
