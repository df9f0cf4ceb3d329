import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { AgencyDescriptions } from './AgencyDescriptions.tsx';
import { agencyKeys, fetchCurrentAgency } from './api.ts';

/** 机构信息: the caller's own agency; only the legal-person account manages its 资质证明. */
export function AgencyProfilePage() {
  const me = useMe();
  const agency = useQuery({ queryKey: agencyKeys.current, queryFn: fetchCurrentAgency });
  const canEdit = me.role === 'agency_admin';

  if (agency.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (agency.isError)
    return <Alert type="error" showIcon title="机构信息加载失败" description={errorMessage(agency.error)} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="机构信息">
        <AgencyDescriptions agency={agency.data} />
        {!canEdit && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            机构信息和资质证明由机构法人账号维护，登记人员只能查看。
          </Typography.Paragraph>
        )}
      </Card>
      <AttachmentsSection ownerType="agency" ownerId={agency.data.id} title="资质证明" canEdit={canEdit} />
    </Space>
  );
}
