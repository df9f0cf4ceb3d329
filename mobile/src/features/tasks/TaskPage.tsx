import './tasks.css';
import Button from 'antd-mobile/es/components/button';
import List from 'antd-mobile/es/components/list';
import NoticeBar from 'antd-mobile/es/components/notice-bar';
import SpinLoading from 'antd-mobile/es/components/spin-loading';
import Toast from 'antd-mobile/es/components/toast';
import { CameraOutline } from 'antd-mobile-icons';
import { type ChangeEvent, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { formatDateTime } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { useBack } from '../../app/use-back.ts';
import { useIsRecording } from '../track/use-recording.ts';
import { beginCapture, photoMaxBytes } from './capture.ts';
import { PhotoGallery } from './PhotoGallery.tsx';
import { StageProgress } from './StageProgress.tsx';
import { TaskActions } from './TaskActions.tsx';
import { TaskStatusTag } from './TaskStatusTag.tsx';
import type { TaskView } from './task-view.ts';
import { useTask } from './use-task.ts';

function TaskFacts({ view }: { view: TaskView }) {
  const { task } = view;
  return (
    <List mode="card" header="任务信息">
      <List.Item extra={task.projectName}>项目名称</List.Item>
      <List.Item extra={task.projectNo}>项目编号</List.Item>
      <List.Item extra={task.pointName}>监测点位</List.Item>
      <List.Item extra={task.monitoringTypeLabel}>监测类型</List.Item>
      <List.Item extra={<TaskStatusTag status={view.status} />}>任务状态</List.Item>
      <List.Item extra={formatDateTime(new Date(task.createdAt))}>创建时间</List.Item>
      {task.remark && <List.Item extra={task.remark}>备注</List.Item>}
    </List>
  );
}

function Refusals({ view }: { view: TaskView }) {
  if (view.refused.length === 0) return null;
  const reasons = view.refused.map((item) => `「${item.title}」被服务器拒绝：${item.error ?? '未说明原因'}`);
  return (
    <div className="task-refusals">
      <ErrorNotice message={reasons.join('；')} />
      <Link to="/sync" className="link-text">
        到同步队列查看并移除
      </Link>
    </div>
  );
}

/** 任务详情: status, stage progress, photos by stage, the allowed buttons, 拍照 and 监测航迹. */
export function TaskPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const task = useTask(id);
  const isRecording = useIsRecording(id);
  const fileInput = useRef<HTMLInputElement>(null);
  const view = task.status === 'ready' ? task.view : null;
  const goBack = useBack(view ? `/projects/${view.task.projectId}` : '/projects');

  const openCamera = () => {
    if (view?.photoBlockedReason) {
      Toast.show({ content: view.photoBlockedReason });
      return;
    }
    fileInput.current?.click();
  };

  const onPhotoChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > photoMaxBytes) {
      Toast.show({ icon: 'fail', content: '照片不能超过30MB' });
      return;
    }
    beginCapture(id, file);
    navigate(`/tasks/${id}/photo`);
  };

  const cameraButton = (
    <>
      <Button size="small" color="primary" fill="none" onClick={openCamera} disabled={!view}>
        <CameraOutline /> 拍照
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="拍摄现场照片"
        onChange={onPhotoChosen}
      />
    </>
  );

  return (
    <Page title="任务详情" onBack={goBack} right={cameraButton}>
      {task.status === 'loading' && (
        <div className="center-block">
          <SpinLoading color="primary" />
        </div>
      )}
      {task.status === 'failed' && <ErrorNotice className="page-notice" message={task.message} />}
      {view && (
        <>
          {task.status === 'ready' && task.isOffline && (
            <NoticeBar
              color="alert"
              wrap
              content="网络已断开：显示手机上保存的任务，操作和照片联网后自动同步"
            />
          )}
          {view.isLocalOnly && (
            <NoticeBar color="info" wrap content="此任务已保存在手机上，等待同步到服务器" />
          )}
          <Refusals view={view} />
          <TaskFacts view={view} />
          <section className="task-section" aria-label="阶段进度">
            <h2 className="section-title">阶段进度</h2>
            <StageProgress view={view} />
          </section>
          <section className="task-section" aria-label="现场照片">
            <h2 className="section-title">现场照片</h2>
            <PhotoGallery photos={view.photos} />
          </section>
          {isRecording && <div className="recording-note">● 正在记录航迹</div>}
          <TaskActions view={view} userId={user.id} />
          {!view.isLocalOnly && (
            <div className="page-actions">
              <Button block fill="outline" onClick={() => navigate(`/tasks/${id}/track`)}>
                监测航迹
              </Button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
