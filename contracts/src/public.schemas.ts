import { z } from 'zod';
import { mobileField } from './fields.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';
import { reportNumberField } from './project.schemas.ts';

/**
 * 监测业务公开端: what enterprises and the public may see without logging in. No response here
 * carries personal data (ID numbers, staff names or phones, client contacts).
 */

export const publicReportStatuses = ['submitted', 'approved'] as const;
export const publicReportStatusLabels: Record<(typeof publicReportStatuses)[number], string> = {
  submitted: '已提交，待审核',
  approved: '审核通过',
};

/** A captcha answer, asked for after repeated failed look-ups from one address. */
export const captchaAnswerSchema = z.object({
  captchaId: z.uuid().optional(),
  captchaAnswer: z.string().trim().max(10).optional(),
});

export const reportLookupQuerySchema = captchaAnswerSchema.extend({ reportNumber: reportNumberField });

/** A report's public summary: enough to recognise it, nothing personal. */
export const publicReportSchema = z.object({
  id: z.string(),
  reportNumber: z.string(),
  reportType: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  monitoringType: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** When the report was registered (uploaded) on the platform, ISO. */
  issuedAt: z.string(),
  status: z.enum(publicReportStatuses),
  statusLabel: z.string(),
  sha256: z.string(),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

export const previewCodeBodySchema = captchaAnswerSchema.extend({
  reportNumber: reportNumberField,
  mobile: mobileField,
});

export const previewGrantBodySchema = z.object({
  reportNumber: reportNumberField,
  mobile: mobileField,
  code: z
    .string({ error: '请输入短信验证码' })
    .trim()
    .regex(/^\d{6}$/, '短信验证码为6位数字'),
});

/** A short-lived permission to open one report, bound to the masked number that asked. */
export const previewGrantSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  watermark: z.string(),
});
export type PreviewGrant = z.infer<typeof previewGrantSchema>;

export const captchaSchema = z.object({ id: z.string(), svg: z.string(), expiresAt: z.string() });
export type Captcha = z.infer<typeof captchaSchema>;

export const publicAgencyQuerySchema = pageQuerySchema.extend({
  name: z.string().trim().max(100).optional(),
});

export const publicAgencySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCategories: z.array(z.string()),
  cmaValidFrom: z.string().nullable(),
  cmaValidTo: z.string().nullable(),
});
export type PublicAgencySummary = z.infer<typeof publicAgencySummarySchema>;
export const publicAgencyPageSchema = pageSchema(publicAgencySummarySchema);

export const publicViolationSchema = z.object({
  id: z.string(),
  issuedOn: z.string(),
  problem: z.string(),
  outcome: z.string(),
});

export const publicAgencyDetailSchema = publicAgencySummarySchema.extend({
  creditCode: z.string(),
  address: z.string().nullable(),
  cmaNumber: z.string().nullable(),
  approvedStaffCount: z.number().int(),
  completedProjectCount: z.number().int(),
  violations: z.array(publicViolationSchema),
});
export type PublicAgencyDetail = z.infer<typeof publicAgencyDetailSchema>;

export const sha256Field = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'SHA-256 应为64位十六进制字符');
