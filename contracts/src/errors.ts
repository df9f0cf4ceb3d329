import { z } from 'zod';

/** Every error code the API answers with, and its HTTP status. */
export const errorStatus = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorTitles: Record<ErrorCode, string> = {
  VALIDATION: '提交的信息有误',
  BAD_REQUEST: '请求有误',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  CSRF: '页面已过期，请刷新后重试',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '记录不存在',
  CONFLICT: '记录已存在或已被修改',
  INVALID_STATE: '当前状态不允许此操作',
  PAYLOAD_TOO_LARGE: '文件过大',
  UNSUPPORTED_FILE_TYPE: '不支持的文件类型',
  ACCOUNT_LOCKED: '账号已锁定',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '服务器内部错误',
  UNAVAILABLE: '服务暂不可用',
};

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as every error response carries them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
