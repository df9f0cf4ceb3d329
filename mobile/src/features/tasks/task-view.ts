import type { FieldStage, FieldTaskStatus } from '@eco/contracts';
import {
  allowedPhotoTypes,
  availableFieldTaskActions,
  endRefusal,
  type FieldTaskAction,
  fieldTaskWorkflow,
  type PhotoTypeRule,
  photoRefusal,
  stagePosts,
} from '@eco/field-workflow';
import type { OutboxItem, OutboxState, SnapshotPhoto, TaskSnapshot } from '../sync/db.ts';

/** A photo on the task page: stored on the server, or still in the queue on the phone. */
export type ViewPhoto = SnapshotPhoto & { queueState: OutboxState | null; progress: number | null };

/** A task as this phone sees it: the last server copy with the queued actions and photos applied. */
export type TaskView = {
  task: TaskSnapshot;
  status: FieldTaskStatus;
  photos: ViewPhoto[];
  actions: FieldTaskAction[];
  allowedPhotoTypes: PhotoTypeRule[];
  /** Why no photo may be taken now (shown when 拍照 is tapped), or null. */
  photoBlockedReason: string | null;
  /** Items of this task the server refused: shown with their reasons. */
  refused: OutboxItem[];
  /** Task, action and photo items not yet through: until then the phone works the rules out itself. */
  pendingCount: number;
  /** The task exists only on this phone so far. */
  isLocalOnly: boolean;
};

export const stageOrder: readonly FieldStage[] = ['sampling', 'delivery', 'lab'];

export const stageLabels: Record<FieldStage, string> = {
  sampling: '采样',
  delivery: '送样',
  lab: '实验室分析',
};

function queuedPhoto(item: OutboxItem, task: TaskSnapshot): ViewPhoto | null {
  if (item.kind !== 'photo') return null;
  const type = task.photoTypes.find((t) => t.code === item.payload.photoType);
  return {
    id: item.id,
    photoType: item.payload.photoType,
    photoTypeLabel: type?.label ?? item.payload.photoType,
    stage: item.upload.stage,
    capturedAt: item.payload.clock.deviceTime,
    flags: [],
    queueState: item.state,
    progress: item.progress ?? null,
  };
}

function blockedReason(
  task: TaskSnapshot,
  status: FieldTaskStatus,
  takenCodes: readonly string[],
): string | null {
  const mine = task.photoTypes.filter((type) => task.myPosts.includes(stagePosts[type.stage]));
  const first = mine[0];
  if (!first) return '您在本项目没有需要拍照的岗位';
  return (
    photoRefusal({ types: task.photoTypes, takenCodes, typeCode: first.code, status, posts: task.myPosts }) ??
    '当前没有可上传的照片类型'
  );
}

export function buildTaskView(task: TaskSnapshot, items: readonly OutboxItem[]): TaskView {
  const own = items.filter((item) => item.taskId === task.id);
  const pending = own.filter((item) => item.state !== 'refused' && item.kind !== 'track');
  let status = task.status;
  const queued: ViewPhoto[] = [];
  for (const item of pending) {
    if (item.kind === 'action') status = fieldTaskWorkflow[item.payload.action].to;
    const photo = queuedPhoto(item, task);
    if (photo && !task.photos.some((p) => p.id === photo.id)) queued.push(photo);
  }
  const photos: ViewPhoto[] = [
    ...task.photos.map((photo) => ({ ...photo, queueState: null, progress: null })),
    ...queued,
  ];
  const takenCodes = photos.map((photo) => photo.photoType);
  const isServerCurrent = pending.length === 0;
  const actions =
    isServerCurrent && task.serverActions
      ? task.serverActions
      : availableFieldTaskActions(status, task.myPosts).filter(
          (action) => action !== 'end' || endRefusal(task.photoTypes, takenCodes) === null,
        );
  const serverAllowed = task.serverAllowedPhotoTypes;
  const allowed =
    isServerCurrent && serverAllowed
      ? task.photoTypes.filter((type) => serverAllowed.includes(type.code))
      : allowedPhotoTypes({ types: task.photoTypes, takenCodes, status, posts: task.myPosts });
  return {
    task,
    status,
    photos,
    actions,
    allowedPhotoTypes: allowed,
    photoBlockedReason: allowed.length > 0 ? null : blockedReason(task, status, takenCodes),
    refused: own.filter((item) => item.state === 'refused'),
    pendingCount: pending.length,
    isLocalOnly: own.some((item) => item.kind === 'task'),
  };
}

/** The status a task will have once its queued actions are through (for lists). */
export function queuedStatus(taskId: string, status: FieldTaskStatus, items: readonly OutboxItem[]) {
  let result = status;
  for (const item of items) {
    if (item.taskId === taskId && item.kind === 'action' && item.state !== 'refused')
      result = fieldTaskWorkflow[item.payload.action].to;
  }
  return result;
}
