import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { users } from '../users/users.tables.ts';
import { ssoRequests } from './sso.tables.ts';

export type SsoRequestRow = typeof ssoRequests.$inferSelect;

export async function insertSsoRequest(db: Db, row: SsoRequestRow): Promise<void> {
  await db.insert(ssoRequests).values(row);
}

/** Takes the request for a state exactly once: a replayed callback finds nothing. */
export async function takeSsoRequest(db: Db, state: string): Promise<SsoRequestRow | undefined> {
  const [row] = await db.delete(ssoRequests).where(eq(ssoRequests.state, state)).returning();
  return row;
}

export async function purgeSsoRequests(db: Db, olderThan: Date): Promise<void> {
  await db.delete(ssoRequests).where(lt(ssoRequests.createdAt, olderThan));
}

/** The legal-person account of the agency with this credit code. */
export async function findLegalPersonUser(db: Db, creditCode: string) {
  const [row] = await db
    .select({ user: users })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(agencies.creditCode, creditCode), eq(users.role, 'agency_admin'), isNull(users.disabledAt)))
    .orderBy(desc(sql`${users.kind} = 'legal_person'`), asc(users.createdAt))
    .limit(1);
  return row?.user;
}

/** Accounts of a natural person, by the keyed hash of the ID number: personal and field-app accounts. */
export async function findNaturalPersonUsers(db: Db, idNumberHash: string) {
  const personal = await db
    .select()
    .from(users)
    .where(and(eq(users.idNumberHash, idNumberHash), isNull(users.disabledAt)));
  const staff = await db
    .select({ user: users })
    .from(users)
    .innerJoin(personnel, eq(personnel.id, users.personnelId))
    .where(
      and(eq(personnel.idNumberHash, idNumberHash), isNull(personnel.deletedAt), isNull(users.disabledAt)),
    );
  const all = [...personal, ...staff.map((s) => s.user)];
  return all.filter((u, i) => all.findIndex((v) => v.id === u.id) === i);
}
