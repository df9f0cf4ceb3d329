import { ArrowLeftOutlined } from '@ant-design/icons';
import { agencyReturnBodySchema } from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { applyProblemToForm } from '../../app/forms.ts';
import { formatDateTime, formatFileSize } from '../../app/time.ts';
import { AgencyStatusTag } from '../agencies/AgencyStatusTag.tsx';
import { attachmentDownloadUrl } from '../attachments/api.ts';
import { approveAgencyReview, fetchAgencyReview, profileKeys, returnAgencyReview } from './api.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { ProfileDescriptions } from './ProfileDescriptions.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';

function ReturnDialog({ revisionId, onClose }: { revisionId: string; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = agencyReturnBodySchema.safeParse(values);
    if (!parsed.success) {
      form.setFields([{ name: 'reason', errors: parsed.error.issues.map((i) => i.message) }]);
      return;
    }
    setBusy(true);
    try {
      await returnAgencyReview(revisionId, parsed.data.reason);
      onClose(true);
    } catch (e) {
      setError(applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="退回机构信息"
      okText="确认退回"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={submit}
      onCancel={() => onClose(false)}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, message: '请输入退回原因' }]}>
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            placeholder="请写明需要机构修改的内容（2–500字）"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One revision for the regulator: the changes, the version in force, the files, 审核通过 / 退回. */
export function AgencyReviewDetailPage() {
  const { revisionId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isReturning, setReturning] = useState(false);
  const detail = useQuery({
    queryKey: profileKeys.review(revisionId),
    queryFn: () => fetchAgencyReview(revisionId),
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: profileKeys.reviewsAll });
  const approve = async () => {
    try {
      await approveAgencyReview(revisionId);
      message.success('已审核通过');
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const d = detail.data;
  const isFirst = !(d.approvedAt !== null || d.agencyStatus === 'approved');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/agency-reviews')}
              aria-label="返回列表"
            />
            {d.revision.data.name}
            <AgencyStatusTag status={d.revision.status} />
            {isFirst ? <Tag color="blue">首次审核</Tag> : <Tag color="orange">信息变更</Tag>}
          </Space>
        }
        extra={
          <Space>
            {d.actions.includes('return') && (
              <Button danger onClick={() => setReturning(true)}>
                退回
              </Button>
            )}
            {d.actions.includes('approve') && (
              <Popconfirm
                title="审核通过"
                description="通过后，修改内容将成为现行机构信息。"
                okText="确定"
                cancelText="取消"
                onConfirm={approve}
              >
                <Button type="primary">审核通过</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>提交时间：{formatDateTime(d.revision.submittedAt)}</span>
          {d.revision.returnReason && (
            <Alert type="error" showIcon title={`退回原因：${d.revision.returnReason}`} />
          )}
          {!isFirst && <ChangesTable changes={d.revision.changes} />}
        </Space>
      </Card>
      <Card title={isFirst ? '提交的机构信息' : '修改后的机构信息'}>
        <ProfileDescriptions values={d.revision.data} />
      </Card>
      {!isFirst && (
        <Card title="现行机构信息">
          <ProfileDescriptions values={d.inForce} />
        </Card>
      )}
      <Card title="资质证明">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.attachments}
          locale={{ emptyText: '未上传附件' }}
          columns={[
            { title: '附件类型', dataIndex: 'categoryLabel', width: 220 },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'size', width: 100, render: (s: number) => formatFileSize(s) },
            {
              title: '操作',
              key: 'download',
              width: 90,
              render: (_v, f) => (
                <a href={attachmentDownloadUrl(f.id)} download>
                  下载
                </a>
              ),
            },
          ]}
        />
      </Card>
      <Card title="审核记录">
        <ReviewHistory records={d.history} />
      </Card>
      {isReturning && (
        <ReturnDialog
          revisionId={revisionId}
          onClose={async (done) => {
            setReturning(false);
            if (done) {
              message.success('已退回');
              await refresh();
            }
          }}
        />
      )}
    </Space>
  );
}
