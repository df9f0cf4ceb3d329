import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type AssignableStaff, type MonitoringItemInput, projectInputSchema } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Popconfirm, Space } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../app/api.ts';
import { fetchAssignableStaff, projectKeys } from '../api.ts';
import { fieldRule } from '../field-rule.ts';
import { type ItemRow, MonitoringItemsTable } from '../MonitoringItemsTable.tsx';
import { MonitoringItemModal } from './MonitoringItemModal.tsx';

type FieldProps = {
  value?: MonitoringItemInput[];
  onChange?: (items: MonitoringItemInput[]) => void;
  staff: AssignableStaff[];
  isStaffLoading: boolean;
};

function toRows(items: MonitoringItemInput[], staff: AssignableStaff[]): ItemRow[] {
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? '（已不可选）');
  return items.map((item, index) => ({
    key: String(index),
    pointName: item.pointName,
    medium: item.medium,
    factors: item.factors,
    frequency: item.frequency,
    sampleCount: item.sampleCount,
    samplers: names(item.samplerIds),
    couriers: names(item.courierIds),
    analysts: names(item.analystIds),
  }));
}

/** The items as one form value: the table, 点击添加监测信息, and 编辑 / 删除 per row. */
function MonitoringItemsField({ value = [], onChange, staff, isStaffLoading }: FieldProps) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const rows = useMemo(() => toRows(value, staff), [value, staff]);

  const save = (item: MonitoringItemInput) => {
    const next = editing === 'new' ? [...value, item] : value.map((old, i) => (i === editing ? item : old));
    onChange?.(next);
    setEditing(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <MonitoringItemsTable
        rows={rows}
        emptyText="尚未添加监测信息"
        renderActions={(row, index) => (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(index)}>
              编辑
            </Button>
            <Popconfirm
              title="删除监测信息"
              description={`确定删除「${row.pointName}」吗？`}
              okText="确定"
              cancelText="取消"
              onConfirm={() => onChange?.(value.filter((_item, i) => i !== index))}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        )}
      />
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        点击添加监测信息
      </Button>
      {editing !== null && (
        <MonitoringItemModal
          editing={editing === 'new' ? null : (value[editing] ?? null)}
          staff={staff}
          isStaffLoading={isStaffLoading}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}

/** 监测信息: at least one item; staff are chosen from the agency's approved staff by post. */
export function MonitoringSection() {
  const staff = useQuery({ queryKey: projectKeys.staff, queryFn: fetchAssignableStaff });
  return (
    <Card title="监测信息">
      {staff.isError && (
        <Alert
          type="error"
          showIcon
          title={`无法加载可选监测人员：${errorMessage(staff.error)}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="items" required rules={[fieldRule(projectInputSchema.shape.items)]}>
        <MonitoringItemsField staff={staff.data ?? []} isStaffLoading={staff.isPending} />
      </Form.Item>
    </Card>
  );
}
