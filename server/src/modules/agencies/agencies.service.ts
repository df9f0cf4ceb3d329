import type { AgencyStatus, AgencySummary, Page } from '@eco/contracts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReadAgency } from './agencies.policy.ts';
import { type AgencyRow, findAgencyWithRegion, listAgencies } from './agencies.queries.ts';

function toSummary(row: AgencyRow, regionName: string | null): AgencySummary {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    regionName,
    status: row.status as AgencyStatus,
    legalRepresentative: row.legalRepresentative,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    industryCategories: row.industryCategories,
    cmaNumber: row.cmaNumber,
    cmaValidTo: row.cmaValidTo,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's own agency (agency roles only). */
export async function getOwnAgency(ctx: AuthedContext): Promise<AgencySummary> {
  if (!ctx.actor.agencyId) throw new AppError('FORBIDDEN', '当前账号不属于任何监测机构');
  return getAgency(ctx, ctx.actor.agencyId);
}

export async function getAgency(ctx: AuthedContext, id: string): Promise<AgencySummary> {
  const row = await findAgencyWithRegion(ctx.db, id);
  if (!row || !canReadAgency(ctx.actor, row.agency)) throw notFound('监测机构');
  return toSummary(row.agency, row.regionName);
}

/** Agencies the regulator may see (its region; the province sees all), paged on the server. */
export async function searchAgencies(
  ctx: AuthedContext,
  query: { name?: string | undefined; status?: AgencyStatus | undefined; page: number; pageSize: number },
): Promise<Page<AgencySummary>> {
  const regionScope = ctx.actor.role === 'sysadmin' ? null : regulatorRegion(ctx.actor);
  if (ctx.actor.role !== 'sysadmin' && !regionScope) throw new AppError('FORBIDDEN');
  const { items, total } = await listAgencies(ctx.db, { ...query, regionScope });
  return {
    items: items.map((i) => toSummary(i.agency, i.regionName)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
