import type { FieldPhotoFlag, FlaggedPhoto, Page } from '@eco/contracts';
import { api } from '../../app/api.ts';

export type FlaggedPhotoSearch = { page: number; pageSize: number; flag?: FieldPhotoFlag };

export const fieldEvidenceKeys = {
  all: ['field-evidence'] as const,
  flagged: (search: FlaggedPhotoSearch) => ['field-evidence', 'flagged', search] as const,
};

/** The region's flagged field photos, newest first. */
export function fetchFlaggedPhotos(search: FlaggedPhotoSearch): Promise<Page<FlaggedPhoto>> {
  return api.get<Page<FlaggedPhoto>>('/api/v1/field-photos/flagged', search);
}
