import { type Role, roleLabels } from '@eco/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { displayTimeZone, formatDateTime } from '../../app/time.ts';
import { type AuditRecord, type AuditSearch, auditKeys, searchAudit, verifyAudit } from './api.ts';
import { auditActionLabels, auditTargetLabels, labelOf } from './labels.ts';

type RangeValue = [Dayjs | null, Dayjs | null] | null;

/** The picked calendar day's start or end in Beijing time, whatever the browser's own zone is. */
function toInstant(value: Dayjs | null | undefined, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const day = dayjs.tz(value.format('YYYY-MM-DD'), displayTimeZone);
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toISOString();
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
function actorOf(record: AuditRecord): { name: string; role: string | null } {
  if (record.actorName) return { name: record.actorName, role: record.actorRole };
  const username = record.action.startsWith('auth.') ? afterText(record, 'username') : null;
  if (username) return { name: `账号 ${username}`, role: afterText(record, 'role') };
  return { name: '（系统）', role: record.actorRole };
}

function VerifyBanner() {
  const verify = useQuery({ queryKey: auditKeys.verify, queryFn: verifyAudit });
  if (verify.isPending) return <Alert type="info" showIcon title="正在校验审计链…" />;
  if (verify.isError)
    return <Alert type="warning" showIcon title={`审计链校验失败：${errorMessage(verify.error)}`} />;
  const result = verify.data;
  if (result.ok) return <Alert type="success" showIcon title={`审计链校验通过（共 ${result.count} 条）`} />;
  return (
    <Alert
      type="error"
      showIcon
      title={`审计链校验未通过：第 ${result.brokenId ?? '?'} 号记录被篡改或缺失`}
      description={result.reason ? `原因：${result.reason}（已校验 ${result.count} 条）` : undefined}
    />
  );
}

function JsonBlock({ title, value }: { title: string; value: Record<string, unknown> | null }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '8px 0 0',
          padding: 12,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value ? JSON.stringify(value, null, 2) : '（无）'}
      </pre>
    </div>
  );
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

const columns: TableColumnsType<AuditRecord> = [
  { title: '编号', dataIndex: 'id', width: 70 },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
  { title: '操作人', key: 'actor', width: 150, render: (_v, record) => actorOf(record).name },
  { title: '角色', key: 'role', width: 100, render: (_v, record) => roleLabel(actorOf(record).role) },
  { title: '操作', dataIndex: 'action', width: 120, render: (v: string) => labelOf(auditActionLabels, v) },
  {
    title: '对象类型',
    dataIndex: 'targetType',
    width: 90,
    render: (v: string) => labelOf(auditTargetLabels, v),
  },
  {
    title: '对象编号',
    dataIndex: 'targetId',
    width: 130,
    render: (v: string | null) => <ShortId value={v} />,
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));
const targetOptions = Object.entries(auditTargetLabels).map(([value, label]) => ({ value, label }));

/** 审计日志: every write, who and when, with the hash chain's verdict above it. */
export function AuditLogPage() {
  const [search, setSearch] = useState<AuditSearch>({ page: 1, pageSize: 20 });
  const [actorName, setActorName] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [targetType, setTargetType] = useState<string | undefined>();
  const [range, setRange] = useState<RangeValue>(null);
  const result = useQuery({
    queryKey: auditKeys.search(search),
    queryFn: () => searchAudit(search),
    placeholderData: keepPreviousData,
  });

  const applyFilters = () =>
    setSearch((s) => ({
      page: 1,
      pageSize: s.pageSize,
      actorName: actorName.trim() || undefined,
      action,
      targetType,
      from: toInstant(range?.[0], 'start'),
      to: toInstant(range?.[1], 'end'),
    }));

  const resetFilters = () => {
    setActorName('');
    setAction(undefined);
    setTargetType(undefined);
    setRange(null);
    setSearch((s) => ({ page: 1, pageSize: s.pageSize }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <VerifyBanner />
      <Card title="审计日志">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            placeholder="操作人"
            style={{ width: 160 }}
            value={actorName}
            onChange={(event) => setActorName(event.target.value)}
            onPressEnter={applyFilters}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="操作类型"
            style={{ width: 160 }}
            options={actionOptions}
            value={action}
            onChange={setAction}
          />
          <Select
            allowClear
            placeholder="对象类型"
            style={{ width: 140 }}
            options={targetOptions}
            value={targetType}
            onChange={setTargetType}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => setRange(value)}
            placeholder={['开始日期', '结束日期']}
          />
          <Button type="primary" onClick={applyFilters}>
            查询
          </Button>
          <Button onClick={resetFilters}>重置</Button>
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
          expandable={{
            expandedRowRender: (record) => (
              <Row gutter={16}>
                <Col span={12}>
                  <JsonBlock title="变更前" value={record.before} />
                </Col>
                <Col span={12}>
                  <JsonBlock title="变更后" value={record.after} />
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: search.page,
            pageSize: search.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setSearch((s) => ({ ...s, page, pageSize })),
          }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </Space>
  );
}
