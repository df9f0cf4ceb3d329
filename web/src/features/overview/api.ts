import type { Overview } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../app/api.ts';

export const overviewKeys = {
  all: ['overview'] as const,
};

export function fetchOverview(): Promise<Overview> {
  return api.get<Overview>('/api/v1/overview');
}

/** 监管总览 of the regulator's region; the 审核中心 tabs read their counts from it too. */
export function useOverview() {
  return useQuery({ queryKey: overviewKeys.all, queryFn: fetchOverview, staleTime: 30_000 });
}

/** Where each figure leads: the lists read these query keys as their initial filters. */
export const overviewLinks = {
  projects: (
    filter: { status?: string; regionCode?: string; monitoringType?: string; month?: string } = {},
  ) => buildUrl('/projects', filter),
  agencies: (status?: string) => buildUrl('/agencies', { status }),
  violations: (state?: 'pending' | 'overdue' | 'submitted') => buildUrl('/violations', { state }),
  fieldEvidence: () => '/field-evidence',
  reviews: (tab?: 'agencies' | 'personnel' | 'projects') => buildUrl('/reviews', { tab }),
};
