import { type AllocateAccountBody, type AllocatedAccount, allocateAccountBodySchema } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { SmsCodeField } from '../registration/SmsCodeButton.tsx';
import { allocateAccount, personnelAccountKeys } from './api.ts';

type Props = {
  personnelId: string;
  open: boolean;
  onClose: () => void;
  /** Called once the account exists (before the initial password is dismissed). */
  onAllocated?: (account: AllocatedAccount) => void;
};

function zodRule(field: keyof AllocateAccountBody) {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      const parsed = allocateAccountBodySchema.shape[field].safeParse(value ?? '');
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** 账号分配: a mobile account for a staff member, confirmed by a code sent to that mobile. */
export function AllocateAccountDialog({ personnelId, open, onClose, onAllocated }: Props) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AllocateAccountBody>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [allocated, setAllocated] = useState<AllocatedAccount | null>(null);

  const close = () => {
    setAllocated(null);
    setProblem(null);
    form.resetFields();
    onClose();
  };

  const handleFinish = async (values: AllocateAccountBody) => {
    setProblem(null);
    setSaving(true);
    try {
      const account = await allocateAccount(personnelId, {
        mobile: values.mobile.trim(),
        smsCode: values.smsCode.trim(),
      });
      setAllocated(account);
      await queryClient.invalidateQueries({ queryKey: personnelAccountKeys.account(personnelId) });
      onAllocated?.(account);
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };

  const getMobile = async () => {
    try {
      const { mobile } = await form.validateFields(['mobile']);
      return mobile.trim();
    } catch {
      return null;
    }
  };

  if (allocated) {
    return (
      <Modal
        open={open}
        title="账号分配成功"
        onCancel={close}
        footer={
          <Button type="primary" onClick={close}>
            我已记下
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title="初始密码只显示这一次，请转告该监测人员；首次登录移动端（/m）须修改密码。"
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph>
          用户名：
          <Typography.Text strong copyable data-testid="allocated-username">
            {allocated.username}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          初始密码：
          <Typography.Text strong copyable code data-testid="allocated-password">
            {allocated.initialPassword}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title="账号分配"
      okText="分配账号"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        为该监测人员开设移动端账号，用户名为手机号。手机号必须有效，且验证码正确；分配后不能重复分配。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item label="手机号" name="mobile" required rules={[zodRule('mobile')]}>
          <Input maxLength={11} placeholder="请输入手机号" autoComplete="off" />
        </Form.Item>
        <SmsCodeField purpose="allocate_account" getMobile={getMobile} rules={[zodRule('smsCode')]} />
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
