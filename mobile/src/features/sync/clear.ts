import { deleteMeta, listMetaKeys, type MetaKey, openFieldDb } from './db.ts';

/**
 * On logout: forget everything already synced (task snapshots, cached pages, the session) and
 * keep only what the queue still needs (its items and their photos) for the next login.
 */
export async function clearSyncedData(): Promise<void> {
  const db = await openFieldDb();
  await db.clear('tasks');
  const queued = new Set((await db.getAll('outbox')).map((item) => item.id));
  for (const key of await db.getAllKeys('blobs')) {
    if (!queued.has(key)) await db.delete('blobs', key);
  }
  for (const key of await listMetaKeys()) {
    if (key === 'clock' || key.startsWith('track:')) continue;
    await deleteMeta(key as MetaKey);
  }
}
