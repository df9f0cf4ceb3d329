import { publicReportStatuses } from '@eco/contracts';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { projectReports, projects } from '../projects/projects.tables.ts';
import { regions } from '../regions/regions.tables.ts';
import { reportViews } from './public.tables.ts';

/**
 * A report the public may see: its project submitted or approved and not deleted, its file not
 * removed. Every public report query goes through this one condition.
 */
const isPubliclyVisible = and(
  isNull(projects.deletedAt),
  inArray(projects.status, [...publicReportStatuses]),
  isNull(attachments.deletedAt),
);

function selectVisibleReports(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: projectReports.id,
      projectId: projectReports.projectId,
      reportNumber: projectReports.reportNumber,
      category: projectReports.category,
      createdAt: projectReports.createdAt,
      agencyId: projectReports.agencyId,
      agencyName: agencies.name,
      monitoringType: projects.monitoringType,
      regionCode: projects.regionCode,
      regionName: regions.name,
      status: projects.status,
      sha256: attachments.sha256,
      size: attachments.size,
    })
    .from(projectReports)
    .innerJoin(projects, eq(projects.id, projectReports.projectId))
    .innerJoin(attachments, eq(attachments.id, projectReports.attachmentId))
    .innerJoin(agencies, eq(agencies.id, projectReports.agencyId))
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(isPubliclyVisible, where));
}

export type VisibleReportRow = Awaited<ReturnType<typeof selectVisibleReports>>[number];

export async function findVisibleReportByNumber(
  db: Db,
  reportNumber: string,
): Promise<VisibleReportRow | undefined> {
  const [row] = await selectVisibleReports(db, eq(projectReports.reportNumber, reportNumber)).limit(1);
  return row;
}

export async function findVisibleReportById(db: Db, id: string): Promise<VisibleReportRow | undefined> {
  const [row] = await selectVisibleReports(db, eq(projectReports.id, id)).limit(1);
  return row;
}

/** The same bytes may have been registered more than once (at most a handful): all are listed. */
export function listVisibleReportsBySha256(db: Db, sha256: string): Promise<VisibleReportRow[]> {
  return selectVisibleReports(db, eq(attachments.sha256, sha256))
    .orderBy(asc(projectReports.createdAt), asc(projectReports.id))
    .limit(50);
}

export async function insertReportView(db: Db, values: typeof reportViews.$inferInsert) {
  const [row] = await db.insert(reportViews).values(values).returning({ id: reportViews.id });
  if (!row) throw new Error('report_views insert returned nothing');
  return row;
}

/** Code → label of one dictionary, disabled values included (old records still show their label). */
export async function findDictLabels(db: Db, type: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(eq(dictItems.type, type));
  return new Map(rows.map((r) => [r.code, r.label]));
}
