import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { type Attachment, type AttachmentOwnerType, attachmentScopeOf } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime, formatFileSize } from '../../app/time.ts';
import {
  type AttachmentCategory,
  attachmentDownloadUrl,
  attachmentKeys,
  deleteAttachment,
  useAttachmentCategories,
  useOwnerAttachments,
} from './api.ts';
import { describeLimits } from './kinds.ts';
import { RenameDialog } from './RenameDialog.tsx';
import { UploadDialog } from './UploadDialog.tsx';

type Props = {
  /** `project_draft` lists a form's files before it is saved, with the `project` types' limits. */
  ownerType: AttachmentOwnerType;
  ownerId: string;
  title: string;
  /** Upload, rename and delete; without it the files are only listed and downloaded. */
  canEdit: boolean;
};

type Group = { category: AttachmentCategory | null; code: string; label: string; files: Attachment[] };

function groupByCategory(categories: AttachmentCategory[], files: Attachment[]): Group[] {
  const groups: Group[] = categories.map((c) => ({ category: c, code: c.code, label: c.label, files: [] }));
  for (const file of files) {
    let group = groups.find((g) => g.code === file.category);
    if (!group) {
      // A file of a category disabled since: still listed, under the label it was stored with.
      group = { category: null, code: file.category, label: file.categoryLabel, files: [] };
      groups.push(group);
    }
    group.files.push(file);
  }
  return groups;
}

export function AttachmentsSection({ ownerType, ownerId, title, canEdit }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const files = useOwnerAttachments(ownerType, ownerId);
  const categories = useAttachmentCategories(attachmentScopeOf(ownerType));
  const [isUploadOpen, setUploadOpen] = useState(false);
  const [renaming, setRenaming] = useState<Attachment | null>(null);

  const groups = useMemo(
    () => groupByCategory(categories.data ?? [], files.data ?? []),
    [categories.data, files.data],
  );
  const counts = useMemo(() => {
    const result: Record<string, number> = {};
    for (const group of groups) result[group.code] = group.files.length;
    return result;
  }, [groups]);

  const handleDelete = async (file: Attachment) => {
    try {
      await deleteAttachment(file.id);
      message.success(`已删除「${file.fileName}」`);
      await queryClient.invalidateQueries({ queryKey: attachmentKeys.owner(ownerType, ownerId) });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<Attachment> = [
    {
      title: '文件名',
      dataIndex: 'fileName',
      render: (name: string) => (
        <Space>
          <FileOutlined />
          <span>{name}</span>
        </Space>
      ),
    },
    { title: '大小', dataIndex: 'size', width: 110, render: (size: number) => formatFileSize(size) },
    { title: '上传时间', dataIndex: 'uploadedAt', width: 180, render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: canEdit ? 220 : 90,
      render: (_value, file) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            href={attachmentDownloadUrl(file.id)}
            download
          >
            下载
          </Button>
          {canEdit && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setRenaming(file)}>
              改名
            </Button>
          )}
          {canEdit && (
            <Popconfirm
              title="删除文件"
              description={`确定删除「${file.fileName}」吗？删除后不可恢复。`}
              okText="确定"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => handleDelete(file)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const loadError = files.error ?? categories.error;
  return (
    <Card
      title={title}
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!categories.data || categories.data.length === 0}
            onClick={() => setUploadOpen(true)}
          >
            点击选择文件
          </Button>
        )
      }
    >
      {loadError && (
        <Alert type="error" showIcon title={errorMessage(loadError)} style={{ marginBottom: 16 }} />
      )}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {groups.map((group) => (
          <section key={group.code} data-testid={`attachment-group-${group.code}`}>
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {group.category?.limits.required && <span style={{ color: '#ff4d4f' }}>* </span>}
                {group.label}
              </Typography.Text>
              {group.category?.limits.required && <Tag color="red">必传</Tag>}
              {group.category && (
                <Typography.Text type="secondary">
                  {describeLimits(group.category.limits)} · 已上传 {group.files.length} 个
                </Typography.Text>
              )}
              {!group.category && <Tag>该分类已停用</Tag>}
            </Space>
            <Table<Attachment>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={group.files}
              loading={files.isPending}
              pagination={false}
              locale={{
                emptyText: group.category?.limits.required ? '尚未上传（必传材料）' : '暂无文件',
              }}
            />
          </section>
        ))}
      </Space>
      {isUploadOpen && categories.data && (
        <UploadDialog
          ownerType={ownerType}
          ownerId={ownerId}
          title={title}
          categories={categories.data}
          counts={counts}
          onClose={() => setUploadOpen(false)}
        />
      )}
      {renaming && <RenameDialog attachment={renaming} onClose={() => setRenaming(null)} />}
    </Card>
  );
}
