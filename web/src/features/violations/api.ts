import type {
  Page,
  RectificationState,
  ViolationDetail,
  ViolationInput,
  ViolationSummary,
} from '@eco/contracts';
import { api } from '../../app/api.ts';

/** The filters of 违规管理 · 违规待整改 · 历史整改记录, as the URL carries them. */
export type ViolationFilters = {
  projectName?: string;
  state?: RectificationState;
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Regulators only. */
  agencyId?: string;
};

export type ViolationSearch = ViolationFilters & {
  page: number;
  pageSize: number;
  /** 历史整改记录: only violations with at least one rectification round. */
  hasRounds?: boolean;
  /** 违规待整改: only those not yet 已整改. */
  isOpen?: boolean;
};

export const violationKeys = {
  all: ['violations'] as const,
  search: (search: ViolationSearch) => ['violations', 'search', search] as const,
  one: (id: string) => ['violations', 'one', id] as const,
};

function pathOf(id: string, action?: string): string {
  const base = `/api/v1/violations/${encodeURIComponent(id)}`;
  return action ? `${base}/${action}` : base;
}

export function searchViolations(search: ViolationSearch): Promise<Page<ViolationSummary>> {
  return api.get<Page<ViolationSummary>>('/api/v1/violations', search);
}

export function fetchViolation(id: string): Promise<ViolationDetail> {
  return api.get<ViolationDetail>(pathOf(id));
}

/** 开具违规 (regulator). */
export function issueViolation(input: ViolationInput): Promise<ViolationDetail> {
  return api.post<ViolationDetail>('/api/v1/violations', input);
}

/** 提交整改 (agency): the evidence files must have been uploaded before. */
export function submitRectification(id: string, description: string): Promise<ViolationDetail> {
  return api.post<ViolationDetail>(pathOf(id, 'rectify'), { description });
}

/** 整改通过 (regulator). */
export function acceptRectification(id: string): Promise<ViolationDetail> {
  return api.post<ViolationDetail>(pathOf(id, 'accept'));
}

/** 驳回整改 (regulator): back to 待整改 for another round. */
export function rejectRectification(id: string, reason: string): Promise<ViolationDetail> {
  return api.post<ViolationDetail>(pathOf(id, 'reject'), { reason });
}
