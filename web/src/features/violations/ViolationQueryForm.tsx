import { SearchOutlined } from '@ant-design/icons';
import { type RectificationState, rectificationStateLabels } from '@eco/contracts';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { AgencySelect } from './AgencySelect.tsx';
import type { ViolationFilters } from './api.ts';

type Values = {
  agencyId?: string;
  projectName?: string;
  state?: RectificationState;
  deadline?: [Dayjs | null, Dayjs | null] | null;
};

type Props = {
  /** The filters in force (from the URL): the form shows them. */
  filters: ViolationFilters;
  onSearch: (filters: ViolationFilters) => void;
  /** 监测机构 select: regulators only. */
  hasAgency?: boolean;
  /** The 整改状态 offered; none hides the field (历史整改记录). */
  states?: readonly RectificationState[];
};

function toValues(filters: ViolationFilters): Values {
  const { deadlineFrom, deadlineTo } = filters;
  return {
    agencyId: filters.agencyId,
    projectName: filters.projectName,
    state: filters.state,
    deadline:
      deadlineFrom || deadlineTo
        ? [deadlineFrom ? dayjs(deadlineFrom) : null, deadlineTo ? dayjs(deadlineTo) : null]
        : null,
  };
}

function toFilters(values: Values): ViolationFilters {
  const [from, to] = values.deadline ?? [null, null];
  return {
    agencyId: values.agencyId || undefined,
    projectName: values.projectName?.trim() || undefined,
    state: values.state,
    deadlineFrom: from?.format('YYYY-MM-DD'),
    deadlineTo: to?.format('YYYY-MM-DD'),
  };
}

/** The 查询 row: 监测机构 · 项目名称 (fuzzy) · 整改状态 · 整改期限 (range); 查询 · 重置. */
export function ViolationQueryForm({ filters, onSearch, hasAgency = false, states = [] }: Props) {
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(filters);

  // The URL may change under the form (a menu click, 返回): show what is in force.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `filters`.
  useEffect(() => {
    form.setFieldsValue(toValues(filters));
  }, [form, key]);

  return (
    <Form<Values>
      form={form}
      name="violationQuery"
      layout="inline"
      initialValues={toValues(filters)}
      onFinish={(values) => onSearch(toFilters(values))}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      {hasAgency && (
        <Form.Item name="agencyId" label="监测机构">
          <AgencySelect placeholder="全部" style={{ width: 240 }} />
        </Form.Item>
      )}
      <Form.Item name="projectName" label="项目名称">
        <Input allowClear placeholder="支持模糊查询" style={{ width: 200 }} maxLength={100} />
      </Form.Item>
      {states.length > 0 && (
        <Form.Item name="state" label="整改状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            options={states.map((s) => ({ value: s, label: rectificationStateLabels[s] }))}
          />
        </Form.Item>
      )}
      <Form.Item name="deadline" label="整改期限">
        <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            form.setFieldsValue(toValues({}));
            onSearch({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
