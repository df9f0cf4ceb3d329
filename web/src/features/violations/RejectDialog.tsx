import { violationRejectSchema } from '@eco/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { fieldRule } from '../projects/field-rule.ts';

type Props = {
  /** Sends the reason; rejects with the server's error, which lands on the field or above it. */
  onReject: (reason: string) => Promise<void>;
  onClose: () => void;
};

/** 驳回整改: the regulator writes what is still wrong; the violation goes back to 待整改. */
export function RejectDialog({ onReject, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = violationRejectSchema.parse(values);
    setBusy(true);
    setError(null);
    try {
      await onReject(parsed.reason);
    } catch (e) {
      setError(applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="驳回整改"
      okText="确认驳回"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: isBusy }}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="rejectRectification" layout="vertical">
        <Form.Item
          name="reason"
          label="驳回原因"
          required
          rules={[fieldRule(violationRejectSchema.shape.reason)]}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            placeholder="请写明整改仍存在的问题（2–500字），机构将据此重新整改"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
