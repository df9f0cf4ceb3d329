import { and, asc, count, desc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { violations } from '../violations/violations.tables.ts';
import { notifications } from './notifications.tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;

function ownWhere(userId: string, isUnread: boolean | undefined): SQL | undefined {
  const mine = eq(notifications.userId, userId);
  if (isUnread === undefined) return mine;
  return and(mine, isUnread ? isNull(notifications.readAt) : sql`${notifications.readAt} is not null`);
}

/** One user's messages, newest first, optionally only the unread (or only the read) ones. */
export async function listNotificationsOf(
  db: Db,
  filter: { userId: string; isUnread?: boolean | undefined; page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number }> {
  const where = ownWhere(filter.userId, filter.isUnread);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(notifications).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** How many of the user's messages are unread (answered by the partial unread index). */
export async function countUnreadOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.total ?? 0;
}

/**
 * Marks one of the user's messages read (keeping the first read time). False when the user has
 * no such message, read or not.
 */
export async function markNotificationRead(
  db: Db,
  params: { userId: string; id: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${params.at})` })
    .where(and(eq(notifications.id, params.id), eq(notifications.userId, params.userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread message of the user read; returns how many. */
export async function markAllNotificationsRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type DeadlineCandidate = {
  id: string;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  projectName: string | null;
  problem: string;
  deadline: string;
};

/**
 * Pending violations whose 整改期限 is on or before `lastDay`, in (deadline, id) order after the
 * cursor: one batch of the deadline job's keyset scan.
 */
export function listPendingViolationsDueBy(
  db: Db,
  params: { lastDay: string; after: { deadline: string; id: string } | null; limit: number },
): Promise<DeadlineCandidate[]> {
  const { after } = params;
  const cursor = after
    ? or(
        gt(violations.deadline, after.deadline),
        and(eq(violations.deadline, after.deadline), gt(violations.id, after.id)),
      )
    : undefined;
  return db
    .select({
      id: violations.id,
      agencyId: violations.agencyId,
      agencyName: agencies.name,
      regionCode: violations.regionCode,
      projectName: projects.name,
      problem: violations.problem,
      deadline: violations.deadline,
    })
    .from(violations)
    .innerJoin(agencies, eq(agencies.id, violations.agencyId))
    .leftJoin(projects, eq(projects.id, violations.projectId))
    .where(and(eq(violations.status, 'pending'), lte(violations.deadline, params.lastDay), cursor))
    .orderBy(asc(violations.deadline), asc(violations.id))
    .limit(params.limit);
}

/**
 * Takes the deadline job's transaction-scoped advisory lock if no other session holds it. The
 * lock is released by the commit or rollback of the caller's transaction.
 */
export async function tryDeadlineJobLock(db: Db, key: number): Promise<boolean> {
  const result = await db.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(${key}) as locked`,
  );
  const rows = (result as unknown as { rows: { locked: boolean }[] }).rows;
  return rows[0]?.locked === true;
}
