import { and, count, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { captchaChallenges, publicLookups } from './public.tables.ts';

export async function insertLookup(db: Db, values: typeof publicLookups.$inferInsert): Promise<number> {
  const [row] = await db.insert(publicLookups).values(values).returning({ id: publicLookups.id });
  if (!row) throw new Error('public_lookups insert returned nothing');
  return row.id;
}

export async function countMissesSince(db: Db, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(publicLookups)
    .where(and(eq(publicLookups.ip, ip), eq(publicLookups.found, false), gt(publicLookups.at, since)));
  return row?.n ?? 0;
}

export async function deleteLookupsBefore(db: Db, before: Date): Promise<void> {
  await db.delete(publicLookups).where(lt(publicLookups.at, before));
}

export async function insertCaptcha(db: Db, values: typeof captchaChallenges.$inferInsert): Promise<string> {
  const [row] = await db.insert(captchaChallenges).values(values).returning({ id: captchaChallenges.id });
  if (!row) throw new Error('captcha_challenges insert returned nothing');
  return row.id;
}

/**
 * Uses a captcha up (compare-and-set), right answer or wrong, so each image allows one guess.
 * Returns its answer hash, or undefined when it is unknown, expired or already used.
 */
export async function claimCaptcha(db: Db, id: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(captchaChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(captchaChallenges.id, id),
        isNull(captchaChallenges.usedAt),
        gt(captchaChallenges.expiresAt, now),
      ),
    )
    .returning({ answerHash: captchaChallenges.answerHash });
  return row?.answerHash;
}

export async function deleteCaptchasExpiredBefore(db: Db, before: Date): Promise<void> {
  await db.delete(captchaChallenges).where(lt(captchaChallenges.expiresAt, before));
}
