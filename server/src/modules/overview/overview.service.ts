import {
  agencyStatuses,
  agencyStatusLabels,
  type FieldPhotoFlag,
  type FieldStage,
  type FlaggedPhoto,
  type FlaggedPhotoQuery,
  type Overview,
  type OverviewCount,
  type Page,
  personnelStatuses,
  personnelStatusLabels,
  projectStatuses,
  projectStatusLabels,
  regionPrefix,
} from '@eco/contracts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { listRevisionsForReview } from '../agencies/agency-revisions.queries.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { shanghaiDate } from '../notifications/notify.ts';
import { listPersonnelForReview } from '../personnel/personnel.queries.ts';
import { countProjectsForReview } from '../projects/project-review.queries.ts';
import { countFlaggedPhotos, listFlaggedPhotos } from './flagged-photos.queries.ts';
import {
  countAgenciesByStatus,
  countOpenViolations,
  countProjectsByMonitoringType,
  countProjectsByMonth,
  countProjectsByRegion,
  countProjectsByStatus,
  countStaffByStatus,
  findRegionName,
  type GroupCount,
  listChildRegions,
  type RegionName,
} from './overview.queries.ts';

const monthsShown = 12;

function regionScopeOf(ctx: AuthedContext): string {
  const scope = regulatorRegion(ctx.actor);
  if (!scope) throw forbidden();
  return scope;
}

/** The last `n` months up to today's (YYYY-MM, oldest first) and the instant the first began in China. */
export function lastMonths(today: string, n: number): { months: string[]; since: Date } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let back = n - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return { months, since: new Date(`${months[0]}-01T00:00:00+08:00`) };
}

/** Every value of `order` with its label and count (0 when absent), in workflow order. */
function countsInOrder<T extends string>(
  rows: GroupCount[],
  order: readonly T[],
  labels: Record<T, string>,
): OverviewCount[] {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return order.map((key) => ({ key, label: labels[key], count: byKey.get(key) ?? 0 }));
}

function sum(rows: { count: number }[]): number {
  return rows.reduce((total, r) => total + r.count, 0);
}

/** GB/T 2260 lists 市辖区 under some 市州: a code, not a place; it shows only if a project uses it. */
const placeholderRegionName = '市辖区';

/** Every child region (0 when it has none), then any other code that has projects. */
function regionCounts(rows: GroupCount[], children: RegionName[], self: RegionName): OverviewCount[] {
  const known = new Map([...children, self].map((r) => [r.code, r.name]));
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  const places = children.filter((r) => r.name !== placeholderRegionName);
  const listed = (places.length > 0 ? places : [self]).map((r) => ({
    key: r.code,
    label: r.name,
    count: byKey.get(r.code) ?? 0,
  }));
  const listedKeys = new Set(listed.map((r) => r.key));
  const others = rows
    .filter((r) => !listedKeys.has(r.key))
    .map((r) => ({ key: r.key, label: known.get(r.key) ?? r.key, count: r.count }));
  return [...listed, ...others];
}

/** The 监测类型 in dictionary order: enabled ones always, disabled ones only when projects use them. */
function typeCounts(rows: GroupCount[], types: { code: string; label: string; isEnabled: boolean }[]) {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  const known = new Set(types.map((t) => t.code));
  return [
    ...types
      .filter((t) => t.isEnabled || byKey.has(t.code))
      .map((t) => ({ key: t.code, label: t.label, count: byKey.get(t.code) ?? 0 })),
    ...rows.filter((r) => !known.has(r.key)).map((r) => ({ key: r.key, label: r.key, count: r.count })),
  ];
}

/** Queue lengths exactly as the 机构审核, 人员审核 and 项目审核 pages count them. */
async function countReviewQueues(ctx: AuthedContext, regionScope: string) {
  const first = { page: 1, pageSize: 1 };
  const [agencies, personnel, projects] = await Promise.all([
    listRevisionsForReview(ctx.db, { ...first, regionScope, status: 'submitted' }),
    listPersonnelForReview(ctx.db, { ...first, regionScope }),
    countProjectsForReview(ctx.db, { regionScope }),
  ]);
  return {
    agencies: agencies.total,
    personnel: personnel.total,
    projects,
    total: agencies.total + personnel.total + projects,
  };
}

/**
 * 监管总览: agencies, staff and projects of the regulator's region by status, projects by region,
 * 监测类型 and month, open and overdue violations, flagged field photos and the review queues.
 */
export async function getOverview(ctx: AuthedContext): Promise<Overview> {
  const regionScope = regionScopeOf(ctx);
  const today = shanghaiDate(ctx.now());
  const { months, since } = lastMonths(today, monthsShown);
  const regionLevel = regionPrefix(regionScope).length === 2 ? 'city' : 'county';
  const [
    region,
    children,
    agencyRows,
    staffRows,
    statusRows,
    regionRows,
    typeRows,
    monthRows,
    types,
    violations,
    flaggedPhotos,
    reviews,
  ] = await Promise.all([
    findRegionName(ctx.db, regionScope),
    listChildRegions(ctx.db, regionScope),
    countAgenciesByStatus(ctx.db, regionScope),
    countStaffByStatus(ctx.db, regionScope),
    countProjectsByStatus(ctx.db, regionScope),
    countProjectsByRegion(ctx.db, regionScope, regionLevel),
    countProjectsByMonitoringType(ctx.db, regionScope),
    countProjectsByMonth(ctx.db, regionScope, since),
    listDictItems(ctx.db, 'monitoring_type'),
    countOpenViolations(ctx.db, regionScope, today),
    countFlaggedPhotos(ctx.db, regionScope),
    countReviewQueues(ctx, regionScope),
  ]);
  const self = region ?? { code: regionScope, name: regionScope };
  const monthCounts = new Map(monthRows.map((r) => [r.key, r.count]));
  return {
    regionCode: self.code,
    regionName: self.name,
    today,
    agencies: {
      total: sum(agencyRows),
      byStatus: countsInOrder(agencyRows, agencyStatuses, agencyStatusLabels),
    },
    staff: {
      total: sum(staffRows),
      byStatus: countsInOrder(staffRows, personnelStatuses, personnelStatusLabels),
    },
    projects: {
      total: sum(statusRows),
      byStatus: countsInOrder(statusRows, projectStatuses, projectStatusLabels),
      regionLevel,
      byRegion: regionCounts(regionRows, children, self),
      byMonitoringType: typeCounts(typeRows, types),
      byMonth: months.map((key) => ({ key, label: key, count: monthCounts.get(key) ?? 0 })),
    },
    violations: { open: violations.pending + violations.submitted, ...violations },
    flaggedPhotos,
    reviews,
  };
}

/** 现场核查: the region's flagged field photos, newest first, optionally of one flag. */
export async function listFlaggedPhotoPage(
  ctx: AuthedContext,
  query: FlaggedPhotoQuery,
): Promise<Page<FlaggedPhoto>> {
  const regionScope = regionScopeOf(ctx);
  const { items, total } = await listFlaggedPhotos(ctx.db, { ...query, regionScope });
  return {
    items: items.map((row) => ({
      photoId: row.photoId,
      taskId: row.taskId,
      projectId: row.projectId,
      projectName: row.projectName,
      projectNo: row.projectNo,
      agencyName: row.agencyName,
      photoTypeLabel: row.photoTypeLabel ?? row.photoType,
      stage: row.stage as FieldStage,
      flags: row.flags as FieldPhotoFlag[],
      capturedAt: row.capturedAt.toISOString(),
      distanceM: row.distanceM,
      takenByName: row.takenByName ?? '',
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
