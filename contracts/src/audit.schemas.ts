import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/** One audit log record as the 审计日志 page shows it; times are ISO instants in UTC. */
export const auditRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  agencyId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  actorName: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  targetType: z.string().trim().max(60).optional(),
  targetId: z.string().trim().max(60).optional(),
  agencyId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
