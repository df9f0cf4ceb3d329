import type { AuditRecord, Page } from '@eco/contracts';

export type { AuditRecord };

import { api } from '../../app/api.ts';

export type AuditSearch = {
  page: number;
  pageSize: number;
  actorName?: string;
  action?: string;
  targetType?: string;
  /** ISO instants bounding the time range. */
  from?: string;
  to?: string;
};

export type AuditVerification = { ok: boolean; count: number; brokenId?: number; reason?: string };

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
