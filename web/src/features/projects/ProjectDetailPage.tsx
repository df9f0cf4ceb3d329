import { ArrowLeftOutlined } from '@ant-design/icons';
import { type ProjectAction, projectWorkflow } from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/time.ts';
import { projectReviewKeys } from '../project-reviews/api.ts';
import { applyProjectAction, deleteProject, fetchProject, projectKeys } from './api.ts';
import { ProjectActions } from './detail/ProjectActions.tsx';
import { ProjectTabs } from './detail/ProjectTabs.tsx';
import { ProjectStatusTag } from './ProjectStatusTag.tsx';
import { issueLabel } from './register/form.ts';

type Problem = { title: string; details: string[] };

function problemOf(title: string, error: unknown): Problem {
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  // Fields without a form label (reports.identification_plan) carry self-explaining messages.
  const details = fieldErrors.map((e) => {
    const label = issueLabel(e.field);
    return label === e.field ? e.message : `${label}：${e.message}`;
  });
  return { title: `${title}失败：${errorMessage(error)}`, details };
}

/** 办理 / 查看: one project for its agency (reports, 提交) or a regulator (审核通过, 退回). */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const detail = useQuery({ queryKey: projectKeys.one(id), queryFn: () => fetchProject(id) });
  const backTo =
    me.role === 'regulator' && detail.data?.status === 'submitted' ? '/project-reviews' : '/projects';

  const refreshLists = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.all }),
      queryClient.invalidateQueries({ queryKey: projectReviewKeys.all }),
    ]);

  const handleAction = async (action: ProjectAction, reason?: string) => {
    const label = projectWorkflow[action].label;
    setProblem(null);
    try {
      const next = await applyProjectAction(id, action, reason);
      queryClient.setQueryData(projectKeys.one(id), next);
      message.success(action === 'return' ? '已退回' : `${label}成功`);
      await refreshLists();
    } catch (error) {
      setProblem(problemOf(label, error));
      throw error;
    }
  };

  const handleDelete = async () => {
    setProblem(null);
    try {
      await deleteProject(id);
      message.success('项目已删除');
      await refreshLists();
      navigate('/projects', { replace: true });
    } catch (error) {
      setProblem(problemOf('删除', error));
      throw error;
    }
  };

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    return (
      <Card>
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
        <Button style={{ marginTop: 16 }} onClick={() => navigate('/projects')}>
          返回查询统计
        </Button>
      </Card>
    );
  }
  const p = detail.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label="返回列表"
              onClick={() => navigate(backTo)}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {p.name}
            </Typography.Title>
            <ProjectStatusTag status={p.status} />
          </Space>
        }
        extra={<ProjectActions project={p} onAction={handleAction} onDelete={handleDelete} />}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label="项目编号">{p.projectNo}</Descriptions.Item>
          <Descriptions.Item label="监测机构">{p.agencyName}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(p.submittedAt)}</Descriptions.Item>
        </Descriptions>
        {p.status === 'returned' && p.returnReason && (
          <Alert
            type="error"
            showIcon
            title={`退回原因：${p.returnReason}`}
            description={
              p.actions.includes('resubmit')
                ? '请按退回原因修改（监测报告可删除后重新上传），再点击「再提交」。'
                : undefined
            }
            style={{ marginTop: 12 }}
          />
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblem(null) }}
            title={problem.title}
            description={
              problem.details.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problem.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )
            }
            style={{ marginTop: 12 }}
          />
        )}
      </Card>
      <ProjectTabs project={p} onReportsChanged={() => setProblem(null)} />
    </Space>
  );
}
