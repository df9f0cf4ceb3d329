import type { ProjectSummary } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/time.ts';
import { useDictLabels } from '../dicts/api.ts';
import { regionLabel, useRegionNames } from '../projects/lookups.ts';
import { ProjectQueryForm } from '../projects/ProjectQueryForm.tsx';
import {
  fetchProjectReviewCount,
  fetchProjectReviews,
  type ProjectReviewSearch,
  projectReviewKeys,
} from './api.ts';

/** 项目审核: submitted projects sited in the regulator's region, oldest submission first. */
export function ProjectReviewListPage() {
  const me = useMe();
  const [search, setSearch] = useState<ProjectReviewSearch>({ page: 1, pageSize: 10 });
  const typeLabels = useDictLabels('monitoring_type');
  const regionNames = useRegionNames();
  const count = useQuery({ queryKey: projectReviewKeys.count, queryFn: fetchProjectReviewCount });
  const result = useQuery({
    queryKey: projectReviewKeys.search(search),
    queryFn: () => fetchProjectReviews(search),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ProjectSummary> = [
    { title: '项目编号', dataIndex: 'projectNo', width: 170 },
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
    },
    { title: '监测机构', dataIndex: 'agencyName', width: 220 },
    {
      title: '监测类型',
      dataIndex: 'monitoringType',
      width: 130,
      render: (code: string) => typeLabels[code] ?? code,
    },
    {
      title: '项目区域',
      dataIndex: 'regionCode',
      width: 150,
      render: (code: string) => regionLabel(code, regionNames),
    },
    { title: '委托企业', dataIndex: 'clientName', width: 200 },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 170,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, p) => <Link to={`/projects/${p.id}`}>审核</Link>,
    },
  ];

  return (
    <Card
      title={
        <Space>
          项目审核
          <Badge count={count.data ?? 0} showZero color="#faad14" overflowCount={999} />
          {me.region && <span style={{ fontWeight: 'normal' }}>（监管区域：{me.region.name}）</span>}
        </Space>
      }
    >
      <ProjectQueryForm
        isReviewQueue
        onSearch={(filters) =>
          setSearch((s) => ({
            page: 1,
            pageSize: s.pageSize,
            name: filters.name,
            regionCode: filters.regionCode,
          }))
        }
      />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ProjectSummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1300 }}
        locale={{ emptyText: '暂无待审核的项目' }}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个待审核项目`,
          onChange: (page, pageSize) => setSearch((s) => ({ ...s, page, pageSize })),
        }}
      />
    </Card>
  );
}
