import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProjectDetail, ReportSlot } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api.ts';
import { formatDateTime, formatFileSize } from '../../../app/time.ts';
import { attachmentDownloadUrl } from '../../attachments/api.ts';
import { ReportVerifyQr } from '../../public/ReportVerifyQr.tsx';
import { deleteProjectReport, projectKeys } from '../api.ts';
import { ReportUploadDialog } from './ReportUploadDialog.tsx';

/** 监测报告: one row per report the 监测类型 calls for; upload and delete while the project is open. */
export function ReportsTab({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState<ReportSlot | null>(null);
  const canEdit = project.canEditReports;
  const missing = project.reports.filter((s) => s.required && !s.report).map((s) => s.label);

  const handleDelete = async (slot: ReportSlot) => {
    if (!slot.report) return;
    try {
      await deleteProjectReport(project.id, slot.report.id);
      message.success(`已删除${slot.label}`);
      onChanged();
      await queryClient.invalidateQueries({ queryKey: projectKeys.one(project.id) });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<ReportSlot> = [
    {
      title: '报告类型',
      dataIndex: 'label',
      width: 200,
      render: (label: string, slot) => (
        <Space size={4}>
          {slot.required && <span style={{ color: '#ff4d4f' }}>*</span>}
          <Typography.Text strong>{label}</Typography.Text>
          {slot.required && <Tag color="red">必传</Tag>}
        </Space>
      ),
    },
    {
      title: '报告编号',
      key: 'reportNumber',
      width: 200,
      render: (_v, slot) => slot.report?.reportNumber ?? '—',
    },
    {
      title: '报告文件',
      key: 'file',
      render: (_v, slot) =>
        slot.report ? (
          <Space>
            <FilePdfOutlined />
            <a href={attachmentDownloadUrl(slot.report.attachmentId)} download>
              {slot.report.fileName}
            </a>
            <Typography.Text type="secondary">{formatFileSize(slot.report.size)}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type={slot.required ? 'danger' : 'secondary'}>
            {slot.required ? '尚未上传（必传）' : '未上传'}
          </Typography.Text>
        ),
    },
    {
      title: '上传时间',
      key: 'uploadedAt',
      width: 170,
      render: (_v, slot) => formatDateTime(slot.report?.uploadedAt),
    },
  ];
  if (project.status === 'approved') {
    columns.push({
      title: '核验二维码',
      key: 'qr',
      width: 170,
      render: (_v, slot) =>
        slot.report ? (
          <ReportVerifyQr reportId={slot.report.id} reportNumber={slot.report.reportNumber} size={96} />
        ) : null,
    });
  }
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_v, slot) =>
        slot.report ? (
          <Popconfirm
            title={`删除${slot.label}`}
            description={`确定删除「${slot.report.fileName}」吗？删除后可重新上传。`}
            okText="确定"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => handleDelete(slot)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" icon={<UploadOutlined />} onClick={() => setUploading(slot)}>
            上传
          </Button>
        ),
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && missing.length > 0 && (
        <Alert type="warning" showIcon title={`提交前请上传：${missing.join('、')}（PDF格式）`} />
      )}
      <Table<ReportSlot>
        rowKey="category"
        size="middle"
        columns={columns}
        dataSource={project.reports}
        pagination={false}
        locale={{ emptyText: '该监测类型无需上传监测报告' }}
      />
      {uploading && (
        <ReportUploadDialog
          projectId={project.id}
          slot={uploading}
          onClose={(isUploaded) => {
            if (isUploaded) {
              message.success(`${uploading.label}已上传`);
              onChanged();
            }
            setUploading(null);
          }}
        />
      )}
    </Space>
  );
}
