import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { fieldPhotos } from '../field-photos/field-photos.tables.ts';
import { fieldTrackPoints } from './field-tasks.tables.ts';

/** A point as the phone sent it, with the trusted time the server computed for it. */
export type TrackPointInput = {
  id: string;
  latitude: number;
  longitude: number;
  accuracy: number;
  deviceTime: Date;
  recordedAt: Date;
};
export type TrackPointRow = { latitude: number; longitude: number; accuracy: number; recordedAt: Date };

/**
 * The whole batch in ONE statement; a point already stored (same id from the phone, in an
 * earlier batch or twice in this one) is skipped. The points travel as one JSON parameter read
 * by jsonb_to_recordset: a VALUES list would bind 8 parameters per point, and parsing and
 * planning 8,000 of them took more than twice as long as the insert itself. Returns how many
 * were new.
 */
export async function insertTrackPoints(
  db: Db,
  batch: { taskId: string; personnelId: string; points: TrackPointInput[] },
): Promise<number> {
  if (batch.points.length === 0) return 0;
  const json = JSON.stringify(
    batch.points.map((p) => ({
      id: p.id,
      latitude: p.latitude,
      longitude: p.longitude,
      accuracy: p.accuracy,
      device_time: p.deviceTime.toISOString(),
      recorded_at: p.recordedAt.toISOString(),
    })),
  );
  const inserted = await db
    .insert(fieldTrackPoints)
    .select(
      sql`select p.id, ${batch.taskId}::uuid, ${batch.personnelId}::uuid, p.latitude, p.longitude, p.accuracy,
                 p.device_time, p.recorded_at, now()
          from jsonb_to_recordset(${json}::jsonb) as p(id uuid, latitude float8, longitude float8,
               accuracy float8, device_time timestamptz, recorded_at timestamptz)`,
    )
    .onConflictDoNothing({ target: fieldTrackPoints.id })
    .returning({ id: fieldTrackPoints.id });
  return inserted.length;
}

export async function countTrackPoints(db: Db, taskId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(fieldTrackPoints)
    .where(eq(fieldTrackPoints.taskId, taskId));
  return row?.n ?? 0;
}

/** The task's points in time order; with `step` > 1 every step-th one (and the last), to thin a long track. */
export async function listTrackPoints(db: Db, taskId: string, step: number): Promise<TrackPointRow[]> {
  const columns = {
    latitude: fieldTrackPoints.latitude,
    longitude: fieldTrackPoints.longitude,
    accuracy: fieldTrackPoints.accuracy,
    recordedAt: fieldTrackPoints.recordedAt,
  };
  if (step <= 1) {
    return db
      .select(columns)
      .from(fieldTrackPoints)
      .where(eq(fieldTrackPoints.taskId, taskId))
      .orderBy(asc(fieldTrackPoints.recordedAt), asc(fieldTrackPoints.id));
  }
  const numbered = db
    .select({
      ...columns,
      rn: sql<number>`row_number() over (order by ${fieldTrackPoints.recordedAt}, ${fieldTrackPoints.id})`.as(
        'rn',
      ),
      total: sql<number>`count(*) over ()`.as('total'),
    })
    .from(fieldTrackPoints)
    .where(eq(fieldTrackPoints.taskId, taskId))
    .as('numbered');
  return db
    .select({
      latitude: numbered.latitude,
      longitude: numbered.longitude,
      accuracy: numbered.accuracy,
      recordedAt: numbered.recordedAt,
    })
    .from(numbered)
    .where(sql`(${numbered.rn} - 1) % ${step} = 0 or ${numbered.rn} = ${numbered.total}`)
    .orderBy(asc(numbered.rn));
}

/** The task's photos that have a position, in capture order, for the track map. */
export function listTrackPhotos(db: Db, taskId: string) {
  return db
    .select({
      id: fieldPhotos.id,
      stage: fieldPhotos.stage,
      photoType: fieldPhotos.photoType,
      latitude: fieldPhotos.latitude,
      longitude: fieldPhotos.longitude,
      capturedAt: fieldPhotos.capturedAt,
    })
    .from(fieldPhotos)
    .where(
      and(eq(fieldPhotos.taskId, taskId), isNotNull(fieldPhotos.latitude), isNotNull(fieldPhotos.longitude)),
    )
    .orderBy(asc(fieldPhotos.capturedAt), asc(fieldPhotos.id));
}
