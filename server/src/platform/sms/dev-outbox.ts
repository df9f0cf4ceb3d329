import type { DevSmsMessage } from '@eco/contracts';
import type { ServiceContext } from '../context.ts';
import { listOutboxForMobile } from './sms.queries.ts';

/** Outside production only (the route is not registered there): what the outbox gateway recorded. */
export async function listDevOutbox(ctx: ServiceContext, mobile: string): Promise<DevSmsMessage[]> {
  if (ctx.config.isProduction) return [];
  const rows = await listOutboxForMobile(ctx.db, ctx.pii.lookupHash(mobile));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
