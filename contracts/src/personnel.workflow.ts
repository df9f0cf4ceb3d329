import type { Workflow } from './workflow.ts';

export const personnelStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PersonnelStatus = (typeof personnelStatuses)[number];

export const personnelStatusLabels: Record<PersonnelStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '审核通过',
  returned: '退回',
};

/**
 * A staff record's review. Saving (添加 or 编辑) submits: a new record starts `submitted`, an
 * edit of any record moves it to `submitted`. A regulator approves or returns it.
 */
export const personnelWorkflow = {
  submit: {
    from: ['draft', 'submitted', 'approved', 'returned'],
    to: 'submitted',
    by: ['agency_admin'],
    label: '保存并提交审核',
  },
  approve: { from: ['submitted'], to: 'approved', by: ['regulator'], label: '审核通过' },
  return: { from: ['submitted'], to: 'returned', by: ['regulator'], needsReason: true, label: '退回' },
} as const satisfies Workflow<PersonnelStatus>;

export const genders = ['男', '女'] as const;
export type Gender = (typeof genders)[number];
