import type { Page, ProjectSummary } from '@eco/contracts';
import { api } from '../../app/api.ts';

/** The queue's filters; the server keeps it to submitted projects in the regulator's region. */
export type ProjectReviewSearch = {
  page: number;
  pageSize: number;
  name?: string;
  regionCode?: string;
  agencyId?: string;
};

export const projectReviewKeys = {
  all: ['project-reviews'] as const,
  search: (search: ProjectReviewSearch) => ['project-reviews', 'search', search] as const,
  count: ['project-reviews', 'count'] as const,
};

export function fetchProjectReviews(search: ProjectReviewSearch): Promise<Page<ProjectSummary>> {
  return api.get<Page<ProjectSummary>>('/api/v1/project-reviews', search);
}

export async function fetchProjectReviewCount(): Promise<number> {
  return (await api.get<{ count: number }>('/api/v1/project-reviews/count')).count;
}
