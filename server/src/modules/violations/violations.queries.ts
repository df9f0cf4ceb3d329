import { type RectificationState, regionPrefix } from '@eco/contracts';
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  max,
  not,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { users } from '../users/users.tables.ts';
import { violationRoundFiles, violationRounds, violations } from './violations.tables.ts';

export type ViolationRow = typeof violations.$inferSelect;

/** Whose violations a caller sees: one agency's, or those belonging within a region. */
export type ViolationScope = { agencyId: string } | { regionCode: string };

export type ViolationListFilter = {
  projectName?: string | undefined;
  state?: RectificationState | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  agencyId?: string | undefined;
  hasRounds?: boolean | undefined;
  isOpen?: boolean | undefined;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findViolation(db: Db, id: string): Promise<ViolationRow | undefined> {
  const [row] = await db.select().from(violations).where(eq(violations.id, id)).limit(1);
  return row;
}

/** findViolation, locking the row for the rest of the transaction (status changes). */
export async function findViolationForUpdate(tx: Db, id: string): Promise<ViolationRow | undefined> {
  const [row] = await tx.select().from(violations).where(eq(violations.id, id)).for('update');
  return row;
}

export async function insertViolation(db: Db, values: typeof violations.$inferInsert): Promise<ViolationRow> {
  const [row] = await db.insert(violations).values(values).returning();
  if (!row) throw new Error('violation not inserted');
  return row;
}

/** Compare-and-set: moves the violation only if it is still in `from`; undefined when it was not. */
export async function moveViolation(
  tx: Db,
  id: string,
  from: string,
  set: Partial<Pick<ViolationRow, 'status' | 'closedAt' | 'updatedAt'>>,
): Promise<ViolationRow | undefined> {
  const [row] = await tx
    .update(violations)
    .set(set)
    .where(and(eq(violations.id, id), eq(violations.status, from)))
    .returning();
  return row;
}

/**
 * A region as equality on an indexed column (the generated `city_code` for a 市州, as
 * violations_city_idx has it); the province needs no condition.
 */
function regionCondition(code: string): SQL | undefined {
  const prefix = regionPrefix(code);
  if (prefix.length === 2) return undefined;
  if (prefix.length === 4) return eq(violations.cityCode, prefix);
  return eq(violations.regionCode, code);
}

const hasRound = (db: Db) =>
  exists(
    db.select({ one: sql`1` }).from(violationRounds).where(eq(violationRounds.violationId, violations.id)),
  );

function stateCondition(state: RectificationState, today: string): SQL | undefined {
  switch (state) {
    case 'pending':
      return and(eq(violations.status, 'pending'), gte(violations.deadline, today));
    case 'overdue':
      return and(eq(violations.status, 'pending'), lt(violations.deadline, today));
    case 'submitted':
    case 'accepted':
      return eq(violations.status, state);
  }
}

/** The WHERE of 违规待整改 / 历史整改记录 / the regulator's list; `today` decides 逾期. */
function listConditions(db: Db, scope: ViolationScope, filter: ViolationListFilter, today: string): SQL[] {
  const conditions: SQL[] = [];
  if ('agencyId' in scope) conditions.push(eq(violations.agencyId, scope.agencyId));
  else {
    const region = regionCondition(scope.regionCode);
    if (region) conditions.push(region);
    if (filter.agencyId) conditions.push(eq(violations.agencyId, filter.agencyId));
  }
  if (filter.state) {
    const condition = stateCondition(filter.state, today);
    if (condition) conditions.push(condition);
  }
  if (filter.projectName) {
    const named = db
      .select({ id: projects.id })
      .from(projects)
      .where(ilike(projects.name, `%${escapeLike(filter.projectName)}%`));
    conditions.push(inArray(violations.projectId, named));
  }
  if (filter.deadlineFrom) conditions.push(gte(violations.deadline, filter.deadlineFrom));
  if (filter.deadlineTo) conditions.push(lte(violations.deadline, filter.deadlineTo));
  if (filter.hasRounds === true) conditions.push(hasRound(db));
  if (filter.hasRounds === false) conditions.push(not(hasRound(db)));
  if (filter.isOpen === true) conditions.push(inArray(violations.status, ['pending', 'submitted']));
  if (filter.isOpen === false) conditions.push(eq(violations.status, 'accepted'));
  return conditions;
}

/** A violation with the names a list row shows and its number of rounds. */
function selectSummaries(db: Db) {
  return db
    .select({
      violation: violations,
      agencyName: agencies.name,
      projectName: projects.name,
      projectNo: projects.projectNo,
      issuedByName: users.displayName,
      roundCount: sql<number>`(select count(*)::int from ${violationRounds} where ${violationRounds.violationId} = ${violations.id})`,
    })
    .from(violations)
    .innerJoin(agencies, eq(agencies.id, violations.agencyId))
    .leftJoin(projects, eq(projects.id, violations.projectId))
    .leftJoin(users, eq(users.id, violations.issuedBy));
}

export type ViolationSummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

/** One page of violations, newest issued first, and how many match. */
export async function searchViolations(
  db: Db,
  scope: ViolationScope,
  filter: ViolationListFilter,
  page: { page: number; pageSize: number },
  today: string,
): Promise<{ items: ViolationSummaryRow[]; total: number }> {
  const where = and(...listConditions(db, scope, filter, today));
  const [items, totals] = await Promise.all([
    selectSummaries(db)
      .where(where)
      .orderBy(desc(violations.issuedAt), asc(violations.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(violations).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function findViolationSummary(db: Db, id: string): Promise<ViolationSummaryRow | undefined> {
  const [row] = await selectSummaries(db).where(eq(violations.id, id)).limit(1);
  return row;
}

export type RoundRow = typeof violationRounds.$inferSelect;

/** The round number the next submission gets (1 for the first). */
export async function nextRoundNo(tx: Db, violationId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(violationRounds.round) })
    .from(violationRounds)
    .where(eq(violationRounds.violationId, violationId));
  return (row?.last ?? 0) + 1;
}

export async function insertRound(tx: Db, values: typeof violationRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await tx.insert(violationRounds).values(values).returning();
  if (!row) throw new Error('round not inserted');
  return row;
}

/** The round awaiting the regulator's decision, if any. */
export async function findOpenRound(tx: Db, violationId: string): Promise<RoundRow | undefined> {
  const [row] = await tx
    .select()
    .from(violationRounds)
    .where(and(eq(violationRounds.violationId, violationId), isNull(violationRounds.decision)))
    .orderBy(desc(violationRounds.round))
    .limit(1);
  return row;
}

export async function decideRound(
  tx: Db,
  roundId: string,
  set: Pick<RoundRow, 'decision' | 'reason' | 'decidedBy' | 'decidedAt'>,
): Promise<void> {
  await tx
    .update(violationRounds)
    .set(set)
    .where(and(eq(violationRounds.id, roundId), isNull(violationRounds.decision)));
}

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(violationRounds).where(eq(violationRounds.id, id)).limit(1);
  return row;
}

const submitter = alias(users, 'submitter');
const decider = alias(users, 'decider');

/** Every round of a violation, first first, with who submitted and who decided it. */
export function listRounds(db: Db, violationId: string) {
  return db
    .select({
      round: violationRounds,
      submittedByName: submitter.displayName,
      decidedByName: decider.displayName,
    })
    .from(violationRounds)
    .leftJoin(submitter, eq(submitter.id, violationRounds.submittedBy))
    .leftJoin(decider, eq(decider.id, violationRounds.decidedBy))
    .where(eq(violationRounds.violationId, violationId))
    .orderBy(asc(violationRounds.round));
}

/** The evidence each round of a violation was submitted with. */
export function listRoundAttachments(db: Db, violationId: string) {
  return db
    .select({ roundId: violationRoundFiles.roundId, attachment: attachments, categoryLabel: dictItems.label })
    .from(violationRoundFiles)
    .innerJoin(violationRounds, eq(violationRounds.id, violationRoundFiles.roundId))
    .innerJoin(attachments, eq(attachments.id, violationRoundFiles.attachmentId))
    .leftJoin(dictItems, and(eq(dictItems.type, 'attachment_type'), eq(dictItems.code, attachments.category)))
    .where(eq(violationRounds.violationId, violationId))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

/**
 * Binds the pending evidence to a submitted round: recorded in violation_round_files, and the
 * files move to the round as their owner, so the attachments API treats them as the round's
 * (read-only) and the next round starts with an empty evidence list and its own file limit.
 */
export async function bindEvidence(tx: Db, roundId: string, attachmentIds: readonly string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await tx
    .insert(violationRoundFiles)
    .values(attachmentIds.map((attachmentId) => ({ roundId, attachmentId })));
  await tx
    .update(attachments)
    .set({ ownerId: roundId })
    .where(and(eq(attachments.ownerType, 'rectification'), inArray(attachments.id, [...attachmentIds])));
}
