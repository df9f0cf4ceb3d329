import { projectReturnBodySchema } from '@eco/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../../app/forms.ts';
import { fieldRule } from '../field-rule.ts';

type Props = {
  /** Sends the reason; rejects with the server's error, which lands on the field or above it. */
  onReturn: (reason: string) => Promise<void>;
  onClose: () => void;
};

/** 退回: the regulator writes what the agency must fix. */
export function ReturnDialog({ onReturn, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = projectReturnBodySchema.parse(values);
    setBusy(true);
    setError(null);
    try {
      await onReturn(parsed.reason);
    } catch (e) {
      setError(applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="退回项目"
      okText="确认退回"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: isBusy }}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="退回原因"
          required
          rules={[fieldRule(projectReturnBodySchema.shape.reason)]}
        >
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
