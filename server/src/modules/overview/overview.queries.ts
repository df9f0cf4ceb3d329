import { regionPrefix } from '@eco/contracts';
import { and, asc, count, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projectSearchConditions } from '../projects/projects.queries.ts';
import { projects } from '../projects/projects.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { violations } from '../violations/violations.tables.ts';

/** A grouped count: the group's key (a status, a region code, a month …) and its rows. */
export type GroupCount = { key: string; count: number };

/** Projects sited in the region, not deleted: the same WHERE 查询统计 uses (city_code / region_code equality). */
export function projectsInRegion(regionScope: string): SQL | undefined {
  return and(...projectSearchConditions({ regionCode: regionScope }, {}));
}

/** Agencies of the region per status. */
export function countAgenciesByStatus(db: Db, regionScope: string): Promise<GroupCount[]> {
  return db
    .select({ key: agencies.status, count: count() })
    .from(agencies)
    .where(withinRegion(agencies.regionCode, regionScope))
    .groupBy(agencies.status);
}

/** Staff records (not deleted) of the region's agencies per status. */
export function countStaffByStatus(db: Db, regionScope: string): Promise<GroupCount[]> {
  return db
    .select({ key: personnel.status, count: count() })
    .from(personnel)
    .innerJoin(agencies, eq(agencies.id, personnel.agencyId))
    .where(and(isNull(personnel.deletedAt), withinRegion(agencies.regionCode, regionScope)))
    .groupBy(personnel.status);
}

/** Projects of the region per status: an index-only count on projects_city_status_created_idx. */
export function countProjectsByStatus(db: Db, regionScope: string): Promise<GroupCount[]> {
  return db
    .select({ key: projects.status, count: count() })
    .from(projects)
    .where(projectsInRegion(regionScope))
    .groupBy(projects.status);
}

/**
 * Projects of the region per 市州 (`city_code`, reported as its six-digit code) or per 区县
 * (`region_code`). Both read an index alone: the province groups projects_city_created_idx; a
 * 市州 is a range of projects_region_created_idx (`city_code` is not in that index).
 */
export function countProjectsByRegion(
  db: Db,
  regionScope: string,
  level: 'city' | 'county',
): Promise<GroupCount[]> {
  if (level === 'city') {
    return db
      .select({ key: sql<string>`${projects.cityCode} || '00'`, count: count() })
      .from(projects)
      .where(projectsInRegion(regionScope))
      .groupBy(projects.cityCode);
  }
  const prefix = regionPrefix(regionScope);
  const within =
    prefix.length === 4
      ? and(gte(projects.regionCode, prefix), lt(projects.regionCode, String(Number(prefix) + 1)))
      : eq(projects.regionCode, regionScope);
  return db
    .select({ key: projects.regionCode, count: count() })
    .from(projects)
    .where(and(isNull(projects.deletedAt), within))
    .groupBy(projects.regionCode);
}

/** Projects of the region per 监测类型 code. */
export function countProjectsByMonitoringType(db: Db, regionScope: string): Promise<GroupCount[]> {
  return db
    .select({ key: projects.monitoringType, count: count() })
    .from(projects)
    .where(projectsInRegion(regionScope))
    .groupBy(projects.monitoringType);
}

/** Projects registered since `since`, per month in China time (key YYYY-MM): a range on the created_at indexes. */
export function countProjectsByMonth(db: Db, regionScope: string, since: Date): Promise<GroupCount[]> {
  const month = sql<string>`to_char(${projects.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  return db
    .select({ key: month, count: count() })
    .from(projects)
    .where(and(projectsInRegion(regionScope), gte(projects.createdAt, since)))
    .groupBy(month);
}

/** A region as equality on the violations' indexed columns (violations_city_idx for a 市州). */
function violationsInRegion(regionScope: string): SQL | undefined {
  const prefix = regionPrefix(regionScope);
  if (prefix.length === 2) return undefined;
  if (prefix.length === 4) return eq(violations.cityCode, prefix);
  return eq(violations.regionCode, regionScope);
}

/** Open violations of the region: 待整改, of which past their 整改期限 on `today`, and 已提交. */
export async function countOpenViolations(db: Db, regionScope: string, today: string) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${violations.status} = 'pending')`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${violations.status} = 'pending' and ${violations.deadline} < ${today})`.mapWith(
          Number,
        ),
      submitted: sql<number>`count(*) filter (where ${violations.status} = 'submitted')`.mapWith(Number),
    })
    .from(violations)
    .where(and(inArray(violations.status, ['pending', 'submitted']), violationsInRegion(regionScope)));
  return { pending: row?.pending ?? 0, overdue: row?.overdue ?? 0, submitted: row?.submitted ?? 0 };
}

export type RegionName = { code: string; name: string };

/** The region itself, or undefined for an unknown code. */
export async function findRegionName(db: Db, code: string): Promise<RegionName | undefined> {
  const [row] = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.code, code))
    .limit(1);
  return row;
}

/** The 市州 of the province or the 区县 of a 市州, in code order. */
export function listChildRegions(db: Db, parentCode: string): Promise<RegionName[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.code));
}
