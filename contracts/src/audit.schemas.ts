import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/** One audit log record as the 审计日志 page shows it; times are ISO instants in UTC. */
export const auditRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  /** The acting account's username today; null for system writes and logins (see `after.username`). */
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  /** 操作人: part of the person's name or of the account's username. */
  actor: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  targetType: z.string().trim().max(60).optional(),
  targetId: z.string().trim().max(60).optional(),
  agencyId: z.uuid({ error: '机构编号格式不正确' }).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The hash chain's verdict: intact, or the first record that was altered or follows a gap. */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  brokenId: z.number().optional(),
  reason: z.string().optional(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
