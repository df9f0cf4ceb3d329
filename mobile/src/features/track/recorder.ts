import type { TrackPointInput } from '@eco/contracts';
import { newId } from '../../app/ids.ts';
import { readClock } from '../sync/clock.ts';
import { deleteMeta, readMeta, writeMeta } from '../sync/db.ts';
import { addToQueue } from '../sync/engine.ts';

/** Thinning: keep a point after this long or this far from the last kept one, if accurate enough. */
const minIntervalMs = 15_000;
const minDistanceM = 20;
const maxAccuracyM = 200;
/** Points go to the queue in batches of this many, or after this long, or when the task stops. */
const batchSize = 50;
const batchMs = 60_000;

let userId: string | null = null;
let watchId: number | null = null;
let lastKept: { latitude: number; longitude: number; at: number } | null = null;
/** The watch's latest fix, kept or not: a photo taken meanwhile can use it at once. */
let lastFix: GeolocationPosition | null = null;
/** The tasks being recorded, with the subject line their queue items show. */
const recording = new Map<string, string>();
const listeners = new Set<() => void>();
let flushTimer: ReturnType<typeof setInterval> | null = null;
/** Writes to IndexedDB one after the other, so that a batch never loses a point. */
let chain: Promise<void> = Promise.resolve();

function serialize(work: () => Promise<void>): Promise<void> {
  chain = chain.then(work, work);
  return chain;
}

function distanceM(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function isRecordingTrack(taskId: string): boolean {
  return recording.has(taskId);
}

export function subscribeRecording(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

async function persistRecording(): Promise<void> {
  if (recording.size === 0) await deleteMeta('recording');
  else await writeMeta('recording', Object.fromEntries(recording));
}

/** The latest position from the running track watch if it is at most `maxAgeMs` old, else null. */
export function recentTrackFix(maxAgeMs: number): GeolocationPosition | null {
  if (watchId === null || !lastFix || Date.now() - lastFix.timestamp > maxAgeMs) return null;
  return lastFix;
}

function keepPoint(position: GeolocationPosition): void {
  lastFix = position;
  const { latitude, longitude, accuracy } = position.coords;
  if (accuracy > maxAccuracyM) return;
  const at = position.timestamp;
  if (
    lastKept &&
    at - lastKept.at < minIntervalMs &&
    distanceM(lastKept, { latitude, longitude }) < minDistanceM
  )
    return;
  lastKept = { latitude, longitude, at };
  const deviceTime = new Date(at).toISOString();
  for (const taskId of recording.keys()) {
    const point: TrackPointInput = { id: newId(), deviceTime, latitude, longitude, accuracy };
    void serialize(async () => {
      const buffer = [...((await readMeta(`track:${taskId}`)) ?? []), point];
      await writeMeta(`track:${taskId}`, buffer);
      if (buffer.length >= batchSize) await flushNow(taskId);
    });
  }
}

/** Moves the points kept for a task on the phone into the queue as one 'track' item. */
async function flushNow(taskId: string): Promise<void> {
  const points = (await readMeta(`track:${taskId}`)) ?? [];
  if (points.length === 0 || !userId) return;
  const subject = recording.get(taskId) ?? '';
  await addToQueue({
    kind: 'track',
    id: newId(),
    taskId,
    userId,
    title: `航迹点 ${points.length} 个`,
    subject,
    payload: { clock: readClock(), points },
  });
  await deleteMeta(`track:${taskId}`);
}

function flushAll(): Promise<void> {
  return serialize(async () => {
    for (const taskId of recording.keys()) await flushNow(taskId);
  });
}

function updateWatch(): void {
  if (recording.size > 0 && watchId === null && 'geolocation' in navigator) {
    watchId = navigator.geolocation.watchPosition(keepPoint, () => undefined, {
      enableHighAccuracy: true,
      maximumAge: 5_000,
    });
    flushTimer = setInterval(() => void flushAll(), batchMs);
  }
  if (recording.size === 0 && watchId !== null) {
    navigator.geolocation.clearWatch(watchId);
    watchId = null;
    lastKept = null;
    lastFix = null;
    if (flushTimer) clearInterval(flushTimer);
    flushTimer = null;
  }
}

/** Starts recording a task's track on this phone (after 开始 or 继续). */
export async function startTrack(taskId: string, subject: string, currentUserId: string): Promise<void> {
  userId = currentUserId;
  recording.set(taskId, subject);
  updateWatch();
  notify();
  await persistRecording();
}

/** Stops recording (暂停, 暂存, 结束) and queues the points not yet queued. */
export async function stopTrack(taskId: string): Promise<void> {
  if (!recording.has(taskId)) return;
  await serialize(() => flushNow(taskId));
  recording.delete(taskId);
  updateWatch();
  notify();
  await persistRecording();
}

/** After a reload or a login: continue recording the tasks this phone was recording. */
export async function resumeTracks(currentUserId: string): Promise<void> {
  userId = currentUserId;
  for (const [taskId, subject] of Object.entries((await readMeta('recording')) ?? {})) {
    recording.set(taskId, subject);
  }
  updateWatch();
  notify();
  await flushAll();
}

/** On logout: queue what was recorded and stop watching the position. */
export async function stopAllTracks(): Promise<void> {
  for (const taskId of [...recording.keys()]) await stopTrack(taskId);
  userId = null;
}
