import type { AuditQuery, AuditRecord, Page } from '@eco/contracts';
import { type ChainVerification, verifyAuditChain } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { listAuditRecords } from './audit.queries.ts';

/** Audit records the caller may see: all for the administrator, its region's for a regulator. */
export async function searchAudit(ctx: AuthedContext, query: AuditQuery): Promise<Page<AuditRecord>> {
  const regionScope = regulatorRegion(ctx.actor);
  const { items, total } = await listAuditRecords(ctx.db, { ...query, regionScope });
  return {
    items: items.map(({ record: r, actorUsername, agencyName }) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actorName,
      actorUsername,
      actorRole: r.actorRole,
      agencyId: r.agencyId,
      agencyName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Walks the whole hash chain; any caller who may read the log may ask whether it is intact. */
export function verifyAudit(ctx: AuthedContext): Promise<ChainVerification> {
  return verifyAuditChain(ctx.db);
}
