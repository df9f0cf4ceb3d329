import type { PersonnelSort } from '@eco/contracts';
import { and, asc, count, desc, eq, ilike, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { users } from '../users/users.tables.ts';
import { personnel } from './personnel.tables.ts';
import type { PersonnelRow } from './personnel.values.ts';

export type PersonnelListFilter = {
  agencyId: string;
  name?: string | undefined;
  gender?: string | undefined;
  title?: string | undefined;
  sort: PersonnelSort;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether a users row (a mobile or personal account) is linked to the staff record. */
const hasAccount = sql<boolean>`exists (select 1 from "users" u where u."personnel_id" = "personnel"."id")`;

const sortColumns = {
  name: { column: personnel.name, cast: 'text' },
  gender: { column: personnel.gender, cast: 'text' },
  title: { column: personnel.title, cast: 'text' },
  education: { column: personnel.education, cast: 'text' },
  status: { column: personnel.status, cast: 'text' },
  createdAt: { column: personnel.createdAt, cast: 'timestamptz' },
} as const;

function sortOf(sort: PersonnelSort) {
  const isDesc = sort.startsWith('-');
  const key = (isDesc ? sort.slice(1) : sort) as keyof typeof sortColumns;
  return { ...sortColumns[key], isDesc };
}

function listConditions(filter: PersonnelListFilter): SQL[] {
  const conditions = [eq(personnel.agencyId, filter.agencyId), isNull(personnel.deletedAt)];
  if (filter.name) conditions.push(ilike(personnel.name, `%${escapeLike(filter.name)}%`));
  if (filter.gender) conditions.push(eq(personnel.gender, filter.gender));
  if (filter.title) conditions.push(eq(personnel.title, filter.title));
  return conditions;
}

/** A page of an agency's staff (not deleted), with whether each has an account. */
export async function listPersonnel(
  db: Db,
  filter: PersonnelListFilter & { page: number; pageSize: number },
): Promise<{ items: Array<{ row: PersonnelRow; hasAccount: boolean }>; total: number }> {
  const where = and(...listConditions(filter));
  const { column, isDesc } = sortOf(filter.sort);
  const order = isDesc ? [desc(column), desc(personnel.id)] : [asc(column), asc(personnel.id)];
  const [items, totals] = await Promise.all([
    db
      .select({ row: personnel, hasAccount })
      .from(personnel)
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(personnel).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export type PersonnelCursor = { key: string; id: string };

/**
 * One batch of the same query in the same order, after `cursor` (keyset paging): an export reads
 * every row without OFFSET and without holding them all. The cursor carries the sort value as
 * text, so timestamps keep their microseconds.
 */
export async function listPersonnelBatch(
  db: Db,
  filter: PersonnelListFilter,
  cursor: PersonnelCursor | null,
  limit: number,
) {
  const { column, cast, isDesc } = sortOf(filter.sort);
  const conditions = listConditions(filter);
  if (cursor) {
    const key = cast === 'timestamptz' ? sql`${cursor.key}::timestamptz` : sql`${cursor.key}::text`;
    conditions.push(
      isDesc
        ? sql`(${column}, ${personnel.id}) < (${key}, ${cursor.id}::uuid)`
        : sql`(${column}, ${personnel.id}) > (${key}, ${cursor.id}::uuid)`,
    );
  }
  return db
    .select({ row: personnel, hasAccount, cursorKey: sql<string>`${column}::text` })
    .from(personnel)
    .where(and(...conditions))
    .orderBy(...(isDesc ? [desc(column), desc(personnel.id)] : [asc(column), asc(personnel.id)]))
    .limit(limit);
}

/** One staff record (deleted ones too, for the history) with its agency's region. */
export async function findPersonnel(db: Db, id: string) {
  const [found] = await db
    .select({ row: personnel, hasAccount, agencyName: agencies.name, regionCode: agencies.regionCode })
    .from(personnel)
    .innerJoin(agencies, eq(agencies.id, personnel.agencyId))
    .where(eq(personnel.id, id))
    .limit(1);
  return found;
}

/** Locks the row for the rest of the transaction. */
export async function lockPersonnel(db: Db, id: string): Promise<PersonnelRow | undefined> {
  const [row] = await db.select().from(personnel).where(eq(personnel.id, id)).for('update');
  return row;
}

/**
 * Whether another not-deleted staff record of the agency holds this ID number, in force or in a
 * change waiting for review.
 */
export async function isIdNumberTaken(
  db: Db,
  agencyId: string,
  idNumberHash: string,
  exceptId: string | null,
): Promise<boolean> {
  const conditions = [
    eq(personnel.agencyId, agencyId),
    isNull(personnel.deletedAt),
    sql`(${personnel.idNumberHash} = ${idNumberHash} or ${personnel.pendingChanges} ->> 'idNumberHash' = ${idNumberHash})`,
  ];
  if (exceptId) conditions.push(ne(personnel.id, exceptId));
  const [row] = await db
    .select({ id: personnel.id })
    .from(personnel)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}

export async function insertPersonnel(db: Db, values: typeof personnel.$inferInsert): Promise<PersonnelRow> {
  const [row] = await db.insert(personnel).values(values).returning();
  if (!row) throw new Error('personnel not inserted');
  return row;
}

/** Updates a not-deleted row only while it is still in `fromStatus` (compare-and-set). */
export async function updatePersonnelFrom(
  db: Db,
  id: string,
  fromStatus: string,
  set: Partial<typeof personnel.$inferInsert>,
): Promise<PersonnelRow | undefined> {
  const [row] = await db
    .update(personnel)
    .set(set)
    .where(and(eq(personnel.id, id), eq(personnel.status, fromStatus), isNull(personnel.deletedAt)))
    .returning();
  return row;
}

/** The distinct 职称 entered for the agency's staff, for the query bar. */
export async function listAgencyTitles(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ title: personnel.title })
    .from(personnel)
    .where(and(eq(personnel.agencyId, agencyId), isNull(personnel.deletedAt)))
    .orderBy(asc(personnel.title));
  return rows.map((r) => r.title);
}

/** Records waiting for review in a region, oldest submission first. */
export async function listPersonnelForReview(
  db: Db,
  filter: { regionScope: string; page: number; pageSize: number },
) {
  const where = and(
    eq(personnel.status, 'submitted'),
    isNull(personnel.deletedAt),
    withinRegion(agencies.regionCode, filter.regionScope),
  );
  const [items, totals] = await Promise.all([
    db
      .select({ row: personnel, hasAccount, agencyName: agencies.name, regionCode: agencies.regionCode })
      .from(personnel)
      .innerJoin(agencies, eq(agencies.id, personnel.agencyId))
      .where(where)
      .orderBy(asc(personnel.submittedAt), asc(personnel.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: count() })
      .from(personnel)
      .innerJoin(agencies, eq(agencies.id, personnel.agencyId))
      .where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** Disables the accounts linked to a staff record; returns their ids. */
export async function disableLinkedAccounts(db: Db, personnelId: string, at: Date): Promise<string[]> {
  const rows = await db
    .update(users)
    .set({ disabledAt: at })
    .where(and(eq(users.personnelId, personnelId), isNull(users.disabledAt)))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}
