import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { violations } from '../violations/violations.tables.ts';

/** As isAgencyApproved: a version a regulator approved is in force (the row holds those values). */
const isApprovedAgency = or(eq(agencies.status, 'approved'), isNotNull(agencies.approvedAt));

/** As isPersonnelApproved: approved, or approved with a change waiting for review. */
const isApprovedStaff = or(eq(personnel.status, 'approved'), isNotNull(personnel.pendingChanges));

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Only what the directory shows: no contact person, phone, e-mail or legal representative. */
const publicColumns = {
  id: agencies.id,
  name: agencies.name,
  regionCode: agencies.regionCode,
  regionName: regions.name,
  industryCategories: agencies.industryCategories,
  cmaValidFrom: agencies.cmaValidFrom,
  cmaValidTo: agencies.cmaValidTo,
  creditCode: agencies.creditCode,
  officeAddress: agencies.officeAddress,
  registeredAddress: agencies.registeredAddress,
  cmaNumber: agencies.cmaNumber,
};

/** A page of approved agencies, by name, with a fuzzy (substring) name filter. */
export async function listApprovedAgencies(
  db: Db,
  filter: { name?: string | undefined; page: number; pageSize: number },
) {
  const conditions: (SQL | undefined)[] = [isApprovedAgency];
  if (filter.name) conditions.push(ilike(agencies.name, `%${escapeLike(filter.name)}%`));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select(publicColumns)
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencies.name), asc(agencies.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(agencies).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export type PublicAgencyRow = Awaited<ReturnType<typeof listApprovedAgencies>>['items'][number];

export async function findApprovedAgency(db: Db, id: string): Promise<PublicAgencyRow | undefined> {
  const [row] = await db
    .select(publicColumns)
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(and(eq(agencies.id, id), isApprovedAgency))
    .limit(1);
  return row;
}

export async function countApprovedStaff(db: Db, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(personnel)
    .where(and(eq(personnel.agencyId, agencyId), isNull(personnel.deletedAt), isApprovedStaff));
  return row?.n ?? 0;
}

/** 已完成项目: projects a regulator approved, not deleted. */
export async function countCompletedProjects(db: Db, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.agencyId, agencyId), eq(projects.status, 'approved'), isNull(projects.deletedAt)));
  return row?.n ?? 0;
}

/** The agency's 违规记录 as the public sees them: when, what, and where it stands (newest 20). */
export function listPublicViolations(db: Db, agencyId: string) {
  return db
    .select({
      id: violations.id,
      issuedAt: violations.issuedAt,
      problem: violations.problem,
      status: violations.status,
      deadline: violations.deadline,
    })
    .from(violations)
    .where(eq(violations.agencyId, agencyId))
    .orderBy(desc(violations.issuedAt), desc(violations.id))
    .limit(20);
}
