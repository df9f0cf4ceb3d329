import { EyeOutlined } from '@ant-design/icons';
import type { ViolationSummary } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { searchViolations, violationKeys } from '../violations/api.ts';
import { violationColumns } from '../violations/columns.tsx';
import { useViolationSearch } from '../violations/search.ts';
import { ViolationQueryForm } from '../violations/ViolationQueryForm.tsx';

/** 历史整改记录: this agency's violations with at least one rectification round, in any state. */
export function RectificationHistoryPage() {
  const navigate = useNavigate();
  const { search, applyFilters, changePage } = useViolationSearch({ states: [], hasRounds: true });
  const result = useQuery({
    queryKey: violationKeys.search(search),
    queryFn: () => searchViolations(search),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ViolationSummary> = [
    violationColumns.project,
    violationColumns.problem,
    violationColumns.deadline,
    violationColumns.state,
    violationColumns.rounds,
    violationColumns.issuedAt,
    violationColumns.closedAt,
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, v) => (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => navigate(`/rectifications/${v.id}?from=history`)}
        >
          查看
        </Button>
      ),
    },
  ];

  const { page: _page, pageSize: _pageSize, hasRounds: _hasRounds, ...filters } = search;
  return (
    <Card title="历史整改记录">
      <ViolationQueryForm filters={filters} onSearch={applyFilters} />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ViolationSummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '暂无整改记录' }}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: changePage,
        }}
      />
    </Card>
  );
}
