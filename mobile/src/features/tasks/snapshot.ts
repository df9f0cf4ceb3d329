import type { FieldPhoto, FieldTaskDetail } from '@eco/contracts';
import {
  readTaskSnapshot,
  type SnapshotPhoto,
  type TaskSnapshot,
  writeMeta,
  writeTaskSnapshot,
} from '../sync/db.ts';

export function toSnapshotPhoto(photo: FieldPhoto): SnapshotPhoto {
  return {
    id: photo.id,
    photoType: photo.photoType,
    photoTypeLabel: photo.photoTypeLabel,
    stage: photo.stage,
    capturedAt: photo.capturedAt,
    flags: photo.flags,
  };
}

/** What the phone keeps of a task detail: names, events and coordinates stay on the server. */
export function snapshotFromDetail(detail: FieldTaskDetail): TaskSnapshot {
  return {
    id: detail.id,
    projectId: detail.projectId,
    projectName: detail.projectName,
    projectNo: detail.projectNo,
    itemId: detail.itemId,
    pointName: detail.pointName,
    monitoringType: detail.monitoringType,
    monitoringTypeLabel: detail.monitoringTypeLabel,
    status: detail.status,
    remark: detail.remark,
    createdAt: detail.createdAt,
    startedAt: detail.startedAt,
    endedAt: detail.endedAt,
    trackPointCount: detail.trackPointCount,
    photos: detail.photos.map(toSnapshotPhoto),
    photoTypes: detail.photoTypes,
    myPosts: detail.myPosts,
    serverActions: detail.actions,
    serverAllowedPhotoTypes: detail.allowedPhotoTypes,
  };
}

/** Keeps the server's answer about a task for offline use; the photo types serve new tasks too. */
export async function storeTaskDetail(detail: FieldTaskDetail): Promise<TaskSnapshot> {
  const snapshot = snapshotFromDetail(detail);
  await writeTaskSnapshot(snapshot);
  if (detail.photoTypes.length > 0) await writeMeta('photoTypes', detail.photoTypes);
  return snapshot;
}

/** Adds a photo the server just stored to the task kept on the phone. */
export async function storeSyncedPhoto(photo: FieldPhoto): Promise<void> {
  const snapshot = await readTaskSnapshot(photo.taskId);
  if (!snapshot || snapshot.photos.some((p) => p.id === photo.id)) return;
  await writeTaskSnapshot({
    ...snapshot,
    photos: [...snapshot.photos, toSnapshotPhoto(photo)],
    // The server's lists predate this photo; the view works them out until the next fetch.
    serverActions: null,
    serverAllowedPhotoTypes: null,
  });
}
