import {
  availableActions,
  isWithinRegion,
  type Role,
  rectifierRoles,
  type ViolationAction,
  type ViolationStatus,
  violationWorkflow,
} from '@eco/contracts';
import type { Actor } from '../../platform/context.ts';

type ViolationRef = { agencyId: string; regionCode: string };
type ViolationState = ViolationRef & { status: ViolationStatus };

/** The 法人 account and 登记人员: who answers a violation for the agency. */
export function isRectifier(role: Role): boolean {
  return (rectifierRoles as readonly Role[]).includes(role);
}

function isRegulatorOf(actor: Actor, regionCode: string): boolean {
  return actor.role === 'regulator' && isWithinRegion(regionCode, actor.regionCode ?? '510000');
}

/** 开具违规 where the violation will belong (the project's site, else the agency's region). */
export function canIssueViolation(actor: Actor, target: { regionCode: string }): boolean {
  return isRegulatorOf(actor, target.regionCode);
}

/** The agency's rectifiers read its own violations; regulators those of their region. */
export function canReadViolation(actor: Actor, violation: ViolationRef): boolean {
  if (isRectifier(actor.role)) return actor.agencyId === violation.agencyId;
  return isRegulatorOf(actor, violation.regionCode);
}

/** The workflow buttons the caller sees: what the table allows, only on its own or its region's. */
export function violationActionsFor(actor: Actor, violation: ViolationState): ViolationAction[] {
  if (!canReadViolation(actor, violation)) return [];
  return availableActions<ViolationStatus, typeof violationWorkflow>(
    violationWorkflow,
    violation.status,
    actor.role,
  );
}

/** 违规证据 are the regulator's, changeable until the violation is closed. */
export function canWriteViolationEvidence(actor: Actor, violation: ViolationState): boolean {
  return isRegulatorOf(actor, violation.regionCode) && violation.status !== 'accepted';
}

/** 整改佐证材料 for the next round: the agency's rectifiers, while the violation awaits them. */
export function canWriteRectificationEvidence(actor: Actor, violation: ViolationState): boolean {
  return isRectifier(actor.role) && actor.agencyId === violation.agencyId && violation.status === 'pending';
}
