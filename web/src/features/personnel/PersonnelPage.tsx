import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { genders, type Personnel, type PersonnelSort } from '@eco/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useDictLabels } from '../dicts/api.ts';
import { AllocateAccountDialog } from '../personnel-accounts/AllocateAccountDialog.tsx';
import {
  deletePersonnel,
  fetchAgencyTitles,
  type PersonnelSearch,
  personnelExportUrl,
  personnelKeys,
  searchPersonnel,
} from './api.ts';
import { PersonnelFormModal } from './PersonnelFormModal.tsx';
import { PersonnelStatusTag } from './PersonnelStatusTag.tsx';
import { PersonnelViewModal } from './PersonnelViewModal.tsx';

type Filters = { name?: string; gender?: string; title?: string };
const sortable = new Set(['name', 'gender', 'title', 'education', 'status', 'createdAt']);

function toSort(sorter: SorterResult<Personnel> | SorterResult<Personnel>[]): PersonnelSort | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = typeof s?.field === 'string' ? s.field : undefined;
  if (!s?.order || !field || !sortable.has(field)) return undefined;
  return (s.order === 'descend' ? `-${field}` : field) as PersonnelSort;
}

/** 监测人员: the agency's staff, queried, paged and sorted on the server. */
export function PersonnelPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Filters>({});
  const [search, setSearch] = useState<PersonnelSearch>({ page: 1, pageSize: 10 });
  const [formFor, setFormFor] = useState<Personnel | 'new' | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const [allocateId, setAllocateId] = useState<string | null>(null);
  const postLabels = useDictLabels('post');
  const educationLabels = useDictLabels('education');
  const titles = useQuery({ queryKey: personnelKeys.titles, queryFn: fetchAgencyTitles });
  const result = useQuery({
    queryKey: personnelKeys.search(search),
    queryFn: () => searchPersonnel(search),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: personnelKeys.all });
  const handleDelete = async (p: Personnel) => {
    try {
      await deletePersonnel(p.id);
      message.success(`已删除「${p.name}」`);
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<Personnel> = [
    { title: '姓名', dataIndex: 'name', width: 110, sorter: true },
    { title: '性别', dataIndex: 'gender', width: 70, sorter: true },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 190 },
    { title: '手机号', dataIndex: 'mobileMasked', width: 130 },
    { title: '职称', dataIndex: 'title', width: 120, sorter: true },
    {
      title: '岗位职能',
      dataIndex: 'posts',
      render: (posts: string[]) => posts.map((p) => postLabels[p] ?? p).join('、'),
    },
    {
      title: '学历',
      dataIndex: 'education',
      width: 110,
      sorter: true,
      render: (e: string) => educationLabels[e] ?? e,
    },
    {
      title: '审核状态',
      dataIndex: 'status',
      width: 130,
      sorter: true,
      render: (_v, p) => (
        <PersonnelStatusTag
          status={p.status}
          hasPendingChange={p.pendingChanges.length > 0}
          returnReason={p.returnReason}
        />
      ),
    },
    { title: '监测账号', dataIndex: 'hasAccount', width: 90, render: (v: boolean) => (v ? '有' : '无') },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setViewId(p.id)}>
            查看
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormFor(p)}>
            编辑
          </Button>
          <Tooltip title={p.hasAccount ? '已分配监测账号，不能重复分配' : undefined}>
            <Button
              type="link"
              size="small"
              icon={<UserAddOutlined />}
              disabled={p.hasAccount}
              onClick={() => setAllocateId(p.id)}
            >
              账号分配
            </Button>
          </Tooltip>
          <Popconfirm
            title="删除人员"
            description={`确定删除「${p.name}」吗？`}
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
      ),
    },
  ];

  const { page: _page, pageSize: _pageSize, ...applied } = search;
  return (
    <Card
      title="监测人员"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormFor('new')}>
          添加
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="职称"
          style={{ width: 160 }}
          aria-label="职称"
          value={draft.title}
          options={(titles.data ?? []).map((t) => ({ value: t, label: t }))}
          onChange={(title) => setDraft((d) => ({ ...d, title }))}
        />
        <Select
          allowClear
          placeholder="性别"
          style={{ width: 100 }}
          aria-label="性别"
          value={draft.gender}
          options={genders.map((g) => ({ value: g, label: g }))}
          onChange={(gender) => setDraft((d) => ({ ...d, gender }))}
        />
        <Input
          allowClear
          placeholder="姓名"
          aria-label="姓名"
          style={{ width: 180 }}
          value={draft.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
          onPressEnter={() =>
            setSearch((s) => ({ ...s, ...draft, name: draft.name?.trim() || undefined, page: 1 }))
          }
        />
        <Button
          type="primary"
          onClick={() =>
            setSearch((s) => ({ ...s, ...draft, name: draft.name?.trim() || undefined, page: 1 }))
          }
        >
          查询
        </Button>
        <Button icon={<DownloadOutlined />} href={personnelExportUrl(applied)} download="监测人员.xlsx">
          导出
        </Button>
      </Space>
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Personnel>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1400 }}
        onChange={(pagination, _filters, sorter) =>
          setSearch((s) => ({
            ...s,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? s.pageSize,
            sort: toSort(sorter),
          }))
        }
        pagination={{
          current: search.page,
          pageSize: search.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 人`,
        }}
      />
      {formFor && (
        <PersonnelFormModal editing={formFor === 'new' ? null : formFor} onClose={() => setFormFor(null)} />
      )}
      {viewId && <PersonnelViewModal personnelId={viewId} onClose={() => setViewId(null)} />}
      {allocateId && (
        <AllocateAccountDialog
          personnelId={allocateId}
          open
          onClose={() => setAllocateId(null)}
          onAllocated={() => {
            void refresh();
          }}
        />
      )}
    </Card>
  );
}
