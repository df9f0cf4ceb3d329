import type { FieldStage, FieldTrack, TrackBatch } from '@eco/contracts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { loadTaskForFieldStaff, loadTaskForViewer } from './field-access.ts';
import { loadPhotoTypeLabels } from './field-task-detail.ts';
import {
  countTrackPoints,
  insertTrackPoints,
  listTrackPhotos,
  listTrackPoints,
} from './field-track.queries.ts';

/** The most points a track page draws; a longer track is thinned evenly (first and last kept). */
export const trackPointCap = 20_000;

/** How far the phone's clock was from the server's at its last sync (0 when it never synced). */
function clockOffsetMs(clock: TrackBatch['clock']): number {
  if (!clock.anchorServerTime || !clock.anchorDeviceTime) return 0;
  return Date.parse(clock.anchorServerTime) - Date.parse(clock.anchorDeviceTime);
}

/**
 * 监测航迹 upload: a batch of positions from the phone, stored once per point id whatever the
 * retries. No audit row per batch: a running task sends one every few seconds, which would drown
 * the audit log in rows that say nothing an auditor needs; the points themselves carry who,
 * when (device and received times) and the task, and are never changed.
 */
export async function recordTrackBatch(
  ctx: AuthedContext,
  taskId: string,
  batch: TrackBatch,
): Promise<{ accepted: number; duplicates: number }> {
  const { personnelId } = ctx.actor;
  if (!personnelId) throw forbidden('只有监测人员可以在现场填报');
  const { task } = await loadTaskForFieldStaff(ctx.db, ctx.actor, taskId);
  if (task.status === 'created') throw new AppError('INVALID_STATE', '任务尚未开始，请先点击开始');
  const offset = clockOffsetMs(batch.clock);
  const points = batch.points.map((p) => {
    const deviceTime = new Date(p.deviceTime);
    return { ...p, deviceTime, recordedAt: new Date(deviceTime.getTime() + offset) };
  });
  const accepted = await insertTrackPoints(ctx.db, { taskId, personnelId, points });
  return { accepted, duplicates: batch.points.length - accepted };
}

/** The track page: the points in time order (thinned past the cap), the located photos, the site. */
export async function getFieldTrack(ctx: AuthedContext, taskId: string): Promise<FieldTrack> {
  const { project } = await loadTaskForViewer(ctx.db, ctx.actor, taskId);
  const total = await countTrackPoints(ctx.db, taskId);
  // Every step-th point plus the last: at most trackPointCap in all.
  const step = total <= trackPointCap ? 1 : Math.ceil(total / (trackPointCap - 1));
  const [points, photos, labels] = await Promise.all([
    listTrackPoints(ctx.db, taskId, step),
    listTrackPhotos(ctx.db, taskId),
    loadPhotoTypeLabels(ctx.db),
  ]);
  return {
    taskId,
    site: { latitude: project.latitude, longitude: project.longitude, address: project.address },
    points: points.map((p) => ({
      latitude: p.latitude,
      longitude: p.longitude,
      accuracy: p.accuracy,
      recordedAt: p.recordedAt.toISOString(),
    })),
    photos: photos.flatMap((p) =>
      p.latitude === null || p.longitude === null
        ? []
        : [
            {
              id: p.id,
              stage: p.stage as FieldStage,
              photoTypeLabel: labels.get(p.photoType) ?? p.photoType,
              latitude: p.latitude,
              longitude: p.longitude,
              capturedAt: p.capturedAt.toISOString(),
            },
          ],
    ),
  };
}
