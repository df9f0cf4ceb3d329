import type { FieldTaskDetail } from '@eco/contracts';
import { Alert, Modal, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useFieldTrack, useMapConfig } from './api.ts';

// Leaflet is only for those who open a track: keep it out of the main chunk.
const TrackMap = lazy(() => import('./TrackMap.tsx').then((module) => ({ default: module.TrackMap })));

const loading = <Spin description="加载中…" style={{ display: 'block', padding: 96 }} />;

function TrackBody({ taskId }: { taskId: string }) {
  const track = useFieldTrack(taskId);
  const mapConfig = useMapConfig(true);
  if (track.isError || mapConfig.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={`监测航迹加载失败：${errorMessage(track.error ?? mapConfig.error)}`}
      />
    );
  }
  if (track.isPending || mapConfig.isPending) return loading;
  return (
    <Suspense fallback={loading}>
      <TrackMap track={track.data} mapConfig={mapConfig.data} />
    </Suspense>
  );
}

/** 监测航迹 of one task in a dialog; nothing is fetched or loaded until it opens. */
export function TrackDialog({
  task,
  isOpen,
  onClose,
}: {
  task: FieldTaskDetail | null;
  isOpen: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      open={isOpen && task !== null}
      title={task ? `监测航迹 · ${task.pointName}（${task.monitoringTypeLabel}）` : '监测航迹'}
      width={{ xs: '95%', md: 960 }}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {task && <TrackBody taskId={task.id} />}
    </Modal>
  );
}
