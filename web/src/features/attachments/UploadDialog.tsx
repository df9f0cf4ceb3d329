import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment, AttachmentOwnerType } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Progress, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatFileSize } from '../../app/time.ts';
import { type AttachmentCategory, attachmentKeys, uploadAttachment } from './api.ts';
import { acceptFor, describeLimits, precheckFile } from './kinds.ts';

type Phase = 'idle' | 'uploading' | 'done' | 'failed';

type Props = {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  /** The section the files belong to, e.g. 资质证明. */
  title: string;
  categories: AttachmentCategory[];
  /** Files already uploaded per category code, to show and enforce each category's maximum. */
  counts: Record<string, number>;
  onClose: () => void;
};

function firstCategoryWithRoom(categories: AttachmentCategory[], counts: Record<string, number>) {
  const open = categories.filter((c) => (counts[c.code] ?? 0) < c.limits.maxCount);
  const missingRequired = open.find((c) => c.limits.required && (counts[c.code] ?? 0) === 0);
  return (missingRequired ?? open[0])?.code;
}

/** Picks a category and a file, then uploads it with a real progress bar. */
export function UploadDialog({ ownerType, ownerId, title, categories, counts, onClose }: Props) {
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<string | undefined>(() =>
    firstCategoryWithRoom(categories, counts),
  );
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<Attachment | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const selected = useMemo(() => categories.find((c) => c.code === category), [categories, category]);
  const isUploading = phase === 'uploading';

  const chooseFile = (next: File) => {
    setFile(next);
    setPhase('idle');
    setPercent(0);
    setProblem(null);
    setUploaded(null);
  };

  const startUpload = async () => {
    if (!selected || !file) return;
    const refusal = precheckFile(file, selected.label, selected.limits);
    if (refusal) {
      setProblem(refusal);
      setPhase('idle');
      return;
    }
    setProblem(null);
    setPercent(0);
    setPhase('uploading');
    abort.current = new AbortController();
    try {
      const saved = await uploadAttachment(
        { ownerType, ownerId, category: selected.code },
        file,
        setPercent,
        abort.current.signal,
      );
      setUploaded(saved);
      setPhase('done');
      await queryClient.invalidateQueries({ queryKey: attachmentKeys.owner(ownerType, ownerId) });
    } catch (error) {
      setProblem(errorMessage(error));
      setPhase('failed');
    }
  };

  const startAnother = () => {
    setFile(null);
    setPhase('idle');
    setPercent(0);
    setProblem(null);
    setUploaded(null);
    setCategory(firstCategoryWithRoom(categories, counts));
  };

  const footer =
    phase === 'done'
      ? [
          <Button key="again" onClick={startAnother}>
            继续上传
          </Button>,
          <Button key="close" type="primary" onClick={onClose}>
            完成
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={onClose}>
            {isUploading ? '取消上传' : '取消'}
          </Button>,
          <Button
            key="upload"
            type="primary"
            loading={isUploading}
            disabled={!selected || !file}
            onClick={startUpload}
          >
            上传
          </Button>,
        ];

  return (
    <Modal
      open
      title={`上传${title}`}
      onCancel={onClose}
      footer={footer}
      mask={{ closable: false }}
      width={560}
    >
      <Form layout="vertical">
        <Form.Item label="附件类型" required>
          <Select
            value={category}
            onChange={(value) => {
              setCategory(value);
              setProblem(null);
              if (phase !== 'uploading') setPhase('idle');
            }}
            disabled={isUploading}
            placeholder="请选择附件类型"
            options={categories.map((c) => {
              const count = counts[c.code] ?? 0;
              const isFull = count >= c.limits.maxCount;
              return {
                value: c.code,
                disabled: isFull,
                label: `${c.label}${c.limits.required ? '（必传）' : ''}　已上传 ${count}/${c.limits.maxCount}${isFull ? '，已满' : ''}`,
              };
            })}
          />
        </Form.Item>
        {selected && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {describeLimits(selected.limits)}
          </Typography.Paragraph>
        )}
        <Form.Item label="文件" required>
          <Upload.Dragger
            accept={selected ? acceptFor(selected.limits.kinds) : undefined}
            multiple={false}
            showUploadList={false}
            disabled={isUploading}
            beforeUpload={(picked) => {
              chooseFile(picked);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将文件拖到此处</p>
            <p className="ant-upload-hint">文件类型以文件实际内容为准，仅修改扩展名的文件会被拒绝</p>
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
            <Progress
              percent={percent}
              status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : 'active'}
            />
          </div>
        )}
        {problem && (
          <Alert type="error" showIcon title="无法上传" description={problem} style={{ marginTop: 12 }} />
        )}
        {uploaded && (
          <Alert
            type="success"
            showIcon
            title={`已上传到「${uploaded.categoryLabel}」：${uploaded.fileName}`}
            style={{ marginTop: 12 }}
          />
        )}
      </Form>
    </Modal>
  );
}
