import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../context.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { canonicalJson } from './canonical.ts';

export const genesisHash = '0'.repeat(64);
const auditLockKey = 727_001;
const secretKey = /password|secret|token|hash$|enc$/i;

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string | null;
  agencyId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

type HashedFields = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
};

/** Plain JSON without secrets: what jsonb stores and gives back, so hashes agree on re-read. */
function sanitize(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (secretKey.test(key) || v === undefined) continue;
    out[key] = v;
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

export function computeAuditHash(prevHash: string, row: HashedFields): string {
  const body = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Only the fields that changed, before and after: what an auditor needs to see. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/**
 * Appends one audit record inside the caller's transaction. A transaction-scoped advisory
 * lock serialises appenders so the chain stays linear across server processes.
 */
export async function appendAudit(
  tx: Db,
  who: { actor: Actor | null; meta: RequestMeta; now: () => Date },
  entry: AuditEntry,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${auditLockKey})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const row: HashedFields = {
    at: who.now(),
    actorId: who.actor?.userId ?? null,
    actorName: who.actor?.displayName ?? null,
    actorRole: who.actor?.role ?? null,
    agencyId: entry.agencyId ?? who.actor?.agencyId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: sanitize(entry.before),
    after: sanitize(entry.after),
    ip: who.meta.ip,
    userAgent: who.meta.userAgent,
  };
  const prevHash = last?.hash ?? genesisHash;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: computeAuditHash(prevHash, row) });
}

export type ChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenId: number; reason: string };

/** Walks the whole chain in id order and names the first record that does not verify. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainVerification> {
  let prevHash = genesisHash;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, count };
    for (const r of rows) {
      if (r.prevHash !== prevHash) {
        return { ok: false, count, brokenId: r.id, reason: '与前一条记录的哈希不衔接（记录被删除或插入）' };
      }
      const { id: _id, prevHash: _p, hash, ...fields } = r;
      if (computeAuditHash(prevHash, fields) !== hash) {
        return { ok: false, count, brokenId: r.id, reason: '记录内容与其哈希不符（记录被篡改）' };
      }
      prevHash = hash;
      lastId = r.id;
      count++;
    }
  }
}
