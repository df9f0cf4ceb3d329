import { z } from 'zod';
import { agencyStatuses } from './agency.workflow.ts';
import { attachmentSchema } from './attachments.schemas.ts';
import { creditCodeField, dateField, emailField, phoneField, requiredText } from './fields.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** 机构信息 as the agency edits it: the form and `PUT /agencies/current/profile` share it. */
export const agencyProfileSchema = z
  .object({
    name: requiredText('机构名称', 100),
    creditCode: creditCodeField,
    legalRepresentative: requiredText('法定代表人', 50),
    registeredAddress: requiredText('注册地址', 200),
    officeAddress: requiredText('办公地址', 200),
    regionCode: z
      .string({ error: '请选择所在地区' })
      .trim()
      .regex(/^\d{6}$/, '请选择所在地区（区县）'),
    contactPerson: requiredText('联系人', 50),
    contactPhone: phoneField,
    email: emailField,
    industryCategories: z
      .array(z.string().trim().min(1).max(60), { error: '请选择行业类别' })
      .min(1, '请至少选择一个行业类别')
      .max(20, '行业类别最多选择20个'),
    cmaNumber: requiredText('CMA 证书编号', 50),
    cmaValidFrom: dateField('CMA 有效期起'),
    cmaValidTo: dateField('CMA 有效期至'),
    qualificationScope: requiredText('资质认定范围', 2000),
    introduction: z.string().trim().max(2000, '机构简介不能超过2000个字符').nullish(),
  })
  .refine((p) => p.cmaValidTo > p.cmaValidFrom, {
    path: ['cmaValidTo'],
    message: 'CMA 有效期至应晚于有效期起',
  });
export type AgencyProfileInput = z.infer<typeof agencyProfileSchema>;

/** The profile fields in form order, with the labels the manual uses. */
export const agencyProfileFieldLabels = {
  name: '机构名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  registeredAddress: '注册地址',
  officeAddress: '办公地址',
  regionCode: '所在地区',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  email: '电子邮箱',
  industryCategories: '行业类别',
  cmaNumber: 'CMA 证书编号',
  cmaValidFrom: 'CMA 有效期起',
  cmaValidTo: 'CMA 有效期至',
  qualificationScope: '资质认定范围',
  introduction: '机构简介',
} as const;
export type AgencyProfileField = keyof typeof agencyProfileFieldLabels;
export const agencyProfileFields = Object.keys(agencyProfileFieldLabels) as AgencyProfileField[];

/** A profile as stored: an agency made at registration may still lack most fields. */
export const agencyProfileValuesSchema = z.object({
  name: z.string(),
  creditCode: z.string(),
  legalRepresentative: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  officeAddress: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  email: z.string().nullable(),
  industryCategories: z.array(z.string()),
  cmaNumber: z.string().nullable(),
  cmaValidFrom: z.string().nullable(),
  cmaValidTo: z.string().nullable(),
  qualificationScope: z.string().nullable(),
  introduction: z.string().nullable(),
});
export type AgencyProfileValues = z.infer<typeof agencyProfileValuesSchema>;

export const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Field-by-field differences between the version in force and a proposed one, in form order. */
export function diffAgencyProfiles(
  inForce: Partial<Record<AgencyProfileField, unknown>>,
  proposed: Partial<Record<AgencyProfileField, unknown>>,
): FieldChange[] {
  return agencyProfileFields
    .filter((field) => !same(inForce[field], proposed[field]))
    .map((field) => ({
      field,
      label: agencyProfileFieldLabels[field],
      before: inForce[field] ?? null,
      after: proposed[field] ?? null,
    }));
}

/** One entry of the review history shared by everything a regulator reviews. */
export const reviewRecordSchema = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export const agencyRevisionSchema = z.object({
  id: z.string(),
  status: z.enum(agencyStatuses),
  data: agencyProfileValuesSchema,
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  changes: z.array(fieldChangeSchema),
});
export type AgencyRevision = z.infer<typeof agencyRevisionSchema>;

export const missingAttachmentSchema = z.object({ code: z.string(), label: z.string() });

/** What the 机构信息 page shows: the version in force, the pending edit, the history, the buttons. */
export const agencyProfileViewSchema = z.object({
  agencyId: z.string(),
  status: z.enum(agencyStatuses),
  approvedAt: z.string().nullable(),
  inForce: agencyProfileValuesSchema,
  pending: agencyRevisionSchema.nullable(),
  history: z.array(reviewRecordSchema),
  /** `save` plus the workflow actions the caller may take now. */
  actions: z.array(z.string()),
  missingAttachments: z.array(missingAttachmentSchema),
});
export type AgencyProfileView = z.infer<typeof agencyProfileViewSchema>;

export const agencyReviewQuerySchema = z.object({
  status: z.enum(agencyStatuses).default('submitted'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const agencyReviewItemSchema = z.object({
  revisionId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(agencyStatuses),
  /** True for an agency's first approval, false for a change to an approved profile. */
  isFirst: z.boolean(),
  changedFields: z.array(z.string()),
  submittedAt: z.string().nullable(),
});
export type AgencyReviewItem = z.infer<typeof agencyReviewItemSchema>;

export const agencyReturnBodySchema = z.object({
  reason: z
    .string({ error: '请输入退回原因' })
    .trim()
    .min(2, '退回原因至少2个字')
    .max(500, '退回原因不能超过500个字'),
});

/** One revision as the regulator reviews it: against the version in force, with the files. */
export const agencyReviewDetailSchema = z.object({
  agencyId: z.string(),
  agencyStatus: z.enum(agencyStatuses),
  approvedAt: z.string().nullable(),
  revision: agencyRevisionSchema,
  inForce: agencyProfileValuesSchema,
  attachments: z.array(attachmentSchema),
  history: z.array(reviewRecordSchema),
  actions: z.array(z.string()),
});
export type AgencyReviewDetail = z.infer<typeof agencyReviewDetailSchema>;

/** An agency as lists and 查看 show it. */
export const agencySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(agencyStatuses),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Codes of the 行业类别 dictionary. */
  industryCategories: z.array(z.string()),
  cmaNumber: z.string().nullable(),
  cmaValidTo: z.string().nullable(),
  createdAt: z.string(),
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export const agencyListQuerySchema = pageQuerySchema.extend({
  name: z.string().trim().max(100).optional(),
  status: z.enum(agencyStatuses).optional(),
});

export const agencyPageSchema = pageSchema(agencySummarySchema);
