import type { FieldPhoto, FieldTaskDetail } from '@eco/contracts';
import { ApiError, postJson } from '../../app/api.ts';
import { storeSyncedPhoto, storeTaskDetail } from '../tasks/snapshot.ts';
import { loadClockAnchor, syncClock } from './clock.ts';
import type { OutboxItem } from './db.ts';
import {
  enqueue,
  type NewOutboxItem,
  outboxItems,
  readPhotoBlob,
  refreshOutbox,
  removeOutboxItem,
  resetInterruptedItems,
  updateOutboxItem,
} from './outbox.ts';
import { uploadPhotoBytes } from './upload.ts';

/** What the queue page and the badge show about the engine. */
export type SyncStatus = { isOnline: boolean; isSyncing: boolean; canSend: boolean; userId: string | null };

type Outcome = 'sent' | 'refused' | 'retry' | 'offline' | 'stop';

const minRetryMs = 2_000;
const maxRetryMs = 60_000;
const pollMs = 30_000;

let status: SyncStatus = { isOnline: navigator.onLine, isSyncing: false, canSend: false, userId: null };
const statusListeners = new Set<() => void>();
let running: Promise<void> | null = null;
let isRequestedAgain = false;
let retryMs = minRetryMs;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let onSessionStale: (() => void) | null = null;

function setStatus(change: Partial<SyncStatus>): void {
  status = { ...status, ...change };
  for (const listener of statusListeners) listener();
}

export function syncStatus(): SyncStatus {
  return status;
}

export function subscribeSyncStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/**
 * Tells the engine whose items it may send and whether the session is confirmed by the server
 * (an offline start has no CSRF token yet: nothing is sent until the session is checked again).
 * `onStale` is called when the server says the session or its token is no longer valid.
 */
export function configureSync(userId: string | null, canSend: boolean, onStale: (() => void) | null): void {
  onSessionStale = onStale;
  setStatus({ userId, canSend: canSend && userId !== null });
  if (status.canSend) requestSync();
}

let starting: Promise<void> | null = null;

/** Loads the queue and the clock anchor and starts listening for the network (once; later calls wait for it). */
export function startSyncEngine(): Promise<void> {
  starting ??= initialize();
  return starting;
}

async function initialize(): Promise<void> {
  await loadClockAnchor();
  await resetInterruptedItems();
  window.addEventListener('online', () => {
    setStatus({ isOnline: true });
    retryMs = minRetryMs;
    requestSync();
  });
  window.addEventListener('offline', () => setStatus({ isOnline: false }));
  setInterval(() => {
    if (hasWaitingItems()) requestSync();
  }, pollMs);
}

function hasWaitingItems(): boolean {
  return outboxItems().some((item) => item.userId === status.userId && item.state === 'waiting');
}

/** Writes an item (and a photo's bytes) to the queue on the phone, then tries to send it. */
export async function addToQueue(item: NewOutboxItem, blob?: Blob): Promise<void> {
  await enqueue(item, blob);
  requestSync();
}

/** Runs a sync pass now, or right after the current one. */
export function requestSync(): void {
  if (!status.canSend) return;
  if (running) {
    isRequestedAgain = true;
    return;
  }
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  // One tab at a time sends the queue (sends are idempotent anyway, but not twice the traffic).
  const pass: Promise<unknown> = navigator.locks
    ? navigator.locks.request('eco-field-sync', runPasses)
    : runPasses();
  running = pass
    .then(() => undefined)
    .finally(() => {
      running = null;
    });
}

async function runPasses(): Promise<void> {
  setStatus({ isSyncing: true });
  try {
    let outcome: Outcome;
    do {
      isRequestedAgain = false;
      await syncClock().catch(() => undefined);
      outcome = await processQueue();
    } while (isRequestedAgain && outcome === 'sent');
    if (outcome === 'offline' || outcome === 'retry') scheduleRetry();
    else retryMs = minRetryMs;
    if (outcome !== 'offline') setStatus({ isOnline: true });
  } finally {
    setStatus({ isSyncing: false });
  }
}

function scheduleRetry(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = setTimeout(requestSync, retryMs);
  retryMs = Math.min(retryMs * 2, maxRetryMs);
}

/** Sends the items in order; an item waits while an earlier item of the same task is not through. */
async function processQueue(): Promise<Outcome> {
  const items = await refreshOutbox();
  const heldTasks = new Set<string>();
  let outcome: Outcome = 'sent';
  for (const item of items) {
    if (item.userId !== status.userId || heldTasks.has(item.taskId)) continue;
    if (item.state === 'refused') {
      heldTasks.add(item.taskId);
      continue;
    }
    const result = await sendItem(item);
    if (result === 'offline' || result === 'stop') return result;
    if (result !== 'sent') heldTasks.add(item.taskId);
    if (result === 'retry') outcome = 'retry';
  }
  return outcome;
}

async function sendItem(item: OutboxItem): Promise<Outcome> {
  const seq = item.seq ?? -1;
  await updateOutboxItem(seq, { state: 'sending', error: undefined });
  try {
    await deliver(item, seq);
    await removeOutboxItem(item);
    return 'sent';
  } catch (error) {
    return settleFailure(seq, error);
  }
}

async function deliver(item: OutboxItem, seq: number): Promise<void> {
  switch (item.kind) {
    case 'task':
      await storeTaskDetail(await postJson<FieldTaskDetail>('/api/v1/field/tasks', item.payload));
      return;
    case 'action':
      await storeTaskDetail(
        await postJson<FieldTaskDetail>(`/api/v1/field/tasks/${item.taskId}/actions`, item.payload),
      );
      return;
    case 'photo': {
      const blob = await readPhotoBlob(item.id);
      if (!blob) throw new Error('照片文件已不在手机上，无法上传');
      await uploadPhotoBytes(item.id, blob, item.upload.sha256, (progress) =>
        updateOutboxItem(seq, { progress }),
      );
      await storeSyncedPhoto(await postJson<FieldPhoto>('/api/v1/field/photos', item.payload));
      return;
    }
    case 'track':
      await postJson(`/api/v1/field/tasks/${item.taskId}/track`, item.payload);
      return;
  }
}

/**
 * Sorts a failure: offline or server trouble → try again later; the session gone → wait for a
 * login; anything else the server refused → keep the item with the reason for the person to read.
 */
async function settleFailure(seq: number, error: unknown): Promise<Outcome> {
  if (error instanceof TypeError) {
    await updateOutboxItem(seq, { state: 'waiting', error: '网络连接失败，恢复后自动重试' });
    setStatus({ isOnline: false });
    return 'offline';
  }
  if (error instanceof ApiError) {
    if (error.status === 401 || error.code === 'CSRF') {
      await updateOutboxItem(seq, { state: 'waiting', error: '登录已失效，重新登录后继续同步' });
      setStatus({ canSend: false });
      onSessionStale?.();
      return 'stop';
    }
    if (error.status === 408 || error.status === 429 || error.status >= 500) {
      await updateOutboxItem(seq, { state: 'waiting', error: `${error.message}，稍后自动重试` });
      return 'retry';
    }
    await updateOutboxItem(seq, { state: 'refused', error: error.message });
    return 'refused';
  }
  const message = error instanceof Error ? error.message : '无法同步';
  await updateOutboxItem(seq, { state: 'refused', error: message });
  return 'refused';
}
