import { z } from 'zod';
import { attachmentSchema } from './attachments.schemas.ts';
import { creditCodeField, dateField, emailField, phoneField, requiredText } from './fields.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';
import { projectStatuses } from './project.workflow.ts';

const dictCode = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .max(60);

const staffIds = (label: string) =>
  z
    .array(z.uuid(), { error: `请选择${label}` })
    .min(1, `请至少选择一名${label}`)
    .max(50, `${label}最多选择50名`);

/** Sichuan lies within 97°21′–108°33′ E and 26°03′–34°19′ N; a little margin for border sites. */
export const siteBounds = { minLng: 97, maxLng: 109, minLat: 26, maxLat: 35 } as const;

/** One 监测信息 item: a point or sample, what is measured, and the staff for each stage. */
export const monitoringItemInputSchema = z.object({
  pointName: requiredText('点位/样品名称', 100),
  medium: requiredText('监测介质', 50),
  factors: requiredText('监测项目（因子）', 500),
  frequency: requiredText('监测频次', 50),
  sampleCount: z.coerce
    .number({ error: '请输入样品数量' })
    .int('样品数量应为整数')
    .min(1, '样品数量至少为1')
    .max(10000, '样品数量不能超过10000'),
  samplerIds: staffIds('采样人员'),
  courierIds: staffIds('送样人员'),
  analystIds: staffIds('实验室分析人员'),
});
export type MonitoringItemInput = z.infer<typeof monitoringItemInputSchema>;

export const clientInputSchema = z.object({
  name: requiredText('委托企业名称', 100),
  creditCode: creditCodeField,
  contact: requiredText('委托企业联系人', 50),
  phone: phoneField,
  email: emailField,
  address: requiredText('委托企业地址', 200),
});

/**
 * 项目登记 as the form sends it. `id` is made by the browser when the form opens: the 附件资料
 * uploaded before 保存 hang on it, and a retried 保存 cannot register the project twice.
 */
export const projectInputSchema = z
  .object({
    id: z.uuid({ error: '表单标识无效，请刷新页面后重试' }),
    name: requiredText('项目名称', 100),
    monitoringType: dictCode('监测类型'),
    monitoringNature: dictCode('项目监测性质'),
    regionCode: z
      .string({ error: '请选择项目区域' })
      .trim()
      .regex(/^51\d{4}$/, '请选择项目区域（区县）'),
    address: requiredText('项目地址', 200),
    longitude: z.coerce
      .number({ error: '请输入经度' })
      .min(siteBounds.minLng, '经度应在四川省范围内（97～109）')
      .max(siteBounds.maxLng, '经度应在四川省范围内（97～109）'),
    latitude: z.coerce
      .number({ error: '请输入纬度' })
      .min(siteBounds.minLat, '纬度应在四川省范围内（26～35）')
      .max(siteBounds.maxLat, '纬度应在四川省范围内（26～35）'),
    plannedStart: dateField('计划开始日期'),
    plannedEnd: dateField('计划结束日期'),
    description: z.string().trim().max(1000, '项目描述不能超过1000个字符').nullish(),
    items: z
      .array(monitoringItemInputSchema, { error: '请添加监测信息' })
      .min(1, '请点击添加监测信息，至少添加一条')
      .max(200, '监测信息最多200条'),
    entrustCategory: dictCode('委托类别'),
    client: clientInputSchema,
    isSubcontracted: z.boolean({ error: '请选择是否分包' }),
    subcontractorName: z.string().trim().max(100, '分包单位名称不能超过100个字符').nullish(),
    contractNumber: requiredText('合同编号', 60),
    contractAmount: z.coerce
      .number({ error: '请输入合同金额' })
      .min(0, '合同金额不能为负数')
      .max(1_000_000_000, '合同金额过大'),
    contractSignedOn: dateField('合同签订日期'),
    trainingDate: dateField('培训日期'),
    trainingContent: requiredText('培训内容', 1000),
    trainingParticipants: requiredText('培训人员', 500),
  })
  .refine((p) => p.plannedEnd >= p.plannedStart, {
    path: ['plannedEnd'],
    message: '计划结束日期不能早于开始日期',
  })
  .refine((p) => !p.isSubcontracted || Boolean(p.subcontractorName), {
    path: ['subcontractorName'],
    message: '选择分包时请填写分包单位名称',
  });
export type ProjectInput = z.infer<typeof projectInputSchema>;

/** Labels for the fields, in form order, as the manual and the form word them. */
export const projectFieldLabels = {
  name: '项目名称',
  projectNo: '项目编号',
  monitoringType: '监测类型',
  monitoringNature: '项目监测性质',
  regionCode: '项目区域',
  address: '项目地址',
  longitude: '经度',
  latitude: '纬度',
  plannedStart: '计划开始日期',
  plannedEnd: '计划结束日期',
  description: '项目描述',
  items: '监测信息',
  entrustCategory: '委托类别',
  'client.name': '委托企业名称',
  'client.creditCode': '统一社会信用代码',
  'client.contact': '联系人',
  'client.phone': '联系电话',
  'client.email': '电子邮箱',
  'client.address': '企业地址',
  isSubcontracted: '是否分包',
  subcontractorName: '分包单位名称',
  contractNumber: '合同编号',
  contractAmount: '合同金额（元）',
  contractSignedOn: '合同签订日期',
  trainingDate: '培训日期',
  trainingContent: '培训内容',
  trainingParticipants: '培训人员',
} as const;

export const projectSorts = [
  'createdAt',
  '-createdAt',
  'name',
  '-name',
  'projectNo',
  '-projectNo',
  'status',
  '-status',
] as const;
export type ProjectSort = (typeof projectSorts)[number];

/** 查询统计: name is a fuzzy (substring) match; region is any level (province, 市州, 区县). */
export const projectFilterSchema = z.object({
  name: z.string().trim().max(100).optional(),
  projectNo: z.string().trim().max(40).optional(),
  status: z.enum(projectStatuses).optional(),
  regionCode: z
    .string()
    .trim()
    .regex(/^51\d{4}$/, '项目区域无效')
    .optional(),
  /** Regulators only: narrow to one agency. */
  agencyId: z.uuid().optional(),
  /** 监测类型 code: the overview's bars open the list with it. */
  monitoringType: z.string().trim().max(60).optional(),
  /** 登记月份 YYYY-MM (China time): the overview's months open the list with it. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确')
    .optional(),
  sort: z.enum(projectSorts).default('-createdAt'),
});
export type ProjectFilter = z.infer<typeof projectFilterSchema>;

export const projectListQuerySchema = pageQuerySchema.extend(projectFilterSchema.shape);
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

/** A row of 查询统计. */
export const projectSummarySchema = z.object({
  id: z.string(),
  projectNo: z.string(),
  name: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  monitoringType: z.string(),
  monitoringNature: z.string(),
  regionCode: z.string(),
  clientName: z.string(),
  status: z.enum(projectStatuses),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;
/** Totals are counted up to this; a broader query answers `isTotalCapped` and lists its first pages. */
export const projectCountCap = 10_000;

export const projectPageSchema = pageSchema(projectSummarySchema).extend({
  /** True when more than projectCountCap projects match: `total` is then the cap (shown as 10000+). */
  isTotalCapped: z.boolean().optional(),
});

export const assignedStaffSchema = z.object({ id: z.string(), name: z.string() });

export const monitoringItemSchema = z.object({
  id: z.string(),
  pointName: z.string(),
  medium: z.string(),
  factors: z.string(),
  frequency: z.string(),
  sampleCount: z.number().int(),
  samplers: z.array(assignedStaffSchema),
  couriers: z.array(assignedStaffSchema),
  analysts: z.array(assignedStaffSchema),
});
export type MonitoringItem = z.infer<typeof monitoringItemSchema>;

/** A registered report: the public portal finds it by its number, unique across the platform. */
export const projectReportSchema = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  reportNumber: z.string(),
  attachmentId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type ProjectReport = z.infer<typeof projectReportSchema>;

/** A report type the project's 监测类型 requires (or allows), and the report uploaded for it. */
export const reportSlotSchema = z.object({
  category: z.string(),
  label: z.string(),
  required: z.boolean(),
  report: projectReportSchema.nullable(),
});
export type ReportSlot = z.infer<typeof reportSlotSchema>;

export const reportNumberField = z
  .string({ error: '请输入报告编号' })
  .trim()
  .min(4, '报告编号至少4个字符')
  .toUpperCase()
  .max(40, '报告编号不能超过40个字符')
  .regex(
    /^[A-Za-z0-9\u4e00-\u9fa5\-_()（）〔〕[\]]+$/,
    '报告编号只能包含汉字、字母、数字和 - _ ( ) 〔 〕 [ ]',
  );

export const reportUploadQuerySchema = z.object({
  category: z.string({ error: '请选择报告类型' }).trim().min(1, '请选择报告类型').max(60),
  reportNumber: reportNumberField,
});

/** One review decision as the history shows it. */
export const projectReviewRecordSchema = z.object({
  id: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
  actorName: z.string(),
  createdAt: z.string(),
});

/** Everything 办理 / 查看 and the regulator's review show about one project. */
export const projectDetailSchema = projectSummarySchema.extend({
  address: z.string(),
  longitude: z.number(),
  latitude: z.number(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  description: z.string().nullable(),
  entrustCategory: z.string(),
  client: z.object({
    name: z.string(),
    creditCode: z.string(),
    contact: z.string(),
    phone: z.string(),
    email: z.string(),
    address: z.string(),
  }),
  isSubcontracted: z.boolean(),
  subcontractorName: z.string().nullable(),
  contractNumber: z.string(),
  contractAmount: z.number(),
  contractSignedOn: z.string(),
  trainingDate: z.string(),
  trainingContent: z.string(),
  trainingParticipants: z.string(),
  agency: z.object({
    id: z.string(),
    name: z.string(),
    creditCode: z.string(),
    regionCode: z.string(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  items: z.array(monitoringItemSchema),
  attachments: z.array(attachmentSchema),
  reports: z.array(reportSlotSchema),
  reviews: z.array(projectReviewRecordSchema),
  /** The workflow actions the caller may take now (buttons), and whether 删除 is allowed. */
  actions: z.array(z.string()),
  canDelete: z.boolean(),
  canEditReports: z.boolean(),
  reviewedAt: z.string().nullable(),
  createdByName: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const projectReturnBodySchema = z.object({
  reason: z
    .string({ error: '请输入退回原因' })
    .trim()
    .min(2, '退回原因至少2个字')
    .max(500, '退回原因不能超过500个字'),
});

/** Staff an item may assign: approved, not deleted, holding the post. */
export const assignableStaffSchema = z.object({
  id: z.string(),
  name: z.string(),
  posts: z.array(z.string()),
});
export type AssignableStaff = z.infer<typeof assignableStaffSchema>;
