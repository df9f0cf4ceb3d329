import { FilterOutlined } from '@ant-design/icons';
import { type Role, roleLabels } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { displayTimeZone, formatDateTime } from '../../app/time.ts';
import { AgencyFilter } from './AgencyFilter.tsx';
import { AuditChanges } from './AuditChanges.tsx';
import { AuditVerifyBanner } from './AuditVerifyBanner.tsx';
import { type AuditRecord, type AuditSearch, auditKeys, searchAudit } from './api.ts';
import { actionOptionGroups, auditActionLabels, auditTargetLabels, labelOf } from './labels.ts';

type RangeValue = [Dayjs | null, Dayjs | null] | null;

/** What the filter bar holds before 查询 applies it. */
type Filters = {
  actor: string;
  action: string | undefined;
  targetType: string | undefined;
  targetId: string;
  agencyId: string | undefined;
  range: RangeValue;
};

const emptyFilters: Filters = {
  actor: '',
  action: undefined,
  targetType: undefined,
  targetId: '',
  agencyId: undefined,
  range: null,
};

/** The picked calendar day's start or end in Beijing time, whatever the browser's own zone is. */
function toInstant(value: Dayjs | null | undefined, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const day = dayjs.tz(value.format('YYYY-MM-DD'), displayTimeZone);
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toISOString();
}

function searchOf(filters: Filters, pageSize: number): AuditSearch {
  return {
    page: 1,
    pageSize,
    actor: filters.actor.trim() || undefined,
    action: filters.action,
    targetType: filters.targetType,
    targetId: filters.targetId.trim() || undefined,
    agencyId: filters.agencyId,
    from: toInstant(filters.range?.[0], 'start'),
    to: toInstant(filters.range?.[1], 'end'),
  };
}

/** Filters given in the address (/audit?targetType=project&targetId=…), so other pages can link here. */
function filtersFromUrl(params: URLSearchParams): Filters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  return {
    ...emptyFilters,
    actor: text('actor') ?? '',
    action: text('action'),
    targetType: text('targetType'),
    targetId: text('targetId') ?? '',
    agencyId: text('agencyId'),
  };
}

function roleLabel(role: string | null): string {
  if (!role) return '—';
  return role in roleLabels ? roleLabels[role as Role] : role;
}

function afterText(record: AuditRecord, key: string): string | null {
  const value = record.after?.[key];
  return typeof value === 'string' ? value : null;
}

/** Login rows are written before there is an actor; the account they name is who acted. */
function actorOf(record: AuditRecord): { name: string; username: string | null; role: string | null } {
  if (record.actorName)
    return { name: record.actorName, username: record.actorUsername, role: record.actorRole };
  const username = record.action.startsWith('auth.') ? afterText(record, 'username') : null;
  if (username) return { name: `账号 ${username}`, username: null, role: afterText(record, 'role') };
  return { name: '（系统）', username: null, role: record.actorRole };
}

function ShortId({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  if (value.length <= 12) return <>{value}</>;
  return (
    <Typography.Text copyable={{ text: value, tooltips: ['复制完整编号', '已复制'] }} title={value}>
      {value.slice(0, 8)}…
    </Typography.Text>
  );
}

function RecordDetail({ record }: { record: AuditRecord }) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'target', label: '对象编号', children: record.targetId ?? '—' },
          { key: 'agency', label: '所属机构', children: record.agencyName ?? record.agencyId ?? '—' },
          { key: 'ip', label: 'IP', children: record.ip ?? '—' },
        ]}
      />
      <AuditChanges record={record} />
    </Space>
  );
}

const actionOptions = actionOptionGroups();
const targetOptions = Object.entries(auditTargetLabels).map(([value, label]) => ({ value, label }));

/** 审计日志: every write, who and when, before and after, with the hash chain's verdict above it. */
export function AuditLogPage() {
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(params));
  const [search, setSearch] = useState<AuditSearch>(() => searchOf(filtersFromUrl(params), 20));
  const result = useQuery({
    queryKey: auditKeys.search(search),
    queryFn: () => searchAudit(search),
    placeholderData: keepPreviousData,
  });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const apply = (next: Filters) => {
    setFilters(next);
    setSearch((s) => searchOf(next, s.pageSize));
  };

  const columns: TableColumnsType<AuditRecord> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: '操作人',
      key: 'actor',
      width: 170,
      render: (_v, record) => {
        const actor = actorOf(record);
        const details = [actor.username, roleLabel(actor.role)].filter((d) => d && d !== '—');
        return (
          <>
            {actor.name}
            {details.length > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {details.join(' · ')}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      title: '机构',
      key: 'agency',
      width: 180,
      ellipsis: true,
      render: (_v, record) =>
        record.agencyId ? (
          <Tooltip title="只看该机构的记录">
            <Typography.Link onClick={() => apply({ ...filters, agencyId: record.agencyId ?? undefined })}>
              {record.agencyName ?? record.agencyId}
            </Typography.Link>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => labelOf(auditActionLabels, v) },
    {
      title: '对象',
      key: 'target',
      width: 200,
      render: (_v, record) => (
        <Space size={4}>
          {labelOf(auditTargetLabels, record.targetType)}
          <ShortId value={record.targetId} />
          {record.targetId && (
            <Tooltip title="只看该对象的记录">
              <Button
                type="text"
                size="small"
                aria-label="只看该对象的记录"
                icon={<FilterOutlined />}
                onClick={() =>
                  apply({ ...filters, targetType: record.targetType, targetId: record.targetId ?? '' })
                }
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AuditVerifyBanner />
      <Card title="审计日志">
        <Space wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
          <Input
            allowClear
            placeholder="操作人（姓名或账号）"
            style={{ width: 180 }}
            value={filters.actor}
            onChange={(event) => set('actor', event.target.value)}
            onPressEnter={() => apply(filters)}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="操作类型"
            style={{ width: 180 }}
            options={actionOptions}
            value={filters.action}
            onChange={(v: string | undefined) => set('action', v)}
          />
          <Select
            allowClear
            placeholder="对象类型"
            style={{ width: 140 }}
            options={targetOptions}
            value={filters.targetType}
            onChange={(v: string | undefined) => set('targetType', v)}
          />
          <Input
            allowClear
            placeholder="对象编号"
            style={{ width: 200 }}
            value={filters.targetId}
            onChange={(event) => set('targetId', event.target.value)}
            onPressEnter={() => apply(filters)}
          />
          <AgencyFilter value={filters.agencyId} onChange={(id) => set('agencyId', id)} />
          <DatePicker.RangePicker
            value={filters.range}
            onChange={(value) => set('range', value)}
            placeholder={['开始日期', '结束日期']}
          />
          <Button type="primary" onClick={() => apply(filters)}>
            查询
          </Button>
          <Button onClick={() => apply(emptyFilters)}>重置</Button>
        </Space>
        {result.isError && (
          <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<AuditRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          expandable={{ expandedRowRender: (record) => <RecordDetail record={record} /> }}
          pagination={{
            current: search.page,
            pageSize: search.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setSearch((s) => ({ ...s, page, pageSize })),
          }}
          scroll={{ x: 960 }}
        />
      </Card>
    </Space>
  );
}
