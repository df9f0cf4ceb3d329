import type { AgencyStatus, Page } from '@eco/contracts';
import { api } from '../../app/api.ts';

/** An agency as the API lists and shows it (server: agencySummarySchema). */
export type AgencySummary = {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  status: AgencyStatus;
  legalRepresentative: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  /** Codes of the 行业类别 dictionary. */
  industryCategories: string[];
  cmaNumber: string | null;
  cmaValidTo: string | null;
  createdAt: string;
};

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
