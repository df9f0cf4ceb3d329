import type { FieldTrack, MapConfig } from '@eco/contracts';
import { getJson } from '../../app/api.ts';

export type TrackData = { track: FieldTrack; mapConfig: MapConfig };

/** 监测航迹 with where the map tiles come from. */
export async function fetchTrackData(taskId: string): Promise<TrackData> {
  const [track, mapConfig] = await Promise.all([
    getJson<FieldTrack>(`/api/v1/field/tasks/${taskId}/track`),
    getJson<MapConfig>('/api/v1/field/map-config'),
  ]);
  return { track, mapConfig };
}
