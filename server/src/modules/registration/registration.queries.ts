import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { users } from '../users/users.tables.ts';

export async function isCountyRegion(db: Db, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, 3)))
    .limit(1);
  return Boolean(row);
}

export async function isCreditCodeTaken(db: Db, creditCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.creditCode, creditCode))
    .limit(1);
  return Boolean(row);
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return Boolean(row);
}

/** Personal accounts are one per person: found by the ID number's look-up hash. */
export async function isIdNumberRegistered(db: Db, idNumberHash: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.idNumberHash, idNumberHash), eq(users.kind, 'personal')))
    .limit(1);
  return Boolean(row);
}

export async function insertAgency(db: Db, values: typeof agencies.$inferInsert) {
  const [row] = await db.insert(agencies).values(values).returning();
  if (!row) throw new Error('agency insert returned nothing');
  return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('user insert returned nothing');
  return row;
}
