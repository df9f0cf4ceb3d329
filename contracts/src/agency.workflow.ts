import type { Workflow } from './workflow.ts';

export const agencyStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];

export const agencyStatusLabels: Record<AgencyStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '审核通过',
  returned: '退回',
};

/** The agency profile's review: the agency submits, the regulator approves or returns. */
export const agencyWorkflow = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: ['agency_admin'], label: '提交审核' },
  approve: { from: ['submitted'], to: 'approved', by: ['regulator'], label: '审核通过' },
  return: { from: ['submitted'], to: 'returned', by: ['regulator'], needsReason: true, label: '退回' },
} as const satisfies Workflow<AgencyStatus>;
