import { DeleteOutlined, EyeOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import {
  isProjectOpen,
  isProjectRegistrar,
  type ProjectSort,
  type ProjectSummary,
  projectStatuses,
} from '@eco/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/time.ts';
import { useDictLabels } from '../dicts/api.ts';
import {
  deleteProject,
  type ProjectFilters,
  type ProjectSearch,
  projectExportUrl,
  projectKeys,
  searchProjects,
} from './api.ts';
import { downloadFile } from './download.ts';
import { regionLabel, useRegionNames } from './lookups.ts';
import { ProjectQueryForm } from './ProjectQueryForm.tsx';
import { ProjectStatusTag } from './ProjectStatusTag.tsx';

/** Filters the overview's figures open the list with, besides those of the 查询 row. */
type ListSearch = ProjectSearch & { monitoringType?: string; month?: string };

/** The filters in the URL (/projects?status=…&regionCode=…&monitoringType=…&month=…); bad values are dropped. */
function filtersFromUrl(params: URLSearchParams): Omit<ListSearch, 'page' | 'pageSize' | 'sort'> {
  const status = params.get('status');
  const regionCode = params.get('regionCode') ?? '';
  const month = params.get('month') ?? '';
  return {
    status: projectStatuses.find((s) => s === status),
    regionCode: /^51\d{4}$/.test(regionCode) ? regionCode : undefined,
    monitoringType: params.get('monitoringType') || undefined,
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
  };
}

const sortable = new Set(['projectNo', 'name', 'status', 'createdAt']);

function toSort(sorter: SorterResult<ProjectSummary> | SorterResult<ProjectSummary>[]): ProjectSort {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = typeof s?.field === 'string' ? s.field : undefined;
  if (!s?.order || !field || !sortable.has(field)) return '-createdAt';
  return (s.order === 'descend' ? `-${field}` : field) as ProjectSort;
}

function sortOrderOf(sort: ProjectSort | undefined, field: string) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** 查询统计: the agency's projects (a regulator's: every project in the region), paged on the server. */
export function ProjectListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isRegistrar = isProjectRegistrar(me.role);
  const [params] = useSearchParams();
  const urlKey = params.toString();
  const [search, setSearch] = useState<ListSearch>(() => ({
    ...filtersFromUrl(params),
    page: 1,
    pageSize: 10,
    sort: '-createdAt',
  }));
  const [openedWith, setOpenedWith] = useState(urlKey);
  if (openedWith !== urlKey) {
    // Opened again with other filters (the menu, an overview figure): start from those.
    setOpenedWith(urlKey);
    setSearch((s) => ({ ...filtersFromUrl(params), page: 1, pageSize: s.pageSize, sort: s.sort }));
  }
  const [isExporting, setExporting] = useState(false);
  const typeLabels = useDictLabels('monitoring_type');
  const regionNames = useRegionNames();
  const result = useQuery({
    queryKey: projectKeys.search(search),
    queryFn: () => searchProjects(search),
    placeholderData: keepPreviousData,
  });

  const { page: _page, pageSize: _pageSize, ...applied } = search;
  const handleExport = async () => {
    setExporting(true);
    try {
      await downloadFile(projectExportUrl(applied), '项目查询统计.xlsx');
      message.success('已导出查询结果');
    } catch (error) {
      message.error(`导出失败：${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const handleDelete = async (project: ProjectSummary) => {
    try {
      await deleteProject(project.id);
      message.success(`已删除「${project.name}」`);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: '项目编号',
      dataIndex: 'projectNo',
      width: 180,
      sorter: true,
      sortOrder: sortOrderOf(search.sort, 'projectNo'),
    },
    {
      title: '项目名称',
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(search.sort, 'name'),
      render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
    },
    {
      title: '监测类型',
      dataIndex: 'monitoringType',
      width: 110,
      render: (code: string) => typeLabels[code] ?? code,
    },
    {
      title: '项目区域',
      dataIndex: 'regionCode',
      width: 130,
      render: (code: string) => regionLabel(code, regionNames),
    },
    ...(isRegistrar ? [] : [{ title: '监测机构', dataIndex: 'agencyName', ellipsis: { showTitle: true } }]),
    { title: '委托企业', dataIndex: 'clientName', ellipsis: { showTitle: true } },
    {
      title: '监测状态',
      dataIndex: 'status',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(search.sort, 'status'),
      render: (_v, p) => <ProjectStatusTag status={p.status} returnReason={p.returnReason} />,
    },
    {
      title: '登记时间',
      dataIndex: 'createdAt',
      width: 165,
      sorter: true,
      // The default order is newest first, so a click goes to oldest first, then back.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(search.sort, 'createdAt'),
      render: (at: string) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_v, p) =>
        isRegistrar && isProjectOpen(p.status) ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<FormOutlined />}
              onClick={() => navigate(`/projects/${p.id}`)}
            >
              办理
            </Button>
            <Popconfirm
              title="删除项目"
              description={`确定删除「${p.name}」吗？删除后不可恢复。`}
              okText="确定"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => handleDelete(p)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(`/projects/${p.id}`)}
          >
            查看
          </Button>
        ),
    },
  ];

  const scope = me.region ? `（监管区域：${me.region.name}）` : '';
  return (
    <Card
      title={`查询统计${isRegistrar ? '' : scope}`}
      extra={
        isRegistrar && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
            项目登记
          </Button>
        )
      }
    >
      <ProjectQueryForm
        key={urlKey}
        initial={filtersFromUrl(params)}
        onSearch={(filters: ProjectFilters) =>
          setSearch((s) => ({
            ...filters,
            monitoringType: s.monitoringType,
            month: s.month,
            page: 1,
            pageSize: s.pageSize,
            sort: s.sort,
          }))
        }
        onExport={handleExport}
        isExporting={isExporting}
      />
      {(search.monitoringType || search.month) && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="project-extra-filters">
          {search.monitoringType && (
            <Tag closable onClose={() => setSearch((s) => ({ ...s, monitoringType: undefined, page: 1 }))}>
              监测类型：{typeLabels[search.monitoringType] ?? search.monitoringType}
            </Tag>
          )}
          {search.month && (
            <Tag closable onClose={() => setSearch((s) => ({ ...s, month: undefined, page: 1 }))}>
              登记月份：{search.month}
            </Tag>
          )}
        </Space>
      )}
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ProjectSummary>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: isRegistrar ? 1050 : 1250 }}
        onChange={(pagination, _filters, sorter) =>
          setSearch((s) => ({
            ...s,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? s.pageSize,
            sort: toSort(sorter),
          }))
        }
        locale={{ emptyText: '暂无符合条件的项目' }}
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) =>
            result.data?.isTotalCapped ? `共 ${total}+ 个项目，请缩小查询范围` : `共 ${total} 个项目`,
        }}
      />
    </Card>
  );
}
