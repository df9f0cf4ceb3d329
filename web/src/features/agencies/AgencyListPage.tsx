import { type AgencyStatus, agencyStatuses, agencyStatusLabels } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDate } from '../../app/time.ts';
import { AgencyDrawer } from './AgencyDrawer.tsx';
import { AgencyStatusTag } from './AgencyStatusTag.tsx';
import { type AgencySearch, type AgencySummary, agencyKeys, searchAgencies } from './api.ts';

const statusOptions = agencyStatuses.map((status) => ({ value: status, label: agencyStatusLabels[status] }));

/** The status in the URL (/agencies?status=…, as the overview links); anything else is ignored. */
function statusFromUrl(params: URLSearchParams): AgencyStatus | undefined {
  const status = params.get('status');
  return agencyStatuses.find((s) => s === status);
}

/** 监测机构: the agencies in the caller's region, paged and filtered on the server. */
export function AgencyListPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const urlKey = params.toString();
  const [search, setSearch] = useState<AgencySearch>(() => ({
    page: 1,
    pageSize: 10,
    status: statusFromUrl(params),
  }));
  const [nameInput, setNameInput] = useState('');
  const [openedWith, setOpenedWith] = useState(urlKey);
  if (openedWith !== urlKey) {
    // Opened again with another status (the menu, an overview figure): start from it.
    setOpenedWith(urlKey);
    setNameInput('');
    setSearch((s) => ({ page: 1, pageSize: s.pageSize, status: statusFromUrl(params) }));
  }
  const [openId, setOpenId] = useState<string | null>(null);
  const result = useQuery({
    queryKey: agencyKeys.search(search),
    queryFn: () => searchAgencies(search),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AgencySummary> = [
    { title: '机构名称', dataIndex: 'name', width: 260, ellipsis: true },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200 },
    {
      title: '所在地区',
      dataIndex: 'regionName',
      width: 120,
      render: (v: string | null, r) => v ?? r.regionCode,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <AgencyStatusTag status={status} />,
    },
    { title: '联系人', dataIndex: 'contactPerson', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'contactPhone', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: 'CMA 有效期至',
      dataIndex: 'cmaValidTo',
      width: 130,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_v, record) => (
        <Button
          type="link"
          size="small"
          onClick={(event) => {
            event.stopPropagation();
            setOpenId(record.id);
          }}
        >
          查看
        </Button>
      ),
    },
  ];

  const scope = me.region ? `（监管区域：${me.region.name}）` : '';
  return (
    <Card title={`监测机构${scope}`}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="按机构名称搜索"
          style={{ width: 280 }}
          value={nameInput}
          onChange={(event) => setNameInput(event.target.value)}
          onSearch={(value) => setSearch((s) => ({ ...s, page: 1, name: value.trim() || undefined }))}
          enterButton="查询"
        />
        <Select<AgencyStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          options={statusOptions}
          value={search.status}
          onChange={(status) => setSearch((s) => ({ ...s, page: 1, status }))}
        />
        <Button
          onClick={() => {
            setNameInput('');
            setSearch({ page: 1, pageSize: search.pageSize });
          }}
        >
          重置
        </Button>
      </Space>
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AgencySummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        onRow={(record) => ({ onClick: () => setOpenId(record.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 家`,
          onChange: (page, pageSize) => setSearch((s) => ({ ...s, page, pageSize })),
        }}
        scroll={{ x: 1200 }}
      />
      <AgencyDrawer agencyId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
