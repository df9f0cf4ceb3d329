import { EnvironmentOutlined } from '@ant-design/icons';
import { type FieldTaskDetail, fieldStageLabels, fieldTaskStatusLabels } from '@eco/contracts';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { formatDateTime } from '../../app/time.ts';
import { FieldPhotoTile } from './FieldPhotoTile.tsx';
import {
  eventColors,
  eventLabel,
  type StageProgress,
  stageColors,
  stageProgressOf,
  taskStatusColors,
} from './stages.ts';

function stepStatus(progress: StageProgress, isCurrent: boolean): 'wait' | 'process' | 'finish' {
  if (progress.isDone) return 'finish';
  return isCurrent ? 'process' : 'wait';
}

function stepContent(progress: StageProgress) {
  return (
    <span style={{ fontSize: 12 }}>
      {progress.photos.length} 张照片
      {progress.missing.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          尚缺：{progress.missing.map((m) => m.label).join('、')}
        </Typography.Text>
      )}
    </span>
  );
}

/** 采样 → 送样 → 实验室分析: a stage is done when its required photo types are all present. */
function StageSteps({ stages, isEnded }: { stages: StageProgress[]; isEnded: boolean }) {
  const firstOpen = stages.findIndex((s) => !s.isDone);
  // antd dims the steps after `current`: point it at the stage in progress, or the last one.
  const current = isEnded || firstOpen === -1 ? stages.length - 1 : firstOpen;
  return (
    <Steps
      size="small"
      current={current}
      titlePlacement="vertical"
      data-testid="field-stages"
      items={stages.map((s, index) => ({
        key: s.stage,
        title: fieldStageLabels[s.stage],
        status: stepStatus(s, !isEnded && index === current),
        content: stepContent(s),
      }))}
    />
  );
}

function StagePhotos({ stages }: { stages: StageProgress[] }) {
  const withPhotos = stages.filter((s) => s.photos.length > 0);
  if (withPhotos.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" />;
  }
  return (
    <Image.PreviewGroup>
      {withPhotos.map((s) => (
        <div key={s.stage} style={{ marginBottom: 12 }} data-testid={`stage-photos-${s.stage}`}>
          <Space style={{ marginBottom: 8 }}>
            <Tag color={stageColors[s.stage]}>{fieldStageLabels[s.stage]}</Tag>
            <Typography.Text type="secondary">{s.photos.length} 张</Typography.Text>
          </Space>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
            {s.photos.map((photo) => (
              <FieldPhotoTile key={photo.id} photo={photo} />
            ))}
          </div>
        </div>
      ))}
    </Image.PreviewGroup>
  );
}

function TaskEvents({ task }: { task: FieldTaskDetail }) {
  const events = [...task.events].sort((a, b) => a.at.localeCompare(b.at));
  if (events.length === 0) return <Typography.Text type="secondary">暂无操作记录</Typography.Text>;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: eventColors[e.action],
        content: (
          <div data-testid="field-task-event" style={{ fontSize: 12 }}>
            <Typography.Text strong style={{ fontSize: 12 }}>
              {eventLabel(e.action)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {e.actorName}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

/** One 监测任务 as the phone recorded it: stages, photos, history and the way to its track. */
export function FieldTaskCard({ task, onShowTrack }: { task: FieldTaskDetail; onShowTrack: () => void }) {
  const stages = stageProgressOf(task);
  return (
    <Card
      size="small"
      data-testid="field-task"
      title={
        <Space wrap>
          <Typography.Text strong>{task.pointName}</Typography.Text>
          <Typography.Text type="secondary">{task.monitoringTypeLabel}</Typography.Text>
          <Tag color={taskStatusColors[task.status]}>{fieldTaskStatusLabels[task.status]}</Tag>
        </Space>
      }
      extra={
        <Button size="small" icon={<EnvironmentOutlined />} onClick={onShowTrack}>
          监测航迹
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="创建人">{task.createdByName}</Descriptions.Item>
        <Descriptions.Item label="开始时间">{formatDateTime(task.startedAt)}</Descriptions.Item>
        <Descriptions.Item label="结束时间">{formatDateTime(task.endedAt)}</Descriptions.Item>
        <Descriptions.Item label="记录">
          <Space size="small" wrap>
            <span>照片 {task.photoCount} 张</span>
            <span>航迹点 {task.trackPointCount} 个</span>
            {task.flaggedPhotoCount > 0 && (
              <Typography.Text type="danger" data-testid="flagged-count">
                {task.flaggedPhotoCount} 张照片需核查
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        {task.remark && <Descriptions.Item label="备注">{task.remark}</Descriptions.Item>}
      </Descriptions>
      <StageSteps stages={stages} isEnded={task.status === 'ended'} />
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} xl={18}>
          <StagePhotos stages={stages} />
        </Col>
        <Col xs={24} xl={6}>
          <Typography.Title level={5} style={{ fontSize: 14 }}>
            操作记录
          </Typography.Title>
          <TaskEvents task={task} />
        </Col>
      </Row>
    </Card>
  );
}
