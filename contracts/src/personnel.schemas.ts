import { z } from 'zod';
import { idNumberField, mobileField, requiredText } from './fields.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';
import { genders, personnelStatuses } from './personnel.workflow.ts';

const codeList = (label: string) =>
  z
    .array(z.string().trim().min(1).max(40), { error: `请选择${label}` })
    .min(1, `请至少选择一项${label}`)
    .max(20, `${label}最多选择20项`);

/** 监测人员 as the agency enters it: the 添加 form and `POST /personnel` share it. */
export const personnelInputSchema = z.object({
  name: requiredText('姓名', 50),
  gender: z.enum(genders, { error: '请选择性别' }),
  idNumber: idNumberField,
  mobile: mobileField,
  title: requiredText('职称', 50),
  posts: codeList('岗位职能'),
  education: z.string({ error: '请选择学历' }).trim().min(1, '请选择学历').max(40),
});
export type PersonnelInput = z.infer<typeof personnelInputSchema>;

/** 编辑: the stored ID number and mobile are never sent back, so leaving them empty keeps them. */
export const personnelUpdateSchema = personnelInputSchema.extend({
  idNumber: z.union([z.literal(''), idNumberField]).optional(),
  mobile: z.union([z.literal(''), mobileField]).optional(),
});
export type PersonnelUpdate = z.infer<typeof personnelUpdateSchema>;

export const personnelFieldLabels = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  mobile: '手机号',
  title: '职称',
  posts: '岗位职能',
  education: '学历',
} as const;

export const personnelSortFields = ['name', 'gender', 'title', 'education', 'status', 'createdAt'] as const;
export type PersonnelSortField = (typeof personnelSortFields)[number];
/** `createdAt` oldest first, `-createdAt` newest first. */
export const personnelSorts = [
  'name',
  '-name',
  'gender',
  '-gender',
  'title',
  '-title',
  'education',
  '-education',
  'status',
  '-status',
  'createdAt',
  '-createdAt',
] as const satisfies readonly (PersonnelSortField | `-${PersonnelSortField}`)[];
export type PersonnelSort = (typeof personnelSorts)[number];

export const personnelFilterSchema = z.object({
  name: z.string().trim().max(50).optional(),
  gender: z.enum(genders).optional(),
  title: z.string().trim().max(50).optional(),
  sort: z.enum(personnelSorts).default('-createdAt'),
});
export type PersonnelFilter = z.infer<typeof personnelFilterSchema>;

export const personnelListQuerySchema = pageQuerySchema.extend(personnelFilterSchema.shape);
export type PersonnelListQuery = z.infer<typeof personnelListQuerySchema>;

/** The values of one field as a change under review shows them (masked for ID and mobile). */
export const personnelChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type PersonnelChange = z.infer<typeof personnelChangeSchema>;

/** A staff record as lists and 查看 show it: ID number and mobile only masked. */
export const personnelSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  mobileMasked: z.string(),
  title: z.string(),
  posts: z.array(z.string()),
  education: z.string(),
  status: z.enum(personnelStatuses),
  /** True while approved values stay in force (an approved record, or one with a change under review). */
  isApproved: z.boolean(),
  /** The change waiting for review (or returned), field by field; empty when none. */
  pendingChanges: z.array(personnelChangeSchema),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  hasAccount: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Personnel = z.infer<typeof personnelSchema>;

export const personnelPageSchema = pageSchema(personnelSchema);

export const personnelReviewItemSchema = personnelSchema.extend({
  agencyName: z.string(),
  regionCode: z.string(),
});
export type PersonnelReviewItem = z.infer<typeof personnelReviewItemSchema>;
export const personnelReviewPageSchema = pageSchema(personnelReviewItemSchema);

export const personnelReturnBodySchema = z.object({
  reason: z
    .string({ error: '请输入退回原因' })
    .trim()
    .min(2, '退回原因至少2个字')
    .max(500, '退回原因不能超过500个字'),
});
export type PersonnelReturnBody = z.infer<typeof personnelReturnBodySchema>;
