import type {
  FieldPhotoCreate,
  FieldStage,
  FieldTaskActionBody,
  FieldTaskCreate,
  FieldTaskStatus,
  Me,
  TrackBatch,
  TrackPointInput,
} from '@eco/contracts';
import type { FieldTaskAction, PhotoTypeRule } from '@eco/field-workflow';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export type OutboxState = 'waiting' | 'sending' | 'refused';

type OutboxBase = {
  /** The id of what is sent (task, action, photo id; a fresh id for a track batch). */
  id: string;
  /** Order of recording, given by IndexedDB. */
  seq?: number;
  taskId: string;
  /** The account that recorded it: only that account may send it. */
  userId: string;
  /** What the queue shows, e.g. 开始 or 照片：采样作业照片, and for which task. */
  title: string;
  subject: string;
  createdAt: string;
  state: OutboxState;
  /** The server's reason for a refusal, or why the last attempt failed. */
  error?: string;
  /** Upload progress of a photo, 0–100. */
  progress?: number;
};

export type OutboxItem = OutboxBase &
  (
    | { kind: 'task'; payload: FieldTaskCreate }
    | { kind: 'action'; payload: FieldTaskActionBody & { action: FieldTaskAction } }
    | {
        kind: 'photo';
        payload: FieldPhotoCreate;
        upload: { size: number; sha256: string; stage: FieldStage };
      }
    | { kind: 'track'; payload: TrackBatch }
  );

/** A photo as the phone keeps it: no names, no coordinates. */
export type SnapshotPhoto = {
  id: string;
  photoType: string;
  photoTypeLabel: string;
  stage: FieldStage;
  capturedAt: string;
  flags: string[];
};

/** What the phone keeps of a task to show it offline; queued actions and photos are applied on top. */
export type TaskSnapshot = {
  id: string;
  projectId: string;
  projectName: string;
  projectNo: string;
  itemId: string;
  pointName: string;
  monitoringType: string;
  monitoringTypeLabel: string;
  status: FieldTaskStatus;
  remark: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  trackPointCount: number;
  photos: SnapshotPhoto[];
  photoTypes: PhotoTypeRule[];
  myPosts: string[];
  /** The buttons and photo types the server offered at the last fetch; null before any. */
  serverActions: FieldTaskAction[] | null;
  serverAllowedPhotoTypes: string[] | null;
};

/** Just enough of the signed-in person to open the app offline: no ID number, no phone number. */
export type CachedSession = {
  userId: string;
  displayName: string;
  role: Me['role'];
  posts: string[];
  agencyName: string | null;
  agencyStatus: string | null;
};

export type ClockAnchor = { anchorServerTime: string; anchorDeviceTime: string };

type MetaValues = {
  clock: ClockAnchor;
  session: CachedSession;
  photoTypes: PhotoTypeRule[];
  /** Tasks whose track this phone records (started or resumed here), with their queue subject line. */
  recording: Record<string, string>;
} & { [key in `track:${string}`]: TrackPointInput[] } & { [key in `cache:${string}`]: unknown };
export type MetaKey = keyof MetaValues;

type FieldDb = DBSchema & {
  outbox: { key: number; value: OutboxItem; indexes: { byId: string } };
  blobs: { key: string; value: Blob };
  meta: { key: string; value: unknown };
  tasks: { key: string; value: TaskSnapshot };
};

let opening: Promise<IDBPDatabase<FieldDb>> | null = null;

/** The field app's IndexedDB database, opened once. */
export function openFieldDb(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>('eco-field', 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byId', 'id', { unique: true });
      db.createObjectStore('blobs');
      db.createObjectStore('meta');
      db.createObjectStore('tasks', { keyPath: 'id' });
    },
  });
  return opening;
}

export async function readMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  const db = await openFieldDb();
  // The meta store holds one shape per key, written only by writeMeta below.
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
  const db = await openFieldDb();
  await db.put('meta', value, key);
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  const db = await openFieldDb();
  await db.delete('meta', key);
}

export async function listMetaKeys(): Promise<string[]> {
  const db = await openFieldDb();
  return (await db.getAllKeys('meta')).map(String);
}

export async function readTaskSnapshot(id: string): Promise<TaskSnapshot | undefined> {
  return (await openFieldDb()).get('tasks', id);
}

export async function writeTaskSnapshot(snapshot: TaskSnapshot): Promise<void> {
  await (await openFieldDb()).put('tasks', snapshot);
}

export async function listTaskSnapshots(): Promise<TaskSnapshot[]> {
  return (await openFieldDb()).getAll('tasks');
}
