import type { Actor } from '../../platform/context.ts';

/** Only the 机构法人 of the staff member's own agency allocates a mobile account. */
export function canAllocateAccount(actor: Actor, staff: { agencyId: string }): boolean {
  return actor.role === 'agency_admin' && actor.agencyId !== null && actor.agencyId === staff.agencyId;
}

/** Who may see whether a staff member has an account: that agency's admin and registrars. */
export function canViewAccount(actor: Actor, staff: { agencyId: string }): boolean {
  return (
    (actor.role === 'agency_admin' || actor.role === 'agency_registrar') &&
    actor.agencyId !== null &&
    actor.agencyId === staff.agencyId
  );
}
