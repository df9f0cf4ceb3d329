import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { rectificationStates, type ViolationSummary } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { searchViolations, violationKeys } from './api.ts';
import { violationColumns } from './columns.tsx';
import { IssueViolationDialog } from './IssueViolationDialog.tsx';
import { useViolationSearch } from './search.ts';
import { ViolationQueryForm } from './ViolationQueryForm.tsx';

/** 违规管理: the violations issued in the regulator's region, newest first, paged on the server. */
export function ViolationListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { search, applyFilters, changePage } = useViolationSearch({ hasAgency: true });
  const [isIssuing, setIssuing] = useState(false);
  const result = useQuery({
    queryKey: violationKeys.search(search),
    queryFn: () => searchViolations(search),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ViolationSummary> = [
    violationColumns.project,
    violationColumns.agency,
    violationColumns.problem,
    violationColumns.deadline,
    violationColumns.state,
    violationColumns.rounds,
    violationColumns.issuedAt,
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
          onClick={() => navigate(`/violations/${v.id}`)}
        >
          查看
        </Button>
      ),
    },
  ];

  const { page: _page, pageSize: _pageSize, hasRounds: _hasRounds, ...filters } = search;
  return (
    <Card
      title={`违规管理${me.region ? `（监管区域：${me.region.name}）` : ''}`}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          开具违规
        </Button>
      }
    >
      <ViolationQueryForm filters={filters} onSearch={applyFilters} hasAgency states={rectificationStates} />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ViolationSummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1250 }}
        locale={{ emptyText: '暂无符合条件的违规记录' }}
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
      {isIssuing && <IssueViolationDialog onClose={() => setIssuing(false)} />}
    </Card>
  );
}
