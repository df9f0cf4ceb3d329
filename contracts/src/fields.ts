import { z } from 'zod';
import {
  isValidCreditCode,
  isValidEmail,
  isValidIdNumber,
  isValidMobile,
  isValidPhone,
} from './validators.ts';

/** zod fields with the Chinese messages the forms and the problem+json errors show. */
export const creditCodeField = z
  .string({ error: '请输入统一社会信用代码' })
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, '统一社会信用代码格式或校验位不正确');

export const idNumberField = z
  .string({ error: '请输入身份证号' })
  .trim()
  .toUpperCase()
  .refine((v) => isValidIdNumber(v), '身份证号格式、出生日期或校验位不正确');

export const mobileField = z
  .string({ error: '请输入手机号' })
  .trim()
  .refine(isValidMobile, '手机号格式不正确');

export const emailField = z
  .string({ error: '请输入电子邮箱' })
  .trim()
  .refine(isValidEmail, '电子邮箱格式不正确');

export const phoneField = z
  .string({ error: '请输入联系电话' })
  .trim()
  .refine(isValidPhone, '联系电话格式不正确');

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过${max}个字符`);
}

/** A calendar date as `YYYY-MM-DD`, the way date pickers send it. */
export function dateField(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
      message: `${label}应为有效日期（YYYY-MM-DD）`,
    });
}
