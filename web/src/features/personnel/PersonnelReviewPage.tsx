import {
  type PersonnelReturnBody,
  type PersonnelReviewItem,
  personnelReturnBodySchema,
} from '@eco/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { applyProblemToForm } from '../../app/forms.ts';
import { formatDateTime } from '../../app/time.ts';
import { useDictLabels } from '../dicts/api.ts';
import { approvePersonnel, fetchPersonnelReviews, personnelKeys, returnPersonnel } from './api.ts';
import { PersonnelViewModal } from './PersonnelViewModal.tsx';

function ReturnDialog({
  item,
  onClose,
  onDone,
}: {
  item: PersonnelReviewItem;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<PersonnelReturnBody>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const handleFinish = async (values: PersonnelReturnBody) => {
    setSaving(true);
    try {
      await returnPersonnel(item.id, values.reason);
      onDone();
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`退回「${item.name}」`}
      okText="退回"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
    >
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          label="退回原因"
          name="reason"
          required
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const parsed = personnelReturnBodySchema.shape.reason.safeParse(value ?? '');
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
              },
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="请说明需要机构修改的内容" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}

/** 人员审核: staff records waiting for the regulator, oldest first. */
export function PersonnelReviewPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [returning, setReturning] = useState<PersonnelReviewItem | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const postLabels = useDictLabels('post');
  const educationLabels = useDictLabels('education');
  const result = useQuery({
    queryKey: personnelKeys.reviews(paging.page, paging.pageSize),
    queryFn: () => fetchPersonnelReviews(paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: personnelKeys.all });

  const handleApprove = async (item: PersonnelReviewItem) => {
    try {
      await approvePersonnel(item.id);
      message.success(`「${item.name}」审核通过`);
    } catch (error) {
      message.error(errorMessage(error));
    }
    await refresh();
  };

  const columns: TableColumnsType<PersonnelReviewItem> = [
    { title: '监测机构', dataIndex: 'agencyName', width: 220, ellipsis: true },
    {
      title: '类型',
      key: 'kind',
      width: 90,
      render: (_v, i) => (i.isApproved ? <Tag color="warning">信息变更</Tag> : <Tag color="blue">新增</Tag>),
    },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '性别', dataIndex: 'gender', width: 60 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 190 },
    { title: '职称', dataIndex: 'title', width: 110 },
    {
      title: '岗位职能',
      dataIndex: 'posts',
      render: (posts: string[]) => posts.map((p) => postLabels[p] ?? p).join('、'),
    },
    { title: '学历', dataIndex: 'education', width: 100, render: (e: string) => educationLabels[e] ?? e },
    {
      title: '变更内容',
      key: 'changes',
      width: 160,
      render: (_v, i) =>
        i.pendingChanges.length > 0 ? i.pendingChanges.map((c) => c.label).join('、') : '—',
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_v, item) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewId(item.id)}>
            查看
          </Button>
          <Popconfirm
            title={`确定审核通过「${item.name}」吗？`}
            okText="确定"
            cancelText="取消"
            onConfirm={() => handleApprove(item)}
          >
            <Button type="link" size="small">
              审核通过
            </Button>
          </Popconfirm>
          <Button type="link" size="small" danger onClick={() => setReturning(item)}>
            退回
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title="人员审核">
      {result.isError && (
        <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<PersonnelReviewItem>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        scroll={{ x: 1500 }}
        locale={{ emptyText: '暂无待审核的人员' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: result.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 条待审核`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {returning && (
        <ReturnDialog
          item={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            message.success(`已退回「${returning.name}」`);
            setReturning(null);
            void refresh();
          }}
        />
      )}
      {viewId && <PersonnelViewModal personnelId={viewId} onClose={() => setViewId(null)} />}
    </Card>
  );
}
