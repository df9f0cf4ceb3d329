import type { Role } from './roles.ts';
import type { Workflow } from './workflow.ts';

/**
 * pending 待整改 · submitted 已提交 (awaiting the regulator) · accepted 已整改 (closed).
 * 逾期 is not a status: a pending violation past its 整改期限 shows as 逾期 (isViolationOverdue).
 */
export const violationStatuses = ['pending', 'submitted', 'accepted'] as const;
export type ViolationStatus = (typeof violationStatuses)[number];

export const violationStatusLabels: Record<ViolationStatus, string> = {
  pending: '待整改',
  submitted: '已提交',
  accepted: '已整改',
};

/** The 整改状态 filter: the statuses plus 逾期 (pending past the deadline). */
export const rectificationStates = ['pending', 'overdue', 'submitted', 'accepted'] as const;
export type RectificationState = (typeof rectificationStates)[number];
export const rectificationStateLabels: Record<RectificationState, string> = {
  pending: '待整改',
  overdue: '逾期',
  submitted: '已提交',
  accepted: '已整改',
};

/** Who answers a violation for the agency: the 法人 account and its 登记人员. */
export const rectifierRoles = ['agency_admin', 'agency_registrar'] as const satisfies readonly Role[];

/**
 * A violation's life: the regulator issues it (待整改, with a 整改期限); the agency submits a
 * rectification (整改 → 已提交); the regulator accepts it (已整改) or rejects it with a reason,
 * which puts it back to 待整改 for another round. Every round is kept.
 */
export const violationWorkflow = {
  rectify: { from: ['pending'], to: 'submitted', by: rectifierRoles, label: '整改' },
  accept: { from: ['submitted'], to: 'accepted', by: ['regulator'], label: '整改通过' },
  reject: { from: ['submitted'], to: 'pending', by: ['regulator'], needsReason: true, label: '驳回整改' },
} as const satisfies Workflow<ViolationStatus>;
export type ViolationAction = keyof typeof violationWorkflow;

/** A pending violation whose 整改期限 (a date, inclusive, Asia/Shanghai) has passed on `today` (YYYY-MM-DD). */
export function isViolationOverdue(status: ViolationStatus, deadline: string, today: string): boolean {
  return status === 'pending' && deadline < today;
}

/** The 整改状态 shown for a violation on `today`. */
export function rectificationStateOf(
  status: ViolationStatus,
  deadline: string,
  today: string,
): RectificationState {
  return isViolationOverdue(status, deadline, today) ? 'overdue' : status;
}
