import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Spin, Table, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/time.ts';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { useDictLabels } from '../dicts/api.ts';
import { fetchPersonnel, fetchPersonnelHistory, personnelKeys } from './api.ts';
import { PersonnelStatusTag } from './PersonnelStatusTag.tsx';

function show(value: unknown, labels: Record<string, string>): string {
  if (Array.isArray(value)) return value.map((v) => labels[String(v)] ?? String(v)).join('、');
  if (value === null || value === undefined || value === '') return '—';
  return labels[String(value)] ?? String(value);
}

/** 查看: every field, the certificates to download, the review history; nothing can be changed here. */
export function PersonnelViewModal({ personnelId, onClose }: { personnelId: string; onClose: () => void }) {
  const staff = useQuery({
    queryKey: personnelKeys.one(personnelId),
    queryFn: () => fetchPersonnel(personnelId),
  });
  const history = useQuery({
    queryKey: personnelKeys.history(personnelId),
    queryFn: () => fetchPersonnelHistory(personnelId),
  });
  const postLabels = useDictLabels('post');
  const educationLabels = useDictLabels('education');
  const p = staff.data;
  const labelsFor = (field: string) =>
    field === 'posts' ? postLabels : field === 'education' ? educationLabels : {};

  return (
    <Modal open width={820} title="人员信息详情" onCancel={onClose} footer={null} destroyOnHidden>
      {staff.isError && <Alert type="error" showIcon title={errorMessage(staff.error)} />}
      {!p && staff.isPending && <Spin />}
      {p && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{p.gender}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{p.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="手机号">{p.mobileMasked}</Descriptions.Item>
            <Descriptions.Item label="职称">{p.title}</Descriptions.Item>
            <Descriptions.Item label="学历">{show(p.education, educationLabels)}</Descriptions.Item>
            <Descriptions.Item label="岗位职能" span={2}>
              {show(p.posts, postLabels)}
            </Descriptions.Item>
            <Descriptions.Item label="审核状态">
              <PersonnelStatusTag
                status={p.status}
                hasPendingChange={p.pendingChanges.length > 0}
                returnReason={p.returnReason}
              />
            </Descriptions.Item>
            <Descriptions.Item label="监测账号">{p.hasAccount ? '有' : '无'}</Descriptions.Item>
            {p.returnReason && (
              <Descriptions.Item label="退回原因" span={2}>
                {p.returnReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="添加时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatDateTime(p.submittedAt)}</Descriptions.Item>
          </Descriptions>
          {p.pendingChanges.length > 0 && (
            <>
              <Typography.Title level={5}>待审核的变更（审核通过后生效）</Typography.Title>
              <Table
                size="small"
                rowKey="field"
                pagination={false}
                style={{ marginBottom: 16 }}
                dataSource={p.pendingChanges}
                columns={[
                  { title: '字段', dataIndex: 'label', width: 120 },
                  { title: '现值', dataIndex: 'before', render: (v, r) => show(v, labelsFor(r.field)) },
                  { title: '变更为', dataIndex: 'after', render: (v, r) => show(v, labelsFor(r.field)) },
                ]}
              />
            </>
          )}
          <AttachmentsSection ownerType="personnel" ownerId={p.id} title="证书附件" canEdit={false} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            审核记录
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={history.isPending}
            dataSource={history.data ?? []}
            columns={[
              { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
              { title: '操作', dataIndex: 'actionLabel', width: 100 },
              { title: '操作人', dataIndex: 'actorName', width: 120 },
              { title: '原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
