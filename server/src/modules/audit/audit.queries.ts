import { and, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';

export type AuditFilter = {
  regionScope: string | null;
  actorName?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  agencyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
};

/** A page of audit records, newest first; a regulator sees those of agencies in its region. */
export async function listAuditRecords(db: Db, f: AuditFilter) {
  const conditions: SQL[] = [];
  if (f.regionScope) {
    const inRegion = db
      .select({ id: agencies.id })
      .from(agencies)
      .where(withinRegion(agencies.regionCode, f.regionScope));
    conditions.push(inArray(auditLog.agencyId, inRegion));
  }
  if (f.actorName) conditions.push(ilike(auditLog.actorName, `%${f.actorName.replace(/[\\%_]/g, '\\$&')}%`));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.targetType) conditions.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conditions.push(eq(auditLog.targetId, f.targetId));
  if (f.agencyId) conditions.push(eq(auditLog.agencyId, f.agencyId));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
