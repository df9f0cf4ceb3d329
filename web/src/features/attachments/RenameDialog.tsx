import { type Attachment, renameAttachmentBodySchema } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { attachmentKeys, renameAttachment } from './api.ts';

type Values = { fileName: string };

/** 改名: the same rule as the server (contracts' renameAttachmentBodySchema) checks the name first. */
export function RenameDialog({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const handleFinish = async (values: Values) => {
    setProblem(null);
    setSaving(true);
    try {
      const saved = await renameAttachment(attachment.id, values.fileName.trim());
      await queryClient.invalidateQueries({
        queryKey: attachmentKeys.owner(attachment.ownerType, attachment.ownerId),
      });
      message.success(`已改名为「${saved.fileName}」`);
      onClose();
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="文件改名"
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ fileName: attachment.fileName }}
        onFinish={handleFinish}
      >
        <Form.Item
          label="文件名"
          name="fileName"
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const parsed = renameAttachmentBodySchema.safeParse({ fileName: value ?? '' });
                if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '文件名不正确');
              },
            },
          ]}
        >
          <Input autoFocus maxLength={120} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
