import { useSyncExternalStore } from 'react';
import type { OutboxItem } from './db.ts';
import { type SyncStatus, subscribeSyncStatus, syncStatus } from './engine.ts';
import { outboxItems, subscribeOutbox } from './outbox.ts';

/** The queue on the phone, re-rendered on every change. */
export function useOutbox(): OutboxItem[] {
  return useSyncExternalStore(subscribeOutbox, outboxItems);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribeSyncStatus, syncStatus);
}

/** The items of one task not yet accepted by the server, in order. */
export function useTaskOutbox(taskId: string): OutboxItem[] {
  const items = useOutbox();
  return items.filter((item) => item.taskId === taskId);
}
