import type { FieldTaskDetail } from '@eco/contracts';
import { Alert, Button, Card, Empty, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useProjectFieldTasks } from './api.ts';
import { FieldTaskCard } from './FieldTaskCard.tsx';
import { TrackDialog } from './TrackDialog.tsx';

const emptyText = '暂无现场监测记录（监测人员通过移动端上传后在此显示）';

/** 现场监测记录 of a project, for its agency and for the regulator alike: one card per task. */
export function FieldTasksPanel({ projectId }: { projectId: string }) {
  const tasks = useProjectFieldTasks(projectId);
  const [trackTask, setTrackTask] = useState<FieldTaskDetail | null>(null);
  const [isTrackOpen, setTrackOpen] = useState(false);

  if (tasks.isPending) {
    return (
      <Card size="small" title="现场监测记录" style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (tasks.isError) {
    return (
      <Card size="small" title="现场监测记录" style={{ marginBottom: 16 }}>
        <Alert
          type="error"
          showIcon
          title={`现场监测记录加载失败：${errorMessage(tasks.error)}`}
          action={
            <Button size="small" onClick={() => void tasks.refetch()}>
              重试
            </Button>
          }
        />
      </Card>
    );
  }
  if (tasks.data.length === 0) {
    return (
      <Card size="small" title="现场监测记录" style={{ marginBottom: 16 }}>
        <Empty description={emptyText} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginBottom: 16 }}>
      {tasks.data.map((task) => (
        <FieldTaskCard
          key={task.id}
          task={task}
          onShowTrack={() => {
            setTrackTask(task);
            setTrackOpen(true);
          }}
        />
      ))}
      <TrackDialog task={trackTask} isOpen={isTrackOpen} onClose={() => setTrackOpen(false)} />
    </Space>
  );
}
