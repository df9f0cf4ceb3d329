import { EyeOutlined, FormOutlined } from '@ant-design/icons';
import { type RectificationState, type Role, type ViolationSummary, violationWorkflow } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { searchViolations, violationKeys } from '../violations/api.ts';
import { violationColumns } from '../violations/columns.tsx';
import { useViolationSearch } from '../violations/search.ts';
import { ViolationQueryForm } from '../violations/ViolationQueryForm.tsx';

/** The 整改状态 of 违规待整改: everything not yet 已整改. */
const openStates = ['pending', 'overdue', 'submitted'] as const satisfies readonly RectificationState[];

function canRectify(role: Role, violation: ViolationSummary): boolean {
  const { from, by } = violationWorkflow.rectify;
  return from.some((s) => s === violation.status) && by.some((r) => r === role);
}

/** 违规待整改: this agency's violations awaiting rectification or the regulator's decision. */
export function RectificationListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { search, applyFilters, changePage } = useViolationSearch({ states: openStates, isOpen: true });
  const result = useQuery({
    queryKey: violationKeys.search(search),
    queryFn: () => searchViolations(search),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ViolationSummary> = [
    violationColumns.project,
    violationColumns.problem,
    { title: '违反的规定', dataIndex: 'rule', width: 200, ellipsis: { showTitle: true } },
    violationColumns.deadline,
    violationColumns.state,
    violationColumns.rounds,
    violationColumns.issuedAt,
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, v) =>
        canRectify(me.role, v) ? (
          <Button
            type="link"
            size="small"
            icon={<FormOutlined />}
            onClick={() => navigate(`/rectifications/${v.id}`)}
          >
            整改
          </Button>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(`/rectifications/${v.id}`)}
          >
            查看
          </Button>
        ),
    },
  ];

  const { page: _page, pageSize: _pageSize, hasRounds: _hasRounds, isOpen: _isOpen, ...filters } = search;
  return (
    <Card title="违规待整改">
      <ViolationQueryForm filters={filters} onSearch={applyFilters} states={openStates} />
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ViolationSummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '暂无待整改的违规问题' }}
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
