import type { Page } from '@eco/contracts';
import { api } from '../../app/api.ts';

export type AuditRecord = {
  id: number;
  /** ISO time in UTC. */
  at: string;
  actorName: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
};

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
