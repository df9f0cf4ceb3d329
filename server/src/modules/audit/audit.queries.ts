import { and, count, desc, eq, gte, ilike, inArray, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { users } from '../users/users.tables.ts';

export type AuditFilter = {
  regionScope: string | null;
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  agencyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
};

function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * 操作人 matches the recorded name, the acting account's username, or, for login rows (written
 * before there is a session, so with no actor), the username the row names.
 */
function actorMatches(db: Db, text: string): SQL | undefined {
  const pattern = containing(text);
  const byUsername = db.select({ id: users.id }).from(users).where(ilike(users.username, pattern));
  return or(
    ilike(auditLog.actorName, pattern),
    inArray(auditLog.actorId, byUsername),
    and(like(auditLog.action, 'auth.%'), ilike(sql`${auditLog.after}->>'username'`, pattern)),
  );
}

function conditionsOf(db: Db, f: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.regionScope) {
    const inRegion = db
      .select({ id: agencies.id })
      .from(agencies)
      .where(withinRegion(agencies.regionCode, f.regionScope));
    conditions.push(inArray(auditLog.agencyId, inRegion));
  }
  if (f.actor) {
    const matches = actorMatches(db, f.actor);
    if (matches) conditions.push(matches);
  }
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.targetType) conditions.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conditions.push(eq(auditLog.targetId, f.targetId));
  if (f.agencyId) conditions.push(eq(auditLog.agencyId, f.agencyId));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  return conditions;
}

/** A page of audit records, newest first, with the actor's username and the agency's name. */
export async function listAuditRecords(db: Db, f: AuditFilter) {
  const conditions = conditionsOf(db, f);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select({ record: auditLog, actorUsername: users.username, agencyName: agencies.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(agencies, eq(agencies.id, auditLog.agencyId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
