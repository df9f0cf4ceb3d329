import type { DeviceClock, DevicePosition } from '@eco/contracts';
import type { PhotoTypeRule } from '@eco/field-workflow';
import { newId } from '../../app/ids.ts';
import { explainPositionError } from '../home/use-position.ts';
import { readClock } from '../sync/clock.ts';
import { addToQueue } from '../sync/engine.ts';
import { hashBlob } from '../sync/upload.ts';
import { recentTrackFix } from '../track/recorder.ts';

/** The largest photo the server takes (fieldPhotoMaxBytes in contracts). */
export const photoMaxBytes = 30 * 1024 * 1024;

export type CapturedPosition = { position: DevicePosition | null; positionError: string | null };

/** A photo just taken, with what was recorded at that moment, waiting for the 填报 form. */
export type PendingCapture = {
  taskId: string;
  photoId: string;
  file: File;
  clock: DeviceClock;
  position: Promise<CapturedPosition>;
  previewUrl: string;
};

let pending: PendingCapture | null = null;

function fromFix({ coords }: GeolocationPosition): CapturedPosition {
  return {
    position: { latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy },
    positionError: null,
  };
}

/**
 * The position at capture: the track watch's fix when it is fresh, else a new fix (8 s at most);
 * should that fail, a track fix up to two minutes old is still better than none (a phone standing
 * still may report no new position to a running watch).
 */
function locate(): Promise<CapturedPosition> {
  const fresh = recentTrackFix(10_000);
  if (fresh) return Promise.resolve(fromFix(fresh));
  if (!('geolocation' in navigator)) {
    return Promise.resolve({ position: null, positionError: '当前设备或浏览器不支持定位' });
  }
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve(fromFix(position)),
      (error) => {
        const recent = recentTrackFix(120_000);
        resolve(recent ? fromFix(recent) : { position: null, positionError: explainPositionError(error) });
      },
      { enableHighAccuracy: true, timeout: 8_000, maximumAge: 10_000 },
    );
  });
}

/** Records the moment of capture: the photo's id, the clock report and the position (asked now). */
export function beginCapture(taskId: string, file: File): PendingCapture {
  discardCapture();
  pending = {
    taskId,
    photoId: newId(),
    file,
    clock: readClock(),
    position: locate(),
    previewUrl: URL.createObjectURL(file),
  };
  return pending;
}

/** The photo waiting for the form of this task, if any (none after a reload: the form starts again). */
export function currentCapture(taskId: string): PendingCapture | null {
  return pending?.taskId === taskId ? pending : null;
}

export function discardCapture(): void {
  if (pending) URL.revokeObjectURL(pending.previewUrl);
  pending = null;
}

/** 保存: the original bytes and the record go to the queue on the phone, then to the server. */
export async function saveCapture(input: {
  capture: PendingCapture;
  type: PhotoTypeRule;
  remark: string;
  subject: string;
  userId: string;
}): Promise<void> {
  const { capture, type } = input;
  const { position, positionError } = await capture.position;
  const sha256 = await hashBlob(capture.file);
  const remark = input.remark.trim();
  await addToQueue(
    {
      kind: 'photo',
      id: capture.photoId,
      taskId: capture.taskId,
      userId: input.userId,
      title: `照片：${type.label}`,
      subject: input.subject,
      payload: {
        id: capture.photoId,
        taskId: capture.taskId,
        photoType: type.code,
        ...(remark ? { remark } : {}),
        clock: capture.clock,
        position,
        positionError,
      },
      upload: { size: capture.file.size, sha256, stage: type.stage },
    },
    capture.file,
  );
  // Ask the browser not to evict the queue's photos when storage runs short.
  void navigator.storage?.persist?.().catch(() => undefined);
  discardCapture();
}
