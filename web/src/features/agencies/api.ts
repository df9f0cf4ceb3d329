import type { AgencyStatus, AgencySummary, Page } from '@eco/contracts';

export type { AgencySummary };

import { api } from '../../app/api.ts';

export type AgencySearch = { page: number; pageSize: number; name?: string; status?: AgencyStatus };

export const agencyKeys = {
  current: ['agencies', 'current'] as const,
  one: (id: string) => ['agencies', 'one', id] as const,
  search: (params: AgencySearch) => ['agencies', 'search', params] as const,
};

export function fetchCurrentAgency(): Promise<AgencySummary> {
  return api.get<AgencySummary>('/api/v1/agencies/current');
}

export function fetchAgency(id: string): Promise<AgencySummary> {
  return api.get<AgencySummary>(`/api/v1/agencies/${encodeURIComponent(id)}`);
}

export function searchAgencies(params: AgencySearch): Promise<Page<AgencySummary>> {
  return api.get<Page<AgencySummary>>('/api/v1/agencies', params);
}
