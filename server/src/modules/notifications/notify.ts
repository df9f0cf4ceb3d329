import type { NotificationKind } from '@eco/contracts';
import { regionPrefix } from '@eco/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { projectAssignments } from '../projects/projects.tables.ts';
import { users } from '../users/users.tables.ts';
import { notifications } from './notifications.tables.ts';

/** A message to send; `dedupeKey` names the event, so sending it again to a user does nothing. */
export type NewNotification = {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app (the mobile app shows the text only). */
  link: string | null;
  targetType?: string;
  targetId?: string;
  dedupeKey: string;
};

/**
 * Sends one message to each user, inside the caller's transaction (a rolled-back decision sends
 * nothing). A (user, dedupeKey) already sent is skipped: how several server processes running
 * the deadline job send each reminder exactly once. Returns the number of rows written.
 */
export async function notifyUsers(
  db: Db,
  userIds: readonly string[],
  message: NewNotification,
  at: Date,
): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      unique.map((userId) => ({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        targetType: message.targetType ?? null,
        targetId: message.targetId ?? null,
        dedupeKey: message.dedupeKey,
        createdAt: at,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}

const isActive = isNull(users.disabledAt);

/** The agency's web accounts (法人 and 登记人员) that can act on its business. */
export async function findAgencyUserIds(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.agencyId, agencyId), inArray(users.role, ['agency_admin', 'agency_registrar']), isActive),
    );
  return rows.map((r) => r.id);
}

/** Regulators whose region covers `regionCode` (the 市州's and the province's). */
export async function findRegulatorIdsFor(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id, regionCode: users.regionCode })
    .from(users)
    .where(and(eq(users.role, 'regulator'), isActive));
  return rows.filter((r) => regionCode.startsWith(regionPrefix(r.regionCode ?? '510000'))).map((r) => r.id);
}

/** The field accounts of the staff assigned to a project (they see its messages on the phone). */
export async function findProjectFieldUserIds(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(projectAssignments, eq(projectAssignments.personnelId, users.personnelId))
    .where(and(eq(projectAssignments.projectId, projectId), eq(users.role, 'field_staff'), isActive));
  return rows.map((r) => r.id);
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD): 整改期限 are dates there. */
export function shanghaiDate(at: Date, plusDays = 0): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000 + plusDays * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}
