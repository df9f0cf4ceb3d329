import { and, asc, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { regions } from '../regions/regions.tables.ts';
import { agencies } from './agencies.tables.ts';

export type AgencyRow = typeof agencies.$inferSelect;

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

export async function findAgencyWithRegion(db: Db, id: string) {
  const [row] = await db
    .select({ agency: agencies, regionName: regions.name })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.id, id))
    .limit(1);
  return row;
}

export type AgencyListFilter = {
  regionScope: string | null;
  name?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of agencies within a region, newest first, with the region's name. */
export async function listAgencies(db: Db, filter: AgencyListFilter) {
  const conditions: SQL[] = [];
  if (filter.regionScope) conditions.push(withinRegion(agencies.regionCode, filter.regionScope));
  if (filter.name) conditions.push(ilike(agencies.name, `%${escapeLike(filter.name)}%`));
  if (filter.status) conditions.push(eq(agencies.status, filter.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select({ agency: agencies, regionName: regions.name })
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(desc(agencies.createdAt), asc(agencies.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(agencies).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
