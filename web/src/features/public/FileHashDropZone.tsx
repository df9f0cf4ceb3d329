import { InboxOutlined } from '@ant-design/icons';
import { App, Upload } from 'antd';
import { useState } from 'react';

export type HashedFile = { name: string; size: number; sha256: string };

/** SHA-256 of a file, in the browser: the file never leaves the machine. */
export async function sha256Hex(file: Blob): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new Error('当前浏览器环境无法计算文件摘要，请通过 HTTPS 访问本页面');
  }
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

/** A drop zone that hashes the PDF dropped on it; nothing is uploaded. */
export function FileHashDropZone({ onHashed }: { onHashed: (file: HashedFile) => void }) {
  const { message } = App.useApp();
  const [isHashing, setHashing] = useState(false);

  const handleFile = async (file: File) => {
    if (!isPdf(file)) {
      message.warning('请选择 PDF 格式的报告文件');
      return;
    }
    setHashing(true);
    try {
      onHashed({ name: file.name, size: file.size, sha256: await sha256Hex(file) });
    } catch (error) {
      message.error(error instanceof Error ? error.message : '文件读取失败');
    } finally {
      setHashing(false);
    }
  };

  return (
    <Upload.Dragger
      accept=".pdf,application/pdf"
      multiple={false}
      showUploadList={false}
      disabled={isHashing}
      beforeUpload={(file) => {
        void handleFile(file);
        return false;
      }}
      data-testid="public-verify-drop"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">
        {isHashing ? '正在计算文件摘要…' : '将报告 PDF 文件拖到此处，或点击选择文件'}
      </p>
      <p className="ant-upload-hint">文件只在本机浏览器中计算 SHA-256 摘要，不会上传到服务器</p>
    </Upload.Dragger>
  );
}
