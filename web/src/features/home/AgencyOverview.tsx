import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { AgencyStatusTag } from '../agencies/AgencyStatusTag.tsx';
import { agencyKeys, fetchCurrentAgency } from '../agencies/api.ts';
import { useAttachmentCategories, useOwnerAttachments } from '../attachments/api.ts';

function MaterialsSummary({ agencyId, canEdit }: { agencyId: string; canEdit: boolean }) {
  const navigate = useNavigate();
  const files = useOwnerAttachments('agency', agencyId);
  const categories = useAttachmentCategories('agency');
  if (!files.data || !categories.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  const uploaded = new Set(files.data.map((f) => f.category));
  const missing = categories.data.filter((c) => c.limits.required && !uploaded.has(c.code));
  if (missing.length === 0) {
    return <Alert type="success" showIcon title="资质证明的必传材料已齐全" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={`资质证明还缺 ${missing.length} 项必传材料：${missing.map((c) => c.label).join('、')}`}
      action={
        canEdit ? (
          <Button size="small" onClick={() => navigate('/agency')}>
            去上传
          </Button>
        ) : undefined
      }
    />
  );
}

/** The agency's state on the workbench of its own staff. */
export function AgencyOverview({ canEdit }: { canEdit: boolean }) {
  const agency = useQuery({ queryKey: agencyKeys.current, queryFn: fetchCurrentAgency });
  if (agency.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (agency.isError) return <Alert type="error" showIcon title={errorMessage(agency.error)} />;
  const info = agency.data;
  return (
    <Card title="本机构">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <Statistic title="机构名称" value={info.name} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="审核状态" valueRender={() => <AgencyStatusTag status={info.status} />} />
        </Col>
        <Col xs={12} md={8}>
          <Statistic
            title="CMA 有效期至"
            value={info.cmaValidTo ?? '—'}
            styles={{ content: { fontSize: 18 } }}
          />
        </Col>
      </Row>
      <MaterialsSummary agencyId={info.id} canEdit={canEdit} />
    </Card>
  );
}
