import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { users } from '../users/users.tables.ts';

/** A live staff record; `forUpdate` locks it so two allocations for it cannot interleave. */
export async function findStaff(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ id: personnel.id, agencyId: personnel.agencyId, name: personnel.name })
    .from(personnel)
    .where(and(eq(personnel.id, id), isNull(personnel.deletedAt)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findMobileAccount(db: Db, personnelId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.personnelId, personnelId), eq(users.kind, 'mobile')))
    .limit(1);
  return row;
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return Boolean(row);
}

export async function insertMobileUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id, username: users.username });
  if (!row) throw new Error('user insert returned nothing');
  return row;
}
