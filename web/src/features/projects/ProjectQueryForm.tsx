import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { type ProjectStatus, projectStatuses, projectStatusLabels } from '@eco/contracts';
import { Button, Cascader, Form, Input, Select } from 'antd';
import type { ProjectFilters } from './api.ts';
import { regionPath, useRegionTree } from './lookups.ts';

type Values = { name?: string; projectNo?: string; region?: string[]; status?: ProjectStatus };

type Props = {
  onSearch: (filters: ProjectFilters) => void;
  /** 导出 is shown only with a handler. */
  onExport?: () => void;
  isExporting?: boolean;
  /** The review queue filters by 项目名称 and 项目区域 only (its rows are all 已完成). */
  isReviewQueue?: boolean;
  /** The filters the list opened with (from its URL). */
  initial?: ProjectFilters;
};

function toFilters(values: Values): ProjectFilters {
  return {
    name: values.name?.trim() || undefined,
    projectNo: values.projectNo?.trim() || undefined,
    regionCode: values.region?.at(-1),
    status: values.status,
  };
}

/** The 查询 row: 项目名称 (fuzzy), 项目编号, 项目区域 (any level), 项目状态; 查询 · 重置 · 导出. */
export function ProjectQueryForm({
  onSearch,
  onExport,
  isExporting = false,
  isReviewQueue = false,
  initial,
}: Props) {
  const [form] = Form.useForm<Values>();
  const regions = useRegionTree();
  return (
    <Form<Values>
      form={form}
      initialValues={{
        name: initial?.name,
        projectNo: initial?.projectNo,
        region: regionPath(initial?.regionCode),
        status: initial?.status,
      }}
      layout="inline"
      onFinish={(values) => onSearch(toFilters(values))}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="name" label="项目名称">
        <Input allowClear placeholder="支持模糊查询" style={{ width: 200 }} maxLength={100} />
      </Form.Item>
      {!isReviewQueue && (
        <Form.Item name="projectNo" label="项目编号">
          <Input allowClear placeholder="请输入项目编号" style={{ width: 180 }} maxLength={40} />
        </Form.Item>
      )}
      <Form.Item name="region" label="项目区域">
        <Cascader
          options={regions.data ?? []}
          fieldNames={{ label: 'name', value: 'code', children: 'children' }}
          changeOnSelect
          showSearch
          allowClear
          placeholder="市州 / 区县"
          style={{ width: 220 }}
        />
      </Form.Item>
      {!isReviewQueue && (
        <Form.Item name="status" label="项目状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            options={projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] }))}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
      </Form.Item>
      {onExport && (
        <Form.Item>
          <Button icon={<DownloadOutlined />} loading={isExporting} onClick={onExport}>
            导出
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
