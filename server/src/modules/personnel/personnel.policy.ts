import { isWithinRegion } from '@eco/contracts';
import type { Actor } from '../../platform/context.ts';

type StaffRef = { agencyId: string; regionCode: string };

/**
 * Only the agency's legal-person account manages its staff: the manual gives 登记人员 project
 * registration and 查询统计, not 监测人员.
 */
export function canManagePersonnel(actor: Actor, staff: { agencyId: string }): boolean {
  return actor.role === 'agency_admin' && actor.agencyId === staff.agencyId;
}

/** The agency's legal-person account, and regulators of the agency's region, read a staff record. */
export function canReadPersonnel(actor: Actor, staff: StaffRef): boolean {
  if (canManagePersonnel(actor, staff)) return true;
  return canReviewPersonnel(actor, staff);
}

/** Regulators review the staff of agencies in their region (the province reviews all). */
export function canReviewPersonnel(actor: Actor, staff: StaffRef): boolean {
  return actor.role === 'regulator' && isWithinRegion(staff.regionCode, actor.regionCode ?? '510000');
}
