import { isAgencyRole, isWithinRegion } from '@eco/contracts';
import type { Actor } from '../../platform/context.ts';

type AgencyRef = { id: string; regionCode: string };

/** Agency staff see their own agency; regulators those of their region; administrators all. */
export function canReadAgency(actor: Actor, agency: AgencyRef): boolean {
  if (isAgencyRole(actor.role)) return actor.agencyId === agency.id;
  if (actor.role === 'regulator') return isWithinRegion(agency.regionCode, actor.regionCode ?? '510000');
  return actor.role === 'sysadmin';
}

/** Only the agency's legal-person account changes its profile and its 资质证明. */
export function canEditAgencyProfile(actor: Actor, agency: AgencyRef): boolean {
  return actor.role === 'agency_admin' && actor.agencyId === agency.id;
}

/**
 * Whether the agency has a version in force a regulator approved. An approved agency editing its
 * profile stays approved: its approved version stays in force until the change is decided.
 */
export function isAgencyApproved(agency: { status: string; approvedAt: Date | null }): boolean {
  return agency.status === 'approved' || agency.approvedAt !== null;
}

/** Regulators review the agencies of their region (the province reviews all). */
export function canReviewAgency(actor: Actor, agency: AgencyRef): boolean {
  return actor.role === 'regulator' && isWithinRegion(agency.regionCode, actor.regionCode ?? '510000');
}
