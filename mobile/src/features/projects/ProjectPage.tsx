import './projects.css';
import type { FieldProjectDetail, FieldTaskStatus } from '@eco/contracts';
import Button from 'antd-mobile/es/components/button';
import List from 'antd-mobile/es/components/list';
import NoticeBar from 'antd-mobile/es/components/notice-bar';
import SpinLoading from 'antd-mobile/es/components/spin-loading';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { PostTags } from '../../app/PostTags.tsx';
import { useBack } from '../../app/use-back.ts';
import { useResource } from '../../app/use-resource.ts';
import { listTaskSnapshots, type TaskSnapshot } from '../sync/db.ts';
import { useOutbox } from '../sync/use-sync.ts';
import { TaskStatusTag } from '../tasks/TaskStatusTag.tsx';
import { queuedStatus } from '../tasks/task-view.ts';
import { AddTaskPopup } from './AddTaskPopup.tsx';
import { fetchProjectDetail, loadPhotoTypes } from './api.ts';

type TaskRow = {
  id: string;
  pointName: string;
  status: FieldTaskStatus;
  createdAt: string;
  isQueued: boolean;
};

/** The project's tasks from the server, and those made on this phone that are still in the queue. */
function useTaskRows(project: FieldProjectDetail): TaskRow[] {
  const items = useOutbox();
  const [local, setLocal] = useState<TaskSnapshot[]>([]);
  const queuedTaskIds = items.filter((item) => item.kind === 'task').map((item) => item.taskId);
  const queuedKey = queuedTaskIds.join();
  useEffect(() => {
    const ids = new Set(queuedKey.split(','));
    listTaskSnapshots().then(
      (snapshots) => setLocal(snapshots.filter((s) => s.projectId === project.id && ids.has(s.id))),
      () => undefined,
    );
  }, [project.id, queuedKey]);
  const fromServer = project.tasks.map((task) => ({ ...task, isQueued: false }));
  const onPhone = local
    .filter((task) => !project.tasks.some((t) => t.id === task.id))
    .map((task) => ({ ...task, isQueued: true }));
  return [...onPhone, ...fromServer].map((task) => ({
    id: task.id,
    pointName: task.pointName,
    status: queuedStatus(task.id, task.status, items),
    createdAt: task.createdAt,
    isQueued: task.isQueued,
  }));
}

function ProjectTasks({ project }: { project: FieldProjectDetail }) {
  const navigate = useNavigate();
  const rows = useTaskRows(project);
  return (
    <List mode="card" header="监测任务">
      {rows.length === 0 && <List.Item>暂无监测任务</List.Item>}
      {rows.map((row) => (
        <List.Item
          key={row.id}
          onClick={() => navigate(`/tasks/${row.id}`)}
          description={`${formatDateTime(new Date(row.createdAt))}${row.isQueued ? ' · 待同步' : ''}`}
          extra={<TaskStatusTag status={row.status} />}
        >
          {row.pointName}
        </List.Item>
      ))}
    </List>
  );
}

function ProjectDetails({ project, isOffline }: { project: FieldProjectDetail; isOffline: boolean }) {
  const [isAdding, setIsAdding] = useState(false);
  useEffect(() => {
    // A task created offline needs the 照片类型 rules: keep them on the phone while online.
    if (project.canCreateTask) void loadPhotoTypes();
  }, [project.canCreateTask]);

  return (
    <>
      {isOffline && <NoticeBar color="alert" wrap content="网络已断开：显示上次联网时的项目信息" />}
      <List mode="card" header="项目信息">
        <List.Item description={project.projectNo}>{project.name}</List.Item>
        <List.Item extra={project.monitoringTypeLabel}>监测类型</List.Item>
        <List.Item extra={project.address}>项目地址</List.Item>
        <List.Item extra={`${formatDate(project.plannedStart)} 至 ${formatDate(project.plannedEnd)}`}>
          计划时间
        </List.Item>
        <List.Item extra={<PostTags posts={project.myPosts} />}>我的岗位</List.Item>
      </List>
      <List mode="card" header="监测点位">
        {project.items.length === 0 && <List.Item>暂无监测点位</List.Item>}
        {project.items.map((item) => (
          <List.Item key={item.id} description={[item.medium, item.factors].filter(Boolean).join(' · ')}>
            {item.pointName}
          </List.Item>
        ))}
      </List>
      <ProjectTasks project={project} />
      {project.canCreateTask && (
        <div className="page-actions">
          <Button block color="primary" size="large" onClick={() => setIsAdding(true)}>
            添加监测任务
          </Button>
          <AddTaskPopup project={project} visible={isAdding} onClose={() => setIsAdding(false)} />
        </div>
      )}
    </>
  );
}

/** A project of 在行项目 / 完成项目: its information, 监测点位, tasks and 添加监测任务. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const load = useCallback(() => fetchProjectDetail(id), [id]);
  const project = useResource(load);
  const goBack = useBack('/projects');

  return (
    <Page title="项目详情" onBack={goBack}>
      {project.status === 'failed' && <ErrorNotice className="page-notice" message={project.message} />}
      {project.data ? (
        <ProjectDetails project={project.data.data} isOffline={project.data.isOffline} />
      ) : (
        project.status === 'loading' && (
          <div className="center-block">
            <SpinLoading color="primary" />
          </div>
        )
      )}
    </Page>
  );
}
