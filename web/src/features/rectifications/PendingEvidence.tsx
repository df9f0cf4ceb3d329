import { UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { deleteAttachment, useAttachmentCategories } from '../attachments/api.ts';
import { describeLimits } from '../attachments/kinds.ts';
import { UploadDialog } from '../attachments/UploadDialog.tsx';
import { violationKeys } from '../violations/api.ts';
import { FileList } from '../violations/FileList.tsx';

type Props = {
  violationId: string;
  /** Uploaded for this round, not yet submitted (the violation's `pendingEvidence`). */
  files: Attachment[];
};

/** 整改佐证材料 for the next round: uploaded one by one, deletable until 提交整改. */
export function PendingEvidence({ violationId, files }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const categories = useAttachmentCategories('rectification');
  const [isUploadOpen, setUploadOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: violationKeys.one(violationId) });

  const counts: Record<string, number> = {};
  for (const file of files) counts[file.category] = (counts[file.category] ?? 0) + 1;

  const remove = async (file: Attachment) => {
    try {
      await deleteAttachment(file.id);
      message.success(`已删除「${file.fileName}」`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      await refresh();
    }
  };

  const limits = categories.data?.[0]?.limits;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button
          icon={<UploadOutlined />}
          disabled={!categories.data || categories.data.length === 0}
          onClick={() => setUploadOpen(true)}
        >
          上传佐证材料
        </Button>
        {limits && <Typography.Text type="secondary">{describeLimits(limits)}</Typography.Text>}
      </Space>
      {categories.isError && <Alert type="error" showIcon title={errorMessage(categories.error)} />}
      <FileList
        files={files}
        emptyText="尚未上传整改佐证材料（至少上传1个文件）"
        onDelete={remove}
        testId="pending-evidence"
      />
      {isUploadOpen && categories.data && (
        <UploadDialog
          ownerType="rectification"
          ownerId={violationId}
          title="整改佐证材料"
          categories={categories.data}
          counts={counts}
          onClose={() => {
            setUploadOpen(false);
            void refresh();
          }}
        />
      )}
    </Space>
  );
}
