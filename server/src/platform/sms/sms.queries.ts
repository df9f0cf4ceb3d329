import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { smsCodes, smsOutbox } from './sms.tables.ts';

export type SmsCodeRow = typeof smsCodes.$inferSelect;

/** Serialises code requests for one number, so two at once cannot both pass the limits. */
export async function lockMobile(tx: Db, mobileHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${mobileHash}`}))`);
}

export async function findLatestCodeForMobile(db: Db, mobileHash: string): Promise<SmsCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(eq(smsCodes.mobileHash, mobileHash))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row;
}

export async function countCodesForMobileSince(db: Db, mobileHash: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.mobileHash, mobileHash), gt(smsCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function countCodesForIpSince(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.ip, ip), gt(smsCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertCode(db: Db, values: typeof smsCodes.$inferInsert): Promise<SmsCodeRow> {
  const [row] = await db.insert(smsCodes).values(values).returning();
  if (!row) throw new Error('sms_codes insert returned nothing');
  return row;
}

/** The newest unconsumed code for a number and purpose: only the latest one counts. */
export async function findLatestOpenCode(
  db: Db,
  mobileHash: string,
  purpose: string,
): Promise<SmsCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(
      and(eq(smsCodes.mobileHash, mobileHash), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt)),
    )
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row;
}

/** Counts a wrong try; returns the attempts now recorded. */
export async function incrementAttempts(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(eq(smsCodes.id, id))
    .returning({ attempts: smsCodes.attempts });
  return row?.attempts ?? Number.MAX_SAFE_INTEGER;
}

/** Compare-and-set: false when another request consumed the code first. */
export async function markCodeConsumed(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(smsCodes)
    .set({ consumedAt: at })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.consumedAt)))
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}

export async function listOutboxForMobile(db: Db, mobileHash: string, limit = 20) {
  return db
    .select({
      id: smsOutbox.id,
      mobileMasked: smsOutbox.mobileMasked,
      purpose: smsOutbox.purpose,
      body: smsOutbox.body,
      status: smsOutbox.status,
      createdAt: smsOutbox.createdAt,
    })
    .from(smsOutbox)
    .where(eq(smsOutbox.mobileHash, mobileHash))
    .orderBy(desc(smsOutbox.createdAt))
    .limit(limit);
}
