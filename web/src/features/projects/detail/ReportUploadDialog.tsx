import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { type ReportSlot, reportNumberField } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { applyProblemToForm } from '../../../app/forms.ts';
import { formatFileSize } from '../../../app/time.ts';
import { useAttachmentCategories } from '../../attachments/api.ts';
import { describeLimits, precheckFile } from '../../attachments/kinds.ts';
import { projectKeys, uploadProjectReport } from '../api.ts';
import { fieldRule } from '../field-rule.ts';

type Props = { projectId: string; slot: ReportSlot; onClose: (isUploaded: boolean) => void };

type Phase = 'idle' | 'uploading' | 'done' | 'failed';

const pdfOnly = {
  maxSizeMb: 50,
  maxCount: 1,
  kinds: ['pdf' as const],
  required: true,
  scope: 'report' as const,
};

/** 上传 a report: its number (unique on the platform, the public checks reports by it) and the PDF. */
export function ReportUploadDialog({ projectId, slot, onClose }: Props) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reportNumber: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const categories = useAttachmentCategories('report');
  const limits = categories.data?.find((c) => c.code === slot.category)?.limits ?? pdfOnly;
  const isUploading = phase === 'uploading';

  useEffect(() => () => abort.current?.abort(), []);

  const startUpload = async () => {
    const values = await form.validateFields().catch(() => null);
    const refusal = file ? precheckFile(file, slot.label, limits) : '请选择PDF文件';
    setFileError(refusal);
    if (!values || !file || refusal) return;
    const reportNumber = reportNumberField.parse(values.reportNumber);
    setProblem(null);
    setPercent(0);
    setPhase('uploading');
    abort.current = new AbortController();
    try {
      await uploadProjectReport(
        projectId,
        { category: slot.category, reportNumber },
        file,
        setPercent,
        abort.current.signal,
      );
      setPhase('done');
      await queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) });
      onClose(true);
    } catch (error) {
      setPhase('failed');
      setProblem(applyProblemToForm(form, error));
    }
  };

  return (
    <Modal
      open
      title={`上传${slot.label}`}
      onCancel={() => onClose(false)}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={() => onClose(false)}>
          {isUploading ? '取消上传' : '取消'}
        </Button>,
        <Button key="upload" type="primary" loading={isUploading} onClick={startUpload}>
          上传
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reportNumber"
          label="报告编号"
          required
          rules={[fieldRule(reportNumberField)]}
          extra="报告编号在全平台唯一，公众可凭报告编号查询报告真伪"
        >
          <Input maxLength={40} placeholder="请输入报告编号" disabled={isUploading} />
        </Form.Item>
        <Form.Item
          label="报告文件"
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? describeLimits(limits)}
        >
          <Upload.Dragger
            accept=".pdf,application/pdf"
            multiple={false}
            showUploadList={false}
            disabled={isUploading}
            beforeUpload={(picked) => {
              setFile(picked);
              setFileError(null);
              setPhase('idle');
              setProblem(null);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将PDF文件拖到此处</p>
          </Upload.Dragger>
        </Form.Item>
        {file && (
          <Space style={{ marginBottom: 12 }}>
            <PaperClipOutlined />
            <Typography.Text>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
          </Space>
        )}
        {phase !== 'idle' && (
          <div data-testid="upload-progress">
            <Progress percent={percent} status={phase === 'failed' ? 'exception' : 'active'} />
          </div>
        )}
        {problem && <Alert type="error" showIcon title="无法上传" description={problem} />}
      </Form>
    </Modal>
  );
}
