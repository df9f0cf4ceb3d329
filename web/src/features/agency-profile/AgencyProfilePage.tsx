import { EditOutlined, SendOutlined } from '@ant-design/icons';
import type { AgencyProfileInput, AgencyProfileView } from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { AgencyStatusTag } from '../agencies/AgencyStatusTag.tsx';
import { agencyKeys } from '../agencies/api.ts';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { useAttachmentCategories, useOwnerAttachments } from '../attachments/api.ts';
import { fetchOwnProfile, profileKeys, saveOwnProfile, submitOwnProfile } from './api.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { ProfileDescriptions } from './ProfileDescriptions.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';

function StatusBanner({ view }: { view: AgencyProfileView }) {
  const { pending } = view;
  const isApproved = view.approvedAt !== null || view.status === 'approved';
  if (pending?.status === 'returned') {
    return (
      <Alert
        type="error"
        showIcon
        title="机构信息被监管部门退回，请按退回原因修改后重新提交审核"
        description={<span data-testid="return-reason">退回原因：{pending.returnReason}</span>}
      />
    );
  }
  if (pending?.status === 'submitted') {
    const tail = isApproved ? '审核通过前，下方展示的现行信息保持不变。' : '审核通过后才可进行项目登记。';
    return <Alert type="info" showIcon title={`机构信息已提交，等待监管部门审核。${tail}`} />;
  }
  if (pending?.status === 'draft') {
    return (
      <Alert type="warning" showIcon title="有已保存但尚未提交审核的修改，请上传全部必传附件后提交审核。" />
    );
  }
  if (!isApproved) {
    return (
      <Alert type="warning" showIcon title="机构信息尚未通过监管部门审核，审核通过后才可进行项目登记。" />
    );
  }
  return null;
}

/** Required categories without a file yet, live as files are uploaded and deleted. */
function MissingAttachments({ agencyId }: { agencyId: string }) {
  const files = useOwnerAttachments('agency', agencyId);
  const categories = useAttachmentCategories('agency');
  if (!files.data || !categories.data) return null;
  const uploaded = new Set(files.data.map((f) => f.category));
  const missing = categories.data.filter((c) => c.limits.required && !uploaded.has(c.code));
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="missing-attachments"
      title={`提交审核前还需上传：${missing.map((m) => m.label).join('、')}`}
    />
  );
}

/** 机构信息: the version in force, the pending edit with its changes, 资质证明 and 审核记录. */
export function AgencyProfilePage() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: profileKeys.current, queryFn: fetchOwnProfile });
  const [isEditing, setEditing] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const isAdmin = me.role === 'agency_admin';

  if (profile.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (profile.isError)
    return <Alert type="error" showIcon title="机构信息加载失败" description={errorMessage(profile.error)} />;
  const view = profile.data;
  const canSave = view.actions.includes('save');
  const canSubmit = view.actions.includes('submit');
  const isApproved = view.approvedAt !== null || view.status === 'approved';

  const refresh = async (next: AgencyProfileView) => {
    queryClient.setQueryData(profileKeys.current, next);
    await queryClient.invalidateQueries({ queryKey: agencyKeys.current });
  };
  const save = async (input: AgencyProfileInput) => {
    await refresh(await saveOwnProfile(input));
    setEditing(false);
    message.success(isApproved ? '已保存；修改后的信息需提交监管部门审核' : '已保存');
  };
  const submitNow = async () => {
    setSubmitting(true);
    try {
      await refresh(await submitOwnProfile());
      message.success('已提交审核');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };
  const saveAndSubmit = async (input: AgencyProfileInput) => {
    await refresh(await saveOwnProfile(input));
    setEditing(false);
    await submitNow();
  };

  const statusTag = (
    <Space size={4}>
      <AgencyStatusTag status={view.status} />
      {isApproved && view.pending && (
        <Tag color={view.pending.status === 'returned' ? 'error' : 'processing'}>
          {view.pending.status === 'returned'
            ? '修改被退回'
            : view.pending.status === 'submitted'
              ? '修改待审核'
              : '修改未提交'}
        </Tag>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <StatusBanner view={view} />
      <Card
        title={isEditing ? '修改机构信息' : isApproved ? '机构信息（现行）' : '机构信息'}
        extra={
          !isEditing && (
            <Space>
              {canSave && (
                <Button icon={<EditOutlined />} data-testid="edit-profile" onClick={() => setEditing(true)}>
                  修改
                </Button>
              )}
              {canSubmit && (
                <Button type="primary" icon={<SendOutlined />} loading={isSubmitting} onClick={submitNow}>
                  提交审核
                </Button>
              )}
            </Space>
          )
        }
      >
        {isEditing ? (
          <ProfileForm
            initial={view.pending?.data ?? view.inForce}
            canSubmit
            onSave={save}
            onSaveAndSubmit={saveAndSubmit}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <ProfileDescriptions values={view.inForce} status={statusTag} />
        )}
        {!isAdmin && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            机构信息和资质证明由机构法人账号维护，登记人员只能查看。
          </Typography.Paragraph>
        )}
      </Card>
      {isApproved && view.pending && view.pending.changes.length > 0 && (
        <Card title="本次修改内容（审核通过后生效）" data-testid="pending-changes">
          <ChangesTable changes={view.pending.changes} />
        </Card>
      )}
      {isAdmin && <MissingAttachments agencyId={view.agencyId} />}
      <AttachmentsSection ownerType="agency" ownerId={view.agencyId} title="资质证明" canEdit={isAdmin} />
      <Card title="审核记录">
        <ReviewHistory records={view.history} />
      </Card>
    </Space>
  );
}
