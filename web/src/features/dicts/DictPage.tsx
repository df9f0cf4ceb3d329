import { PlusOutlined } from '@ant-design/icons';
import { type DictItem, type DictType, dictTypeLabels, dictTypes, fieldStageLabels } from '@eco/contracts';
import { Alert, Button, Card, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { describeKinds } from '../attachments/kinds.ts';
import { useAllDictItems } from './api.ts';
import { DictItemModal } from './DictItemModal.tsx';
import { attachmentScopeLabels, readAttachmentExtra, readPhotoExtra } from './extra.ts';

function yesNo(value: boolean | undefined, yes: string): string {
  if (value === undefined) return '—';
  return value ? yes : '否';
}

function extraColumns(type: DictType): TableColumnsType<DictItem> {
  if (type === 'photo_type') {
    return [
      {
        title: '所属阶段',
        key: 'stage',
        width: 110,
        render: (_v, r) => {
          const e = readPhotoExtra(r.extra);
          return e ? fieldStageLabels[e.stage] : '—';
        },
      },
      {
        title: '必拍',
        key: 'required',
        width: 70,
        render: (_v, r) => yesNo(readPhotoExtra(r.extra)?.required, '必拍'),
      },
      {
        title: '拍摄提示',
        key: 'hint',
        render: (_v, r) => readPhotoExtra(r.extra)?.hint || '—',
      },
    ];
  }
  if (type === 'attachment_type') {
    return [
      {
        title: '适用对象',
        key: 'scope',
        width: 100,
        render: (_v, r) => {
          const e = readAttachmentExtra(r.extra);
          return e ? attachmentScopeLabels[e.scope] : '—';
        },
      },
      {
        title: '大小上限',
        key: 'size',
        width: 90,
        render: (_v, r) => {
          const e = readAttachmentExtra(r.extra);
          return e ? `${e.maxSizeMb}MB` : '—';
        },
      },
      {
        title: '数量上限',
        key: 'count',
        width: 90,
        render: (_v, r) => readAttachmentExtra(r.extra)?.maxCount ?? '—',
      },
      {
        title: '文件类型',
        key: 'kinds',
        width: 200,
        render: (_v, r) => {
          const e = readAttachmentExtra(r.extra);
          return e ? describeKinds(e.kinds) : '—';
        },
      },
      {
        title: '必传',
        key: 'required',
        width: 70,
        render: (_v, r) => yesNo(readAttachmentExtra(r.extra)?.required, '必传'),
      },
    ];
  }
  return [];
}

type Editing = { type: DictType; item: DictItem | null };

/** 数据字典: one tab per dictionary; items are added and edited, never deleted (records refer to them). */
export function DictPage() {
  const dicts = useAllDictItems();
  const [activeType, setActiveType] = useState<DictType>(dictTypes[0]);
  const [editing, setEditing] = useState<Editing | null>(null);

  const byType = useMemo(() => {
    const groups = new Map<DictType, DictItem[]>();
    for (const item of dicts.data ?? []) groups.set(item.type, [...(groups.get(item.type) ?? []), item]);
    for (const list of groups.values()) list.sort((a, b) => a.sortOrder - b.sortOrder);
    return groups;
  }, [dicts.data]);

  const columnsFor = (type: DictType): TableColumnsType<DictItem> => [
    { title: '编码', dataIndex: 'code', width: 180 },
    { title: '名称', dataIndex: 'label', width: 200 },
    { title: '排序', dataIndex: 'sortOrder', width: 70 },
    {
      title: '状态',
      dataIndex: 'isEnabled',
      width: 80,
      render: (on: boolean) => (on ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
    },
    ...extraColumns(type),
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_v, item) => (
        <Button type="link" size="small" onClick={() => setEditing({ type, item })}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Card title="数据字典">
      {dicts.isError && (
        <Alert type="error" showIcon title={errorMessage(dicts.error)} style={{ marginBottom: 16 }} />
      )}
      <Tabs
        activeKey={activeType}
        onChange={(key) => setActiveType(key as DictType)}
        tabBarExtraContent={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ type: activeType, item: null })}
          >
            新增
          </Button>
        }
        items={dictTypes.map((type) => ({
          key: type,
          label: dictTypeLabels[type],
          children: (
            <Table<DictItem>
              rowKey="id"
              size="middle"
              loading={dicts.isPending}
              columns={columnsFor(type)}
              dataSource={byType.get(type) ?? []}
              pagination={false}
              tableLayout="auto"
            />
          ),
        }))}
      />
      {editing && <DictItemModal type={editing.type} item={editing.item} onClose={() => setEditing(null)} />}
    </Card>
  );
}
