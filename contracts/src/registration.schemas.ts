import { z } from 'zod';
import { creditCodeField, idNumberField, mobileField, requiredText } from './fields.ts';

/** What a text-message code is for; a code only verifies for the purpose it was sent for. */
export const smsPurposes = [
  'register_agency',
  'register_person',
  'allocate_account',
  'public_preview',
] as const;
export type SmsPurpose = (typeof smsPurposes)[number];

export const smsPurposeLabels: Record<SmsPurpose, string> = {
  register_agency: '法人注册',
  register_person: '个人注册',
  allocate_account: '监测账号分配',
  public_preview: '监测报告预览',
};

/** Seconds before the same number may ask for another code (the form's countdown). */
export const smsResendSeconds = 60;

export const smsCodeField = z
  .string({ error: '请输入短信验证码' })
  .trim()
  .regex(/^\d{6}$/, '短信验证码为6位数字');

/** Purposes `POST /sms/codes` serves; a report preview's code is sent by the public portal, which checks the report first. */
export const selfServiceSmsPurposes = ['register_agency', 'register_person', 'allocate_account'] as const;

export const requestSmsCodeBodySchema = z.object({
  mobile: mobileField,
  purpose: z.enum(selfServiceSmsPurposes, { error: '验证码用途不正确' }),
});
export type RequestSmsCodeBody = z.infer<typeof requestSmsCodeBodySchema>;

export const smsCodeSentSchema = z.object({
  /** The number as it is shown back: 180****1999. */
  mobileMasked: z.string(),
  expiresInSeconds: z.number(),
  resendInSeconds: z.number(),
});
export type SmsCodeSent = z.infer<typeof smsCodeSentSchema>;

export const devSmsMessageSchema = z.object({
  id: z.string(),
  mobileMasked: z.string(),
  purpose: z.string(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type DevSmsMessage = z.infer<typeof devSmsMessageSchema>;

export const usernameField = z
  .string({ error: '请输入用户名' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{3,31}$/, '用户名为4–32位，以字母开头，可含字母、数字、下划线、点、短横线');

const passwordField = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256);

export const registerAgencyBodySchema = z.object({
  agencyName: requiredText('机构名称', 100),
  creditCode: creditCodeField,
  regionCode: z.string({ error: '请选择所在区县' }).regex(/^51\d{4}$/, '请选择所在区县'),
  legalRepresentative: requiredText('法定代表人', 50),
  contactPerson: requiredText('联系人', 50),
  mobile: mobileField,
  smsCode: smsCodeField,
  username: usernameField,
  password: passwordField,
});
export type RegisterAgencyBody = z.infer<typeof registerAgencyBodySchema>;

export const registerPersonBodySchema = z.object({
  name: requiredText('姓名', 50),
  idNumber: idNumberField,
  mobile: mobileField,
  smsCode: smsCodeField,
  username: usernameField,
  password: passwordField,
});
export type RegisterPersonBody = z.infer<typeof registerPersonBodySchema>;

export const allocateAccountBodySchema = z.object({ mobile: mobileField, smsCode: smsCodeField });
export type AllocateAccountBody = z.infer<typeof allocateAccountBodySchema>;

export const allocatedAccountSchema = z.object({
  username: z.string(),
  /** Shown once; the staff member must change it at first login. */
  initialPassword: z.string(),
});
export type AllocatedAccount = z.infer<typeof allocatedAccountSchema>;

export const personnelAccountSchema = z.object({
  hasAccount: z.boolean(),
  username: z.string().optional(),
});
export type PersonnelAccount = z.infer<typeof personnelAccountSchema>;

/** What `me` (and every refused request) tells a personal account that no 登记人员 record backs. */
export const personWithoutStaffRecordNotice =
  '未找到与您身份证号一致的监测人员记录，请联系所在机构的法人账号在“监测人员”中添加您并选择岗位职能“登记人员”，审核通过后重新登录。';
