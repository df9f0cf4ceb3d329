import type {
  Page,
  Personnel,
  PersonnelInput,
  PersonnelReviewItem,
  PersonnelSort,
  PersonnelUpdate,
  ReviewRecord,
} from '@eco/contracts';
import { api, buildUrl } from '../../app/api.ts';

export type PersonnelSearch = {
  page: number;
  pageSize: number;
  name?: string;
  gender?: string;
  title?: string;
  sort?: PersonnelSort;
};

export const personnelKeys = {
  all: ['personnel'] as const,
  search: (params: PersonnelSearch) => ['personnel', 'search', params] as const,
  titles: ['personnel', 'titles'] as const,
  one: (id: string) => ['personnel', 'one', id] as const,
  history: (id: string) => ['personnel', 'history', id] as const,
  reviews: (page: number, pageSize: number) => ['personnel', 'reviews', page, pageSize] as const,
};

export function searchPersonnel(params: PersonnelSearch): Promise<Page<Personnel>> {
  return api.get<Page<Personnel>>('/api/v1/personnel', params);
}

export async function fetchAgencyTitles(): Promise<string[]> {
  return (await api.get<{ items: string[] }>('/api/v1/personnel/titles')).items;
}

export function fetchPersonnel(id: string): Promise<Personnel> {
  return api.get<Personnel>(`/api/v1/personnel/${encodeURIComponent(id)}`);
}

export async function fetchPersonnelHistory(id: string): Promise<ReviewRecord[]> {
  return (await api.get<{ items: ReviewRecord[] }>(`/api/v1/personnel/${encodeURIComponent(id)}/history`))
    .items;
}

export function createPersonnel(input: PersonnelInput): Promise<Personnel> {
  return api.post<Personnel>('/api/v1/personnel', input);
}

export function updatePersonnel(id: string, input: PersonnelUpdate): Promise<Personnel> {
  return api.put<Personnel>(`/api/v1/personnel/${encodeURIComponent(id)}`, input);
}

export function deletePersonnel(id: string): Promise<void> {
  return api.delete(`/api/v1/personnel/${encodeURIComponent(id)}`);
}

/** The .xlsx of every row matching the filters (not just the page shown). */
export function personnelExportUrl(params: Omit<PersonnelSearch, 'page' | 'pageSize'>): string {
  return buildUrl('/api/v1/personnel/export', params);
}

export function fetchPersonnelReviews(page: number, pageSize: number): Promise<Page<PersonnelReviewItem>> {
  return api.get<Page<PersonnelReviewItem>>('/api/v1/reviews/personnel', { page, pageSize });
}

export function approvePersonnel(id: string): Promise<Personnel> {
  return api.post<Personnel>(`/api/v1/reviews/personnel/${encodeURIComponent(id)}/approve`);
}

export function returnPersonnel(id: string, reason: string): Promise<Personnel> {
  return api.post<Personnel>(`/api/v1/reviews/personnel/${encodeURIComponent(id)}/return`, { reason });
}
