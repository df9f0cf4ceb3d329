import { z } from 'zod';

/** The dictionaries an administrator maintains; values are seeded from the manual and the domain reference. */
export const dictTypes = [
  'monitoring_type',
  'monitoring_nature',
  'industry_category',
  'entrust_category',
  'professional_title',
  'post',
  'education',
  'photo_type',
  'attachment_type',
] as const;
export type DictType = (typeof dictTypes)[number];

export const dictTypeLabels: Record<DictType, string> = {
  monitoring_type: '监测类型',
  monitoring_nature: '项目监测性质',
  industry_category: '行业类别',
  entrust_category: '委托类别',
  professional_title: '职称',
  post: '岗位职能',
  education: '学历',
  photo_type: '照片类型',
  attachment_type: '附件类型',
};

export const fieldStages = ['sampling', 'delivery', 'lab'] as const;
export type FieldStage = (typeof fieldStages)[number];
export const fieldStageLabels: Record<FieldStage, string> = {
  sampling: '采样',
  delivery: '送样',
  lab: '实验室分析',
};

export const photoTypeExtraSchema = z.object({
  stage: z.enum(fieldStages),
  required: z.boolean(),
  hint: z.string().max(200),
});
export type PhotoTypeExtra = z.infer<typeof photoTypeExtraSchema>;

export const attachmentScopes = [
  'agency',
  'personnel',
  'project',
  'report',
  'violation',
  'rectification',
] as const;
export type AttachmentScope = (typeof attachmentScopes)[number];

/** File kinds recognised by their magic bytes; the extension alone is never trusted. */
export const fileKinds = ['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'] as const;
export type FileKind = (typeof fileKinds)[number];

export const attachmentTypeExtraSchema = z.object({
  scope: z.enum(attachmentScopes),
  maxSizeMb: z.number().positive().max(500),
  maxCount: z.number().int().min(1).max(100),
  kinds: z.array(z.enum(fileKinds)).min(1),
  required: z.boolean(),
  /** Reports only: the 监测类型 codes that call for this report; absent means every type. */
  monitoringTypes: z.array(z.string().min(1).max(60)).max(50).optional(),
});
export type AttachmentTypeExtra = z.infer<typeof attachmentTypeExtraSchema>;

/** The shape of `extra` per dictionary; dictionaries not listed carry none. */
export function extraSchemaFor(type: DictType): z.ZodType | null {
  switch (type) {
    case 'photo_type':
      return photoTypeExtraSchema;
    case 'attachment_type':
      return attachmentTypeExtraSchema;
    default:
      return null;
  }
}

export const dictItemSchema = z.object({
  id: z.string(),
  type: z.enum(dictTypes),
  code: z.string(),
  label: z.string(),
  sortOrder: z.number().int(),
  isEnabled: z.boolean(),
  extra: z.record(z.string(), z.unknown()).nullable(),
});
export type DictItem = z.infer<typeof dictItemSchema>;

export const dictItemInputSchema = z.object({
  code: z
    .string({ error: '请输入编码' })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, '编码只能包含小写字母、数字和下划线，最长40位'),
  label: z.string({ error: '请输入名称' }).trim().min(1, '请输入名称').max(60, '名称不能超过60个字符'),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  isEnabled: z.boolean().default(true),
  extra: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type DictItemInput = z.infer<typeof dictItemInputSchema>;
