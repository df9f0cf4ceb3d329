import { type ProjectAction, type ProjectDetail, projectWorkflow } from '@eco/contracts';
import { Card, Empty, Tabs, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/time.ts';
import { FieldTasksPanel } from '../../field-work/FieldTasksPanel.tsx';
import { type ItemRow, MonitoringItemsTable } from '../MonitoringItemsTable.tsx';
import { BasicInfoTab } from './BasicInfoTab.tsx';
import { ReportsTab } from './ReportsTab.tsx';

/** History rows name the action (`submit`) or, as the server records them, its result (`submitted`). */
const recordedActions: Record<string, ProjectAction> = {
  submitted: 'submit',
  resubmitted: 'resubmit',
  approved: 'approve',
  returned: 'return',
};
const actionColors: Record<ProjectAction, string> = {
  submit: 'blue',
  resubmit: 'blue',
  approve: 'green',
  return: 'red',
};

function actionOf(recorded: string): ProjectAction | null {
  if (recorded in projectWorkflow) return recorded as ProjectAction;
  return recordedActions[recorded] ?? null;
}

function itemRows(project: ProjectDetail): ItemRow[] {
  return project.items.map((item) => ({
    key: item.id,
    pointName: item.pointName,
    medium: item.medium,
    factors: item.factors,
    frequency: item.frequency,
    sampleCount: item.sampleCount,
    samplers: item.samplers.map((s) => s.name),
    couriers: item.couriers.map((s) => s.name),
    analysts: item.analysts.map((s) => s.name),
  }));
}

/** 监测信息: the field work recorded on the phones, above what was registered. */
function MonitoringTab({ project }: { project: ProjectDetail }) {
  return (
    <>
      <FieldTasksPanel projectId={project.id} />
      <Card size="small" title="登记的监测信息">
        <MonitoringItemsTable rows={itemRows(project)} />
      </Card>
    </>
  );
}

/** 审核记录: submissions, approvals and returns with their reasons. */
function ReviewRecords({ project }: { project: ProjectDetail }) {
  if (project.reviews.length === 0) {
    return <Empty description="暂无审核记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  return (
    <Timeline
      items={project.reviews.map((r) => {
        const action = actionOf(r.action);
        return {
          key: r.id,
          color: action ? actionColors[action] : 'gray',
          content: (
            <div data-testid="review-record">
              <Typography.Text strong>{action ? projectWorkflow[action].label : r.action}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                · {r.actorName} · {formatDateTime(r.createdAt)}
              </Typography.Text>
              {r.reason && <div>退回原因：{r.reason}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** The four parts of 办理 / 查看. */
export function ProjectTabs({
  project,
  onReportsChanged,
}: {
  project: ProjectDetail;
  onReportsChanged: () => void;
}) {
  return (
    <Card>
      <Tabs
        items={[
          { key: 'monitoring', label: '监测信息', children: <MonitoringTab project={project} /> },
          {
            key: 'reports',
            label: '监测报告',
            children: <ReportsTab project={project} onChanged={onReportsChanged} />,
          },
          { key: 'basic', label: '基本信息', children: <BasicInfoTab project={project} /> },
          { key: 'reviews', label: '审核记录', children: <ReviewRecords project={project} /> },
        ]}
      />
    </Card>
  );
}
