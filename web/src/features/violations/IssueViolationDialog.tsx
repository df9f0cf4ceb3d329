import { violationInputSchema } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblemToForm } from '../../app/forms.ts';
import { fieldRule } from '../projects/field-rule.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { issueViolation, violationKeys } from './api.ts';
import { ProjectSelect } from './ProjectSelect.tsx';
import { todayInBeijing } from './search.ts';

type Values = {
  agencyId?: string;
  projectId?: string | null;
  problem?: string;
  rule?: string;
  deadline?: Dayjs | null;
};

const fields = violationInputSchema.shape;

/** 开具违规: saved, then its page opens, where the 违规证据 are uploaded. */
export function IssueViolationDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const agencyId = Form.useWatch('agencyId', form);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const today = todayInBeijing();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = violationInputSchema.safeParse({
      ...values,
      projectId: values.projectId ?? null,
      deadline: values.deadline?.format('YYYY-MM-DD'),
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await issueViolation(parsed.data);
      queryClient.setQueryData(violationKeys.one(created.id), created);
      await queryClient.invalidateQueries({ queryKey: violationKeys.all });
      message.success('违规已开具，请上传违规证据');
      navigate(`/violations/${created.id}`);
    } catch (e) {
      setError(applyProblemToForm(form, e));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="开具违规"
      okText="开具"
      cancelText="取消"
      okButtonProps={{ loading: isBusy }}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        name="issueViolation"
        layout="vertical"
        onValuesChange={(changed) => {
          if ('agencyId' in changed) form.setFieldValue('projectId', null);
        }}
      >
        <Form.Item name="agencyId" label="监测机构" required rules={[fieldRule(fields.agencyId)]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="projectId" label="关联项目" extra="违规与具体项目有关时选择，可不选">
          <ProjectSelect agencyId={agencyId} />
        </Form.Item>
        <Form.Item name="problem" label="违规问题" required rules={[fieldRule(fields.problem)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="请描述发现的违规问题" />
        </Form.Item>
        <Form.Item name="rule" label="违反的规定" required rules={[fieldRule(fields.rule)]}>
          <Input maxLength={500} placeholder="如：《生态环境监测机构资质认定评审补充要求》第十条" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="整改期限"
          required
          rules={[{ required: true, message: '请选择整改期限' }]}
        >
          <DatePicker
            style={{ width: 200 }}
            placeholder="请选择日期"
            disabledDate={(day) => day.format('YYYY-MM-DD') < today}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
