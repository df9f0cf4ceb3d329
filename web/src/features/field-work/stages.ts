import {
  type FieldPhoto,
  type FieldPhotoFlag,
  type FieldStage,
  type FieldTaskAction,
  type FieldTaskDetail,
  type FieldTaskStatus,
  fieldStages,
  fieldTaskWorkflow,
  missingRequiredPhotos,
  type PhotoTypeRule,
} from '@eco/contracts';
import { formatDateTime } from '../../app/time.ts';

/** One colour per stage, shared by the photo tags, the map's points and its legend. */
export const stageColors: Record<FieldStage, string> = {
  sampling: '#1677ff',
  delivery: '#fa8c16',
  lab: '#52c41a',
};

export const taskStatusColors: Record<FieldTaskStatus, string> = {
  created: 'default',
  running: 'processing',
  paused: 'warning',
  stored: 'cyan',
  ended: 'success',
};

export type StageProgress = {
  stage: FieldStage;
  photos: FieldPhoto[];
  missing: PhotoTypeRule[];
  /** Every required photo type of the stage is present (and the stage has at least one photo). */
  isDone: boolean;
};

/** The three stages in order, each with its photos and the required types still missing. */
export function stageProgressOf(task: FieldTaskDetail): StageProgress[] {
  const takenCodes = task.photos.map((p) => p.photoType);
  return fieldStages.map((stage) => {
    const photos = task.photos
      .filter((p) => p.stage === stage)
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
    const missing = missingRequiredPhotos(task.photoTypes, takenCodes, stage);
    return { stage, photos, missing, isDone: missing.length === 0 && photos.length > 0 };
  });
}

/** 350 m, 1.2 km. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(1)} km`;
}

/** Why the server flagged a photo, in words a regulator can check against the photo itself. */
export function flagExplanation(flag: FieldPhotoFlag, photo: FieldPhoto): string {
  switch (flag) {
    case 'far_from_site':
      return photo.distanceM === null
        ? '拍摄位置距项目地点超出允许范围'
        : `拍摄位置距项目地点 ${formatDistance(photo.distanceM)}，超出允许范围`;
    case 'time_mismatch':
      return `照片自带（EXIF）时间 ${formatDateTime(photo.exifTime)}，与可信拍摄时间 ${formatDateTime(photo.capturedAt)} 不符`;
    case 'clock_changed':
      return `拍摄时手机时间为 ${formatDateTime(photo.deviceTime)}，可信拍摄时间为 ${formatDateTime(photo.capturedAt)}：手机时间曾被修改`;
    case 'no_position':
      return '拍摄时手机未能获取定位（定位权限被拒绝、超时或设备不支持）';
  }
}

/** 创建 for the first event, else the workflow's own label (开始, 暂停 …). */
export function eventLabel(action: FieldTaskAction | 'create'): string {
  return action === 'create' ? '创建' : fieldTaskWorkflow[action].label;
}

export const eventColors: Record<FieldTaskAction | 'create', string> = {
  create: 'gray',
  start: 'blue',
  pause: 'orange',
  resume: 'blue',
  store: 'cyan',
  end: 'green',
};
