import type { PublicAgencySummary } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Flex,
  Grid,
  Input,
  List,
  type PaginationProps,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { type PublicAgencySearch, publicKeys, searchPublicAgencies } from './api.ts';
import { CmaValidity } from './CmaValidity.tsx';
import { IndustryTags } from './IndustryTags.tsx';

const pageSizes = [10, 20, 50];

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The search lives in the address, so 返回 from a profile finds the same list. */
function useAgencySearch(): [PublicAgencySearch, (next: PublicAgencySearch) => void] {
  const [params, setParams] = useSearchParams();
  const search: PublicAgencySearch = {
    name: params.get('name')?.trim() || undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: Math.min(100, positiveInt(params.get('pageSize'), 10)),
  };
  const update = (next: PublicAgencySearch) => {
    const query = new URLSearchParams();
    if (next.name) query.set('name', next.name);
    if (next.page > 1) query.set('page', String(next.page));
    if (next.pageSize !== 10) query.set('pageSize', String(next.pageSize));
    setParams(query);
  };
  return [search, update];
}

const columns: TableColumnsType<PublicAgencySummary> = [
  {
    title: '机构名称',
    dataIndex: 'name',
    width: 260,
    render: (name: string, agency) => (
      <Link to={`/public/agencies/${encodeURIComponent(agency.id)}`}>{name}</Link>
    ),
  },
  {
    title: '所在地区',
    dataIndex: 'regionName',
    width: 140,
    render: (name: string, agency) => name || agency.regionCode,
  },
  {
    title: '行业类别',
    dataIndex: 'industryCategories',
    width: 220,
    render: (categories: string[]) => <IndustryTags categories={categories} />,
  },
  {
    title: '资质有效期',
    key: 'cma',
    width: 250,
    render: (_value, agency) => <CmaValidity validFrom={agency.cmaValidFrom} validTo={agency.cmaValidTo} />,
  },
  {
    title: '操作',
    key: 'actions',
    width: 72,
    fixed: 'right',
    render: (_value, agency) => <Link to={`/public/agencies/${encodeURIComponent(agency.id)}`}>查看</Link>,
  },
];

/** On a phone: one block per agency instead of a table that scrolls sideways. */
function AgencyCard({ agency }: { agency: PublicAgencySummary }) {
  const href = `/public/agencies/${encodeURIComponent(agency.id)}`;
  return (
    <List.Item
      actions={[
        <Link key="view" to={href}>
          查看
        </Link>,
      ]}
      style={{ alignItems: 'flex-start' }}
    >
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <Link to={href} style={{ fontWeight: 600 }}>
          {agency.name}
        </Link>
        <Typography.Text type="secondary">{agency.regionName || agency.regionCode}</Typography.Text>
        <IndustryTags categories={agency.industryCategories} />
        <CmaValidity validFrom={agency.cmaValidFrom} validTo={agency.cmaValidTo} />
      </Flex>
    </List.Item>
  );
}

/** 监测机构查询: approved agencies by name (模糊查询), with their qualification period. */
export function AgencySearchPage() {
  const [search, setSearch] = useAgencySearch();
  const [nameInput, setNameInput] = useState(search.name ?? '');
  const result = useQuery({
    queryKey: publicKeys.agencies(search),
    queryFn: () => searchPublicAgencies(search),
    placeholderData: keepPreviousData,
  });

  const isWide = Grid.useBreakpoint().md === true;
  const emptyText = search.name ? '未找到名称相符的监测机构' : '暂无监测机构';
  const pagination: PaginationProps = {
    current: search.page,
    pageSize: search.pageSize,
    total: result.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: (total: number) => `共 ${total} 家`,
    onChange: (page: number, pageSize: number) => setSearch({ ...search, page, pageSize }),
  };

  return (
    <Card title="监测机构查询">
      <Typography.Paragraph type="secondary">
        输入监测机构名称（支持模糊查询），点击查询；点击查看可了解机构的资质和公开的违规记录。
      </Typography.Paragraph>
      <Input.Search
        allowClear
        size="large"
        maxLength={100}
        placeholder="请输入监测机构名称"
        enterButton="查询"
        value={nameInput}
        onChange={(event) => setNameInput(event.target.value)}
        onSearch={(value) => setSearch({ ...search, page: 1, name: value.trim() || undefined })}
        style={{ maxWidth: 560, marginBottom: 16 }}
        data-testid="public-agency-name"
      />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      {isWide ? (
        <Table<PublicAgencySummary>
          rowKey="id"
          columns={columns}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          locale={{ emptyText }}
          pagination={pagination}
          scroll={{ x: 940 }}
        />
      ) : (
        <List<PublicAgencySummary>
          rowKey="id"
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          locale={{ emptyText }}
          pagination={{ ...pagination, showSizeChanger: false, size: 'small', align: 'center' }}
          renderItem={(agency) => <AgencyCard agency={agency} />}
        />
      )}
    </Card>
  );
}
