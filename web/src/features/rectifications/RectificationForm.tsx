import { SendOutlined } from '@ant-design/icons';
import { rectificationInputSchema, type ViolationDetail } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblemToForm } from '../../app/forms.ts';
import { fieldRule } from '../projects/field-rule.ts';
import { submitRectification, violationKeys } from '../violations/api.ts';
import { PendingEvidence } from './PendingEvidence.tsx';

type Values = { description?: string };

/** 整改: 整改情况说明 and 整改佐证材料, then 提交整改 (to the regulator). */
export function RectificationForm({ violation }: { violation: ViolationDetail }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [isEvidenceAsked, setEvidenceAsked] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const round = violation.roundCount + 1;
  const hasEvidence = violation.pendingEvidence.length > 0;

  // Checked before the confirmation, so 确定 is asked only of a complete form.
  const check = async () => {
    const values = await form.validateFields().catch(() => null);
    setError(null);
    setEvidenceAsked(!hasEvidence);
    if (!values || !hasEvidence) return;
    setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
    const parsed = rectificationInputSchema.parse(form.getFieldsValue());
    setBusy(true);
    setError(null);
    try {
      await submitRectification(violation.id, parsed.description);
      await queryClient.invalidateQueries({ queryKey: violationKeys.all });
      message.success('整改已提交，等待监管部门审核');
      navigate('/rectifications');
    } catch (e) {
      setError(applyProblemToForm(form, e));
      setBusy(false);
    }
  };

  return (
    <Card title={`整改（第${round}轮）`} data-testid="rectification-form">
      {isEvidenceAsked && !hasEvidence && (
        <Alert
          type="error"
          showIcon
          data-testid="evidence-missing"
          title="请先上传整改佐证材料（至少1个文件）"
          style={{ marginBottom: 12 }}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<Values> form={form} name="rectification" layout="vertical">
        <Form.Item
          name="description"
          label="整改情况说明"
          required
          rules={[fieldRule(rectificationInputSchema.shape.description)]}
        >
          <Input.TextArea
            rows={5}
            maxLength={4000}
            showCount
            placeholder="请说明针对违规问题采取的整改措施及整改结果（至少5个字）"
          />
        </Form.Item>
        <Form.Item label="整改佐证材料" required>
          <PendingEvidence violationId={violation.id} files={violation.pendingEvidence} />
        </Form.Item>
        <Popconfirm
          title="提交整改"
          description="提交后整改情况说明和佐证材料不能再修改，确定提交给监管部门审核吗？"
          okText="确定"
          cancelText="取消"
          open={isConfirming}
          onOpenChange={(open) => {
            if (!open) setConfirming(false);
          }}
          onConfirm={submit}
          onCancel={() => setConfirming(false)}
        >
          <Button type="primary" icon={<SendOutlined />} loading={isBusy} onClick={check}>
            提交整改
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
