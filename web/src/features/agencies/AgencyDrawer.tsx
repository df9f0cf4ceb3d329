import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Skeleton, Space } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { AgencyDescriptions } from './AgencyDescriptions.tsx';
import { agencyKeys, fetchAgency } from './api.ts';

/** One agency's details and its 资质证明, read-only, for regulators and administrators. */
export function AgencyDrawer({ agencyId, onClose }: { agencyId: string | null; onClose: () => void }) {
  const agency = useQuery({
    queryKey: agencyKeys.one(agencyId ?? ''),
    queryFn: () => fetchAgency(agencyId ?? ''),
    enabled: agencyId !== null,
  });

  return (
    <Drawer
      open={agencyId !== null}
      onClose={onClose}
      size={760}
      title={agency.data?.name ?? '机构详情'}
      destroyOnHidden
    >
      {agency.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {agency.isError && <Alert type="error" showIcon title={errorMessage(agency.error)} />}
      {agency.data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <AgencyDescriptions agency={agency.data} />
          <AttachmentsSection ownerType="agency" ownerId={agency.data.id} title="资质证明" canEdit={false} />
        </Space>
      )}
    </Drawer>
  );
}
