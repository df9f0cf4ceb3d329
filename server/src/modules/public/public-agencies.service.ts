import {
  type Page,
  type PublicAgencyDetail,
  type PublicAgencySummary,
  rectificationStateLabels,
  rectificationStateOf,
  type ViolationStatus,
} from '@eco/contracts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { shanghaiDate } from '../notifications/notify.ts';
import {
  countApprovedStaff,
  countCompletedProjects,
  findApprovedAgency,
  listApprovedAgencies,
  listPublicViolations,
  type PublicAgencyRow,
} from './public-agencies.queries.ts';
import { findDictLabels } from './public-reports.queries.ts';

function toSummary(row: PublicAgencyRow, industries: Map<string, string>): PublicAgencySummary {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    regionName: row.regionName ?? row.regionCode,
    industryCategories: row.industryCategories.map((code) => industries.get(code) ?? code),
    cmaValidFrom: row.cmaValidFrom,
    cmaValidTo: row.cmaValidTo,
  };
}

/** 监测机构查询: approved agencies only, their approved values, fuzzy by name. */
export async function listPublicAgencies(
  ctx: ServiceContext,
  query: { name?: string | undefined; page: number; pageSize: number },
): Promise<Page<PublicAgencySummary>> {
  const [{ items, total }, industries] = await Promise.all([
    listApprovedAgencies(ctx.db, query),
    findDictLabels(ctx.db, 'industry_category'),
  ]);
  return {
    items: items.map((row) => toSummary(row, industries)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 查看 an approved agency: public registration facts and counts, no personal data. */
export async function getPublicAgency(ctx: ServiceContext, id: string): Promise<PublicAgencyDetail> {
  const row = await findApprovedAgency(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该监测机构');
  const [industries, approvedStaffCount, completedProjectCount, violationRows] = await Promise.all([
    findDictLabels(ctx.db, 'industry_category'),
    countApprovedStaff(ctx.db, id),
    countCompletedProjects(ctx.db, id),
    listPublicViolations(ctx.db, id),
  ]);
  const today = shanghaiDate(ctx.now());
  return {
    ...toSummary(row, industries),
    creditCode: row.creditCode,
    address: row.officeAddress ?? row.registeredAddress,
    cmaNumber: row.cmaNumber,
    approvedStaffCount,
    completedProjectCount,
    // 违规记录: date, problem and where the rectification stands; no names of anyone.
    violations: violationRows.map((v) => ({
      id: v.id,
      issuedOn: shanghaiDate(v.issuedAt),
      problem: v.problem,
      outcome: rectificationStateLabels[rectificationStateOf(v.status as ViolationStatus, v.deadline, today)],
    })),
  };
}
