import type { FieldTaskDetail, FieldTrack, MapConfig } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const fieldWorkKeys = {
  all: ['field-work'] as const,
  projectTasks: (projectId: string) => ['field-work', 'project-tasks', projectId] as const,
  track: (taskId: string) => ['field-work', 'track', taskId] as const,
  mapConfig: ['field-work', 'map-config'] as const,
};

export function fetchProjectFieldTasks(projectId: string): Promise<FieldTaskDetail[]> {
  return api.get<FieldTaskDetail[]>(`/api/v1/projects/${encodeURIComponent(projectId)}/field-tasks`);
}

export function fetchFieldTrack(taskId: string): Promise<FieldTrack> {
  return api.get<FieldTrack>(`/api/v1/field/tasks/${encodeURIComponent(taskId)}/track`);
}

export function fetchMapConfig(): Promise<MapConfig> {
  return api.get<MapConfig>('/api/v1/field/map-config');
}

/** The tasks recorded on the phone for one project, with their photos and history. */
export function useProjectFieldTasks(projectId: string) {
  return useQuery({
    queryKey: fieldWorkKeys.projectTasks(projectId),
    queryFn: () => fetchProjectFieldTasks(projectId),
  });
}

/** 监测航迹 of one task; fetched only while the map is open. */
export function useFieldTrack(taskId: string | null) {
  return useQuery({
    queryKey: fieldWorkKeys.track(taskId ?? ''),
    queryFn: () => fetchFieldTrack(taskId ?? ''),
    enabled: taskId !== null,
  });
}

/** Where tiles come from is server configuration; it changes only with a restart. */
export function useMapConfig(isEnabled: boolean) {
  return useQuery({
    queryKey: fieldWorkKeys.mapConfig,
    queryFn: fetchMapConfig,
    enabled: isEnabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type PhotoVariant = 'thumbnail' | 'watermarked' | 'original';

/** The photo file URLs: the thumbnail and watermarked copy carry no GPS; the original is access-checked. */
export function photoUrl(photoId: string, variant: PhotoVariant): string {
  return `/api/v1/field/photos/${encodeURIComponent(photoId)}/${variant}`;
}
