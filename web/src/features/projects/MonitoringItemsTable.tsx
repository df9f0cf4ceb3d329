import { assignmentPostLabels } from '@eco/contracts';
import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';

/** One 监测信息 row as shown: staff already resolved to names. */
export type ItemRow = {
  key: string;
  pointName: string;
  medium: string;
  factors: string;
  frequency: string;
  sampleCount: number;
  samplers: string[];
  couriers: string[];
  analysts: string[];
};

type Props = {
  rows: ItemRow[];
  /** The 操作 column (编辑 / 删除 while registering); absent on read-only pages. */
  renderActions?: (row: ItemRow, index: number) => ReactNode;
  emptyText?: string;
};

const names = (list: string[]) => (list.length > 0 ? list.join('、') : '—');

/** The registered 监测信息: point, medium, factors, frequency, samples and who does each stage. */
export function MonitoringItemsTable({ rows, renderActions, emptyText = '暂无监测信息' }: Props) {
  const columns: TableColumnsType<ItemRow> = [
    { title: '序号', key: 'index', width: 60, render: (_v, _r, index) => index + 1 },
    { title: '点位/样品名称', dataIndex: 'pointName', width: 160 },
    { title: '监测介质', dataIndex: 'medium', width: 110 },
    { title: '监测项目（因子）', dataIndex: 'factors', width: 220 },
    { title: '监测频次', dataIndex: 'frequency', width: 110 },
    { title: '样品数量', dataIndex: 'sampleCount', width: 90 },
    { title: assignmentPostLabels.sampler, dataIndex: 'samplers', width: 130, render: names },
    { title: assignmentPostLabels.courier, dataIndex: 'couriers', width: 130, render: names },
    { title: assignmentPostLabels.analyst, dataIndex: 'analysts', width: 140, render: names },
  ];
  if (renderActions) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, row, index) => renderActions(row, index),
    });
  }
  return (
    <Table<ItemRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1300 }}
      locale={{ emptyText }}
    />
  );
}
