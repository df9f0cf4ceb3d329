import type { AuditRecord, AuditVerification, Page } from '@eco/contracts';

export type { AuditRecord, AuditVerification };

import { api } from '../../app/api.ts';

/** The 审计日志 filters as the API takes them (see auditQuerySchema). */
export type AuditSearch = {
  page: number;
  pageSize: number;
  /** Part of the actor's name or username. */
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  agencyId?: string;
  /** ISO instants bounding the time range. */
  from?: string;
  to?: string;
};

export const auditKeys = {
  search: (params: AuditSearch) => ['audit', 'search', params] as const,
  verify: ['audit', 'verify'] as const,
};

export function searchAudit(params: AuditSearch): Promise<Page<AuditRecord>> {
  return api.get<Page<AuditRecord>>('/api/v1/audit', params);
}

export function verifyAudit(): Promise<AuditVerification> {
  return api.get<AuditVerification>('/api/v1/audit/verify');
}
