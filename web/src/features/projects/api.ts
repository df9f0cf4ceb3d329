import type {
  AssignableStaff,
  Page,
  ProjectAction,
  ProjectDetail,
  ProjectInput,
  ProjectReport,
  ProjectSort,
  ProjectStatus,
  ProjectSummary,
} from '@eco/contracts';
import { api, buildUrl, uploadFile } from '../../app/api.ts';

/** The 查询统计 filters as the URL carries them; empty ones are dropped. */
export type ProjectFilters = {
  name?: string;
  projectNo?: string;
  status?: ProjectStatus;
  regionCode?: string;
  agencyId?: string;
};

export type ProjectSearch = ProjectFilters & { page: number; pageSize: number; sort?: ProjectSort };

export const projectKeys = {
  all: ['projects'] as const,
  search: (search: ProjectSearch) => ['projects', 'search', search] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  staff: ['projects', 'assignable-staff'] as const,
};

export type ProjectPage = Page<ProjectSummary> & { isTotalCapped?: boolean };

export function searchProjects(search: ProjectSearch): Promise<ProjectPage> {
  return api.get<ProjectPage>('/api/v1/projects', search);
}

/** The .xlsx of every project matching the filters, not only the page shown. */
export function projectExportUrl(filters: ProjectFilters & { sort?: ProjectSort }): string {
  return buildUrl('/api/v1/projects/export', filters);
}

export function createProject(input: ProjectInput): Promise<ProjectDetail> {
  return api.post<ProjectDetail>('/api/v1/projects', input);
}

export async function fetchAssignableStaff(): Promise<AssignableStaff[]> {
  return (await api.get<{ items: AssignableStaff[] }>('/api/v1/projects/assignable-staff')).items;
}

export function fetchProject(id: string): Promise<ProjectDetail> {
  return api.get<ProjectDetail>(`/api/v1/projects/${encodeURIComponent(id)}`);
}

export function deleteProject(id: string): Promise<void> {
  return api.delete(`/api/v1/projects/${encodeURIComponent(id)}`);
}

/** 提交 / 再提交 / 审核通过 / 退回: the workflow's action endpoints; 退回 carries its reason. */
export function applyProjectAction(
  id: string,
  action: ProjectAction,
  reason?: string,
): Promise<ProjectDetail> {
  const path = `/api/v1/projects/${encodeURIComponent(id)}/${action}`;
  return api.post<ProjectDetail>(path, action === 'return' ? { reason } : undefined);
}

export function uploadProjectReport(
  id: string,
  target: { category: string; reportNumber: string },
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<ProjectReport> {
  const url = buildUrl(`/api/v1/projects/${encodeURIComponent(id)}/reports`, target);
  return uploadFile<ProjectReport>(url, file, onProgress, signal);
}

export function deleteProjectReport(id: string, reportId: string): Promise<void> {
  return api.delete(`/api/v1/projects/${encodeURIComponent(id)}/reports/${encodeURIComponent(reportId)}`);
}
