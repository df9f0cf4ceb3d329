import { z } from 'zod';
import { attachmentSchema } from './attachments.schemas.ts';
import { dateField } from './fields.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';
import { rectificationStates, violationStatuses } from './violation.workflow.ts';

/** 开具违规: against an agency and, where it applies, one of its projects. */
export const violationInputSchema = z.object({
  agencyId: z.uuid({ error: '请选择监测机构' }),
  projectId: z.uuid({ error: '项目编号格式不正确' }).nullable().optional(),
  problem: z
    .string({ error: '请填写违规问题' })
    .trim()
    .min(5, '违规问题至少5个字')
    .max(2000, '违规问题不能超过2000个字符'),
  rule: z
    .string({ error: '请填写违反的规定' })
    .trim()
    .min(2, '请填写违反的规定')
    .max(500, '违反的规定不能超过500个字符'),
  deadline: dateField('整改期限'),
});
export type ViolationInput = z.infer<typeof violationInputSchema>;

/** 整改: what was done; evidence files are uploaded beforehand (owner type rectification, the violation id). */
export const rectificationInputSchema = z.object({
  description: z
    .string({ error: '请填写整改情况说明' })
    .trim()
    .min(5, '整改情况说明至少5个字')
    .max(4000, '整改情况说明不能超过4000个字符'),
});
export type RectificationInput = z.infer<typeof rectificationInputSchema>;

export const violationRejectSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(2, '请填写驳回原因')
    .max(500, '驳回原因不能超过500个字符'),
});

export const violationFilterSchema = z.object({
  /** 项目名称, fuzzy. */
  projectName: z.string().trim().max(100).optional(),
  state: z.enum(rectificationStates).optional(),
  /** 整改期限 range, inclusive (YYYY-MM-DD). */
  deadlineFrom: z.iso.date().optional(),
  deadlineTo: z.iso.date().optional(),
  /** Regulators only. */
  agencyId: z.uuid().optional(),
  /** 历史整改记录: violations with at least one rectification round. */
  hasRounds: z.stringbool().optional(),
  /** 违规待整改: true → not yet 已整改 (待整改, 逾期 or 已提交). */
  isOpen: z.stringbool().optional(),
});
export const violationListQuerySchema = pageQuerySchema.extend(violationFilterSchema.shape);
export type ViolationListQuery = z.infer<typeof violationListQuerySchema>;

export const violationSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  projectNo: z.string().nullable(),
  problem: z.string(),
  rule: z.string(),
  deadline: z.string(),
  status: z.enum(violationStatuses),
  /** 整改状态 today: the status, or overdue. */
  state: z.enum(rectificationStates),
  roundCount: z.number().int(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ViolationSummary = z.infer<typeof violationSummarySchema>;
export const violationPageSchema = pageSchema(violationSummarySchema);

/** One round: what the agency submitted and what the regulator decided. */
export const rectificationRoundSchema = z.object({
  id: z.string(),
  round: z.number().int(),
  description: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  reason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  attachments: z.array(attachmentSchema),
});
export type RectificationRound = z.infer<typeof rectificationRoundSchema>;

export const violationDetailSchema = violationSummarySchema.extend({
  regionCode: z.string(),
  attachments: z.array(attachmentSchema),
  rounds: z.array(rectificationRoundSchema),
  /** Evidence uploaded for the next round, not yet submitted. */
  pendingEvidence: z.array(attachmentSchema),
  /** The workflow actions the caller may take now (buttons). */
  actions: z.array(z.string()),
});
export type ViolationDetail = z.infer<typeof violationDetailSchema>;
