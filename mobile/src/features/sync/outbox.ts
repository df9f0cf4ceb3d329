import { type OutboxItem, openFieldDb } from './db.ts';

/** An item as it is first written: the queue gives it its order and state. */
export type NewOutboxItem = OutboxItem extends infer Item
  ? Item extends OutboxItem
    ? Omit<Item, 'seq' | 'state' | 'createdAt'>
    : never
  : never;

const listeners = new Set<() => void>();
let items: OutboxItem[] = [];

/** Calls `listener` after every change of the queue; returns the unsubscribe. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue as last read, in order (for rendering; refreshed after every change). */
export function outboxItems(): OutboxItem[] {
  return items;
}

/** Re-reads the queue from IndexedDB and tells the listeners. */
export async function refreshOutbox(): Promise<OutboxItem[]> {
  const db = await openFieldDb();
  items = await db.getAll('outbox');
  for (const listener of listeners) listener();
  return items;
}

/** Writes a new item (and the photo's bytes, in the same transaction) at the end of the queue. */
export async function enqueue(item: NewOutboxItem, blob?: Blob): Promise<void> {
  const db = await openFieldDb();
  const tx = db.transaction(['outbox', 'blobs'], 'readwrite');
  const stored = { ...item, state: 'waiting', createdAt: new Date().toISOString() } as OutboxItem;
  await Promise.all([
    tx.objectStore('outbox').add(stored),
    blob ? tx.objectStore('blobs').put(blob, item.id) : Promise.resolve(''),
    tx.done,
  ]);
  await refreshOutbox();
}

/** Changes an item's state, error or progress. */
export async function updateOutboxItem(
  seq: number,
  change: Partial<Pick<OutboxItem, 'state' | 'error' | 'progress'>>,
): Promise<void> {
  const db = await openFieldDb();
  const current = await db.get('outbox', seq);
  if (!current) return;
  await db.put('outbox', { ...current, ...change });
  await refreshOutbox();
}

/** Removes an item and its photo bytes: after it was synced, or when the user removes a refused one. */
export async function removeOutboxItem(item: OutboxItem): Promise<void> {
  const db = await openFieldDb();
  const tx = db.transaction(['outbox', 'blobs'], 'readwrite');
  await Promise.all([
    item.seq === undefined ? Promise.resolve() : tx.objectStore('outbox').delete(item.seq),
    item.kind === 'photo' ? tx.objectStore('blobs').delete(item.id) : Promise.resolve(),
    tx.done,
  ]);
  await refreshOutbox();
}

export async function readPhotoBlob(photoId: string): Promise<Blob | undefined> {
  return (await openFieldDb()).get('blobs', photoId);
}

/** Items left 'sending' by a page that was closed mid-way are simply waiting again. */
export async function resetInterruptedItems(): Promise<void> {
  const db = await openFieldDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const item of await tx.store.getAll()) {
    if (item.state === 'sending') await tx.store.put({ ...item, state: 'waiting' });
  }
  await tx.done;
  await refreshOutbox();
}
