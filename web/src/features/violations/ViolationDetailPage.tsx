import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { acceptRectification, fetchViolation, rejectRectification, violationKeys } from './api.ts';
import { RectificationRounds } from './RectificationRounds.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { useGoBack } from './useGoBack.ts';
import { ViolationFacts } from './ViolationFacts.tsx';
import { ViolationStateTag } from './ViolationStateTag.tsx';

/** 违规详情 (regulator): the violation, its 违规证据, every round, and 整改通过 / 驳回整改. */
export function ViolationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const goBack = useGoBack('/violations');
  const detail = useQuery({ queryKey: violationKeys.one(id), queryFn: () => fetchViolation(id) });

  const decide = async (label: string, run: () => ReturnType<typeof fetchViolation>) => {
    setProblem(null);
    try {
      const next = await run();
      queryClient.setQueryData(violationKeys.one(id), next);
      message.success(`${label}成功`);
      await queryClient.invalidateQueries({ queryKey: violationKeys.all });
    } catch (error) {
      setProblem(`${label}失败：${errorMessage(error)}`);
      throw error;
    }
  };

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    return (
      <Card>
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
        <Button style={{ marginTop: 16 }} onClick={() => navigate('/violations')}>
          返回违规管理
        </Button>
      </Card>
    );
  }
  const v = detail.data;
  const awaiting = v.rounds.find((r) => r.decision === null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回列表" onClick={goBack} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              违规详情
            </Typography.Title>
            <ViolationStateTag state={v.state} />
          </Space>
        }
        extra={
          <ReviewActions
            violation={v}
            onAccept={() => decide('整改通过', () => acceptRectification(id))}
            onReject={(reason) => decide('驳回整改', () => rejectRectification(id, reason))}
          />
        }
      >
        {awaiting && v.actions.includes('accept') && (
          <Alert
            type="info"
            showIcon
            title={`机构已提交第${awaiting.round}轮整改，请审核：整改通过或驳回整改（需填写驳回原因）。`}
            style={{ marginBottom: 12 }}
          />
        )}
        {v.state === 'overdue' && (
          <Alert
            type="warning"
            showIcon
            title="已超过整改期限，机构尚未提交整改。"
            style={{ marginBottom: 12 }}
          />
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblem(null) }}
            title={problem}
            style={{ marginBottom: 12 }}
          />
        )}
        <ViolationFacts violation={v} />
      </Card>
      <AttachmentsSection
        ownerType="violation"
        ownerId={v.id}
        title="违规证据"
        canEdit={v.status !== 'accepted'}
      />
      <Card title="整改记录" data-testid="rectification-rounds">
        <RectificationRounds rounds={v.rounds} />
      </Card>
    </Space>
  );
}
