import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ViolationDetail } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { formatDate } from '../../app/time.ts';
import { fetchViolation, violationKeys } from '../violations/api.ts';
import { FileList } from '../violations/FileList.tsx';
import { RectificationRounds } from '../violations/RectificationRounds.tsx';
import { useGoBack } from '../violations/useGoBack.ts';
import { ViolationFacts } from '../violations/ViolationFacts.tsx';
import { ViolationStateTag } from '../violations/ViolationStateTag.tsx';
import { RectificationForm } from './RectificationForm.tsx';

/** The line above the facts that says where the violation stands and what to do next. */
function StatusNotice({ violation: v, canRectify }: { violation: ViolationDetail; canRectify: boolean }) {
  const last = v.rounds.reduce<ViolationDetail['rounds'][number] | null>(
    (latest, r) => (latest === null || r.round > latest.round ? r : latest),
    null,
  );
  const notices = [];
  if (v.status === 'pending' && last?.decision === 'rejected') {
    notices.push(
      <Alert
        key="rejected"
        type="error"
        showIcon
        data-testid="last-reject-reason"
        title={`第${last.round}轮整改被驳回，驳回原因：${last.reason ?? '—'}`}
        description={canRectify ? '请按驳回原因重新整改，并再次提交整改情况说明和佐证材料。' : undefined}
      />,
    );
  }
  if (v.state === 'overdue') {
    notices.push(
      <Alert
        key="overdue"
        type="warning"
        showIcon
        data-testid="overdue-warning"
        title={`已超过整改期限（${formatDate(v.deadline)}），请尽快完成整改并提交。`}
      />,
    );
  }
  if (v.status === 'submitted') {
    notices.push(
      <Alert
        key="submitted"
        type="info"
        showIcon
        title={`已提交第${last?.round ?? v.roundCount}轮整改，等待监管部门审核。`}
      />,
    );
  }
  if (v.status === 'accepted') {
    notices.push(<Alert key="accepted" type="success" showIcon title="整改已通过，该违规问题已结案。" />);
  }
  if (notices.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {notices}
    </Space>
  );
}

/**
 * 整改 (the form, when the workflow allows it) or 查看 (every round, read-only): from
 * 历史整改记录 (`?from=history`) the page is always read-only.
 */
export function RectificationPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const isFromHistory = params.get('from') === 'history';
  const goBack = useGoBack(isFromHistory ? '/rectifications/history' : '/rectifications');
  const detail = useQuery({ queryKey: violationKeys.one(id), queryFn: () => fetchViolation(id) });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    return (
      <Card>
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
        <Button style={{ marginTop: 16 }} onClick={goBack}>
          返回列表
        </Button>
      </Card>
    );
  }
  const v = detail.data;
  const canRectify = !isFromHistory && v.actions.includes('rectify');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回列表" onClick={goBack} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {canRectify ? '违规整改' : '整改记录'}
            </Typography.Title>
            <ViolationStateTag state={v.state} />
          </Space>
        }
      >
        <StatusNotice violation={v} canRectify={canRectify} />
        <ViolationFacts violation={v} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          违规证据
        </Typography.Title>
        <FileList files={v.attachments} emptyText="监管部门未附违规证据" testId="violation-evidence" />
      </Card>
      {canRectify && <RectificationForm violation={v} />}
      <Card title="整改记录" data-testid="rectification-rounds">
        <RectificationRounds rounds={v.rounds} />
      </Card>
    </Space>
  );
}
