import type { AgencyStatus } from '@eco/contracts';
import { getJson } from '../../app/api.ts';

/** The fields of `GET /api/v1/agencies/current` the field app shows. */
export type CurrentAgency = { id: string; name: string; regionName: string | null; status: AgencyStatus };

export function fetchCurrentAgency(): Promise<CurrentAgency> {
  return getJson<CurrentAgency>('/api/v1/agencies/current');
}
