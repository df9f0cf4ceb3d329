import { DeleteOutlined, DownloadOutlined, FileOutlined } from '@ant-design/icons';
import type { Attachment } from '@eco/contracts';
import { Button, List, Popconfirm, Space, Typography } from 'antd';
import { formatDateTime, formatFileSize } from '../../app/time.ts';
import { attachmentDownloadUrl } from '../attachments/api.ts';

type Props = {
  files: Attachment[];
  emptyText?: string;
  /** Shows 删除 on each file. */
  onDelete?: (file: Attachment) => Promise<void>;
  testId?: string;
};

/** Files with 下载 (and 删除 while they may still change). */
export function FileList({ files, emptyText = '暂无文件', onDelete, testId }: Props) {
  if (files.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {emptyText}
      </Typography.Text>
    );
  }
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={files}
      renderItem={(file) => (
        <List.Item
          actions={[
            <Button
              key="download"
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              href={attachmentDownloadUrl(file.id)}
              download
            >
              下载
            </Button>,
            ...(onDelete
              ? [
                  <Popconfirm
                    key="delete"
                    title="删除文件"
                    description={`确定删除「${file.fileName}」吗？`}
                    okText="确定"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onDelete(file)}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      删除
                    </Button>
                  </Popconfirm>,
                ]
              : []),
          ]}
        >
          <Space wrap>
            <FileOutlined />
            <span>{file.fileName}</span>
            <Typography.Text type="secondary">
              {formatFileSize(file.size)} · {formatDateTime(file.uploadedAt)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
