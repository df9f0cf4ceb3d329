import type { Role } from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { type UserRow, updateUser } from '../users/users.queries.ts';
import { findRegistrarRecord } from './personal-account.queries.ts';

type Resolved = { role: Role; agencyId: string | null; personnelId: string | null };

/**
 * A personal account (个人注册) acts as 登记人员 of an agency only while that agency keeps an
 * approved staff record with its ID number and the post `registrar`; otherwise it is a `person`
 * with no pages. Re-resolved at login and in `me`; a change is written with an audit row.
 */
export async function resolvePersonalAccount(ctx: ServiceContext, user: UserRow): Promise<UserRow> {
  if (user.kind !== 'personal' || !user.idNumberHash) return user;
  const record = await findRegistrarRecord(ctx.db, user.idNumberHash);
  const next: Resolved = record
    ? { role: 'agency_registrar', agencyId: record.agencyId, personnelId: record.id }
    : { role: 'person', agencyId: null, personnelId: null };
  if (next.role === user.role && next.agencyId === user.agencyId && next.personnelId === user.personnelId) {
    return user;
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, next);
    await appendAudit(
      tx,
      { actor: null, meta: ctx.meta, now: ctx.now },
      {
        action: 'user.role_resolved',
        targetType: 'user',
        targetId: user.id,
        agencyId: next.agencyId ?? user.agencyId,
        before: { role: user.role, agencyId: user.agencyId, personnelId: user.personnelId },
        after: next,
      },
    );
  });
  return { ...user, ...next };
}
