import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { withinRegion } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { agencies } from './agencies.tables.ts';
import { agencyRevisions } from './agency-revisions.tables.ts';

export type AgencyRevisionRow = typeof agencyRevisions.$inferSelect;

/** Locks the agency row for the rest of the transaction: one profile change at a time. */
export async function lockAgency(db: Db, agencyId: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, agencyId)).for('update');
  return row;
}

/** The revision not yet decided (draft, submitted or returned), if any. */
export async function findUndecidedRevision(
  db: Db,
  agencyId: string,
): Promise<AgencyRevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyRevisions)
    .where(
      and(
        eq(agencyRevisions.agencyId, agencyId),
        inArray(agencyRevisions.status, ['draft', 'submitted', 'returned']),
      ),
    )
    .orderBy(asc(agencyRevisions.createdAt))
    .limit(1);
  return row;
}

export async function findRevisionWithAgency(db: Db, revisionId: string) {
  const [row] = await db
    .select({ revision: agencyRevisions, agency: agencies, regionName: regions.name })
    .from(agencyRevisions)
    .innerJoin(agencies, eq(agencies.id, agencyRevisions.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencyRevisions.id, revisionId))
    .limit(1);
  return row;
}

/**
 * Moves a revision from one status to another only if it is still in `from`: zero rows back
 * means someone else moved it first.
 */
export async function transitionRevision(
  db: Db,
  revisionId: string,
  from: string,
  set: Partial<typeof agencyRevisions.$inferInsert> & { status: string },
): Promise<AgencyRevisionRow | undefined> {
  const [row] = await db
    .update(agencyRevisions)
    .set(set)
    .where(and(eq(agencyRevisions.id, revisionId), eq(agencyRevisions.status, from)))
    .returning();
  return row;
}

/** A page of revisions in a status within a region, oldest submission first. */
export async function listRevisionsForReview(
  db: Db,
  filter: { regionScope: string; status: string; page: number; pageSize: number },
) {
  const where = and(
    eq(agencyRevisions.status, filter.status),
    withinRegion(agencies.regionCode, filter.regionScope),
  );
  const [items, totals] = await Promise.all([
    db
      .select({ revision: agencyRevisions, agency: agencies, regionName: regions.name })
      .from(agencyRevisions)
      .innerJoin(agencies, eq(agencies.id, agencyRevisions.agencyId))
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencyRevisions.submittedAt), asc(agencyRevisions.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: count() })
      .from(agencyRevisions)
      .innerJoin(agencies, eq(agencies.id, agencyRevisions.agencyId))
      .where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** How many live files the agency has in each attachment category. */
export async function countAgencyAttachmentsByCategory(
  db: Db,
  agencyId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ category: attachments.category, n: count() })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, 'agency'),
        eq(attachments.ownerId, agencyId),
        isNull(attachments.deletedAt),
      ),
    )
    .groupBy(attachments.category);
  return new Map(rows.map((r) => [r.category, r.n]));
}

export async function findRegion(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function findAgencyByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.creditCode, creditCode))
    .limit(1);
  return row;
}
