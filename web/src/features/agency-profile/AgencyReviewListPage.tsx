import { type AgencyReviewItem, type AgencyStatus, agencyStatusLabels } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/time.ts';
import { fetchAgencyReviews, profileKeys, type ReviewSearch } from './api.ts';

const statusOptions: AgencyStatus[] = ['submitted', 'returned', 'approved'];

/** 机构审核: revisions of the regulator's region, oldest submission first. */
export function AgencyReviewListPage() {
  const [search, setSearch] = useState<ReviewSearch>({ status: 'submitted', page: 1, pageSize: 10 });
  const result = useQuery({
    queryKey: profileKeys.reviews(search),
    queryFn: () => fetchAgencyReviews(search),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<AgencyReviewItem> = [
    {
      title: '机构名称',
      dataIndex: 'agencyName',
      render: (name: string, r) => <Link to={`/agency-reviews/${r.revisionId}`}>{name}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200 },
    {
      title: '所在地区',
      dataIndex: 'regionName',
      width: 110,
      render: (v: string | null, r) => v ?? r.regionCode,
    },
    {
      title: '类型',
      key: 'kind',
      width: 260,
      render: (_v, r) =>
        r.isFirst ? (
          <Tag color="blue">首次审核</Tag>
        ) : (
          <span>
            <Tag color="orange">信息变更</Tag>
            {r.changedFields.join('、')}
          </span>
        ),
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 180,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_v, r) => (
        <Link to={`/agency-reviews/${r.revisionId}`}>{search.status === 'submitted' ? '审核' : '查看'}</Link>
      ),
    },
  ];
  return (
    <Card
      title={
        <Space>
          机构审核
          {search.status === 'submitted' && (
            <Badge count={result.data?.total ?? 0} showZero color="#faad14" />
          )}
        </Space>
      }
      extra={
        <Segmented<AgencyStatus>
          value={search.status}
          options={statusOptions.map((s) => ({
            value: s,
            label: s === 'submitted' ? '待审核' : agencyStatusLabels[s],
          }))}
          onChange={(status) => setSearch({ ...search, status, page: 1 })}
        />
      }
    >
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AgencyReviewItem>
        rowKey="revisionId"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        locale={{ emptyText: search.status === 'submitted' ? '暂无待审核的机构信息' : '暂无记录' }}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setSearch({ ...search, page, pageSize }),
        }}
      />
    </Card>
  );
}
