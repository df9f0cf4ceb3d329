import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { users } from './users.tables.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The user with what `me` shows: agency name and status, region name, staff posts. */
export async function findUserProfile(db: Db, id: string) {
  const [row] = await db
    .select({
      user: users,
      agencyName: agencies.name,
      agencyStatus: agencies.status,
      regionName: regions.name,
      posts: personnel.posts,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(personnel, eq(personnel.id, users.personnelId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, id));
}
