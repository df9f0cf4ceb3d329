import type { Role } from './roles.ts';
import type { Workflow } from './workflow.ts';

/** in_progress 未完成 · submitted 已完成 (awaiting review) · returned 退回 · approved 审核通过. */
export const projectStatuses = ['in_progress', 'submitted', 'returned', 'approved'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, string> = {
  in_progress: '未完成',
  submitted: '已完成',
  returned: '退回',
  approved: '审核通过',
};

/** Who registers and handles projects: the 法人 account and staff with the post 登记人员. */
export const projectRegistrarRoles = ['agency_admin', 'agency_registrar'] as const satisfies readonly Role[];

export function isProjectRegistrar(role: Role): boolean {
  return (projectRegistrarRoles as readonly Role[]).includes(role);
}

/**
 * A project's life. 提交 needs the reports the monitoring type requires; a regulator approves
 * or returns with a reason; a returned project is handled again and 再提交.
 */
export const projectWorkflow = {
  submit: { from: ['in_progress'], to: 'submitted', by: projectRegistrarRoles, label: '提交' },
  approve: { from: ['submitted'], to: 'approved', by: ['regulator'], label: '审核通过' },
  return: { from: ['submitted'], to: 'returned', by: ['regulator'], needsReason: true, label: '退回' },
  resubmit: { from: ['returned'], to: 'submitted', by: projectRegistrarRoles, label: '再提交' },
} as const satisfies Workflow<ProjectStatus>;
export type ProjectAction = keyof typeof projectWorkflow;

/** 删除, 办理 and report changes are allowed only before submission or after a return. */
export const projectOpenStatuses = ['in_progress', 'returned'] as const satisfies readonly ProjectStatus[];

export function isProjectOpen(status: ProjectStatus): boolean {
  return (projectOpenStatuses as readonly ProjectStatus[]).includes(status);
}

/** The staff posts a 监测信息 item assigns, with the 岗位职能 dictionary code each needs. */
export const assignmentPosts = ['sampler', 'courier', 'analyst'] as const;
export type AssignmentPost = (typeof assignmentPosts)[number];
export const assignmentPostLabels: Record<AssignmentPost, string> = {
  sampler: '采样人员',
  courier: '送样人员',
  analyst: '实验室分析人员',
};
