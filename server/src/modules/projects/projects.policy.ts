import { isProjectOpen, isProjectRegistrar, isWithinRegion, type ProjectStatus } from '@eco/contracts';
import type { Actor } from '../../platform/context.ts';

type ProjectRef = { agencyId: string; regionCode: string; status: ProjectStatus };

/**
 * Only the 法人 account and 登记人员 of an approved agency register projects; the manual
 * makes agency approval the gate (staff approval is checked per assigned person).
 */
export function canRegisterProject(actor: Actor, agency: { id: string; isApproved: boolean }): boolean {
  return isProjectRegistrar(actor.role) && actor.agencyId === agency.id && agency.isApproved;
}

/**
 * The agency's 法人 account and 登记人员 read its projects; regulators those sited in their
 * region (the province reads all). Field staff reach projects through the field app only.
 */
export function canReadProject(actor: Actor, project: Omit<ProjectRef, 'status'>): boolean {
  if (isProjectRegistrar(actor.role)) return actor.agencyId === project.agencyId;
  return canReviewProject(actor, project);
}

/** 办理: reports, 删除 and 提交 belong to the agency's registrars while the project is open. */
export function canHandleProject(actor: Actor, project: ProjectRef): boolean {
  return (
    isProjectRegistrar(actor.role) && actor.agencyId === project.agencyId && isProjectOpen(project.status)
  );
}

/** Regulators review projects sited in their region (the province reviews all). */
export function canReviewProject(actor: Actor, project: Omit<ProjectRef, 'status'>): boolean {
  return actor.role === 'regulator' && isWithinRegion(project.regionCode, actor.regionCode ?? '510000');
}
