import type { FieldTaskDetail } from '@eco/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, describeError, getJson, isTransientError } from '../../app/api.ts';
import { type OutboxItem, readTaskSnapshot, type TaskSnapshot } from '../sync/db.ts';
import { outboxItems } from '../sync/outbox.ts';
import { useSyncStatus, useTaskOutbox } from '../sync/use-sync.ts';
import { isRecordingTrack, stopTrack } from '../track/recorder.ts';
import { storeTaskDetail } from './snapshot.ts';
import { buildTaskView, type TaskView } from './task-view.ts';

export type TaskState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; view: TaskView; isOffline: boolean };

/**
 * A task from the server when it can be reached (kept on the phone for later), else from the copy
 * on the phone; either way with this phone's queued actions and photos applied on top.
 */
export function useTask(taskId: string): TaskState & { refresh: () => void } {
  const items = useTaskOutbox(taskId);
  const { canSend } = useSyncStatus();
  /** The copy and the queue as read together, so that a synced item is never applied to a stale copy. */
  const [copy, setCopy] = useState<{ snapshot: TaskSnapshot; items: OutboxItem[] } | null>(null);
  const [isOffline, setIsOffline] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    // A task made on this phone is unknown to the server until its creation is synced.
    const isQueuedHere = taskItems(taskId).some((item) => item.kind === 'task');
    const fromServer = isQueuedHere
      ? Promise.reject(new ApiError(404, null))
      : getJson<FieldTaskDetail>(`/api/v1/field/tasks/${taskId}`).then(storeTaskDetail);
    fromServer.then(
      (stored) => {
        if (request !== latest.current) return;
        const queued = taskItems(taskId);
        setCopy({ snapshot: stored, items: queued });
        setIsOffline(false);
        setFailure(null);
        // Someone else paused, stored or ended the task: this phone stops recording its track.
        const isStopped = stored.status !== 'running' && !queued.some((item) => item.kind === 'action');
        if (isStopped && isRecordingTrack(taskId)) void stopTrack(taskId);
      },
      async (error: unknown) => {
        const queued = taskItems(taskId);
        const snapshot = await readTaskSnapshot(taskId).catch(() => undefined);
        if (request !== latest.current) return;
        const isUnreachable = isTransientError(error);
        if (snapshot && (isUnreachable || (error instanceof ApiError && error.status === 404))) {
          setCopy({ snapshot, items: queued });
          setIsOffline(isUnreachable);
          return;
        }
        setFailure(describeError(error));
      },
    );
  }, [taskId]);

  useEffect(() => {
    refresh();
    return () => {
      latest.current++;
    };
  }, [refresh]);

  // The engine rewrites the copy on the phone before it removes a synced item: read the queue
  // first, then the copy, and the pair is consistent.
  const queueSignature = items.map((item) => `${item.id}:${item.state}:${item.progress ?? ''}`).join();
  const pendingCount = items.filter((item) => item.state !== 'refused' && item.kind !== 'track').length;
  const previousPending = useRef(pendingCount);
  useEffect(() => {
    void queueSignature;
    let isCurrent = true;
    const queued = taskItems(taskId);
    readTaskSnapshot(taskId).then(
      (snapshot) => {
        if (isCurrent && snapshot) setCopy({ snapshot, items: queued });
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [taskId, queueSignature]);

  // Everything of this task went through: the server now says which buttons apply.
  useEffect(() => {
    if (previousPending.current > 0 && pendingCount === 0 && canSend) refresh();
    previousPending.current = pendingCount;
  }, [pendingCount, canSend, refresh]);

  const view = useMemo(() => (copy ? buildTaskView(copy.snapshot, copy.items) : null), [copy]);

  if (view) return { status: 'ready', view, isOffline, refresh };
  if (failure) return { status: 'failed', message: failure, refresh };
  return { status: 'loading', refresh };
}

function taskItems(taskId: string): OutboxItem[] {
  return outboxItems().filter((item) => item.taskId === taskId);
}
