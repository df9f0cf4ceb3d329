import { z } from 'zod';
import { roles } from './roles.ts';

export const loginBodySchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  agency: z.object({ id: z.string(), name: z.string(), status: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  posts: z.array(z.string()),
  mustChangePassword: z.boolean(),
  /** Why the account can do nothing yet (a personal account without a 登记人员 record). */
  notice: z.string().nullable().optional(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码'),
  newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码').max(256),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
