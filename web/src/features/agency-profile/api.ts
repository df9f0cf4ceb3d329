import type {
  AgencyProfileInput,
  AgencyProfileView,
  AgencyReviewDetail,
  AgencyReviewItem,
  AgencyStatus,
  Page,
  RegionNode,
} from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api.ts';

export type ReviewSearch = { status: AgencyStatus; page: number; pageSize: number };

export const profileKeys = {
  current: ['agency-profile', 'current'] as const,
  reviews: (search: ReviewSearch) => ['agency-reviews', 'list', search] as const,
  reviewsAll: ['agency-reviews'] as const,
  review: (id: string) => ['agency-reviews', 'one', id] as const,
  regions: ['regions', 'tree'] as const,
};

export function fetchOwnProfile(): Promise<AgencyProfileView> {
  return api.get<AgencyProfileView>('/api/v1/agencies/current/profile');
}

export function saveOwnProfile(input: AgencyProfileInput): Promise<AgencyProfileView> {
  return api.put<AgencyProfileView>('/api/v1/agencies/current/profile', input);
}

export function submitOwnProfile(): Promise<AgencyProfileView> {
  return api.post<AgencyProfileView>('/api/v1/agencies/current/profile/submit');
}

export function fetchAgencyReviews(search: ReviewSearch): Promise<Page<AgencyReviewItem>> {
  return api.get<Page<AgencyReviewItem>>('/api/v1/reviews/agencies', search);
}

export function fetchAgencyReview(id: string): Promise<AgencyReviewDetail> {
  return api.get<AgencyReviewDetail>(`/api/v1/reviews/agencies/${encodeURIComponent(id)}`);
}

export function approveAgencyReview(id: string): Promise<AgencyReviewDetail> {
  return api.post<AgencyReviewDetail>(`/api/v1/reviews/agencies/${encodeURIComponent(id)}/approve`);
}

export function returnAgencyReview(id: string, reason: string): Promise<AgencyReviewDetail> {
  return api.post<AgencyReviewDetail>(`/api/v1/reviews/agencies/${encodeURIComponent(id)}/return`, {
    reason,
  });
}

/** 四川省's 市州 → 区县, for the 所在地区 cascader (the province itself is implied). */
export function useRegionTree() {
  return useQuery({
    queryKey: profileKeys.regions,
    queryFn: async () => (await api.get<{ items: RegionNode[] }>('/api/v1/regions/tree')).items,
    staleTime: 60 * 60_000,
    select: (items) => items.flatMap((province) => province.children ?? []),
  });
}

/** code → name for every 市州 and 区县. */
export function useRegionNames(): Record<string, string> {
  const tree = useRegionTree();
  return useMemo(() => {
    const names: Record<string, string> = {};
    for (const city of tree.data ?? []) {
      names[city.code] = city.name;
      for (const district of city.children ?? []) names[district.code] = district.name;
    }
    return names;
  }, [tree.data]);
}
