import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { projectReports } from './projects.tables.ts';

export type ReportRow = typeof projectReports.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type ReportWithFile = { report: ReportRow; attachment: AttachmentRow };

export async function findProjectReport(
  db: Db,
  projectId: string,
  reportId: string,
): Promise<ReportWithFile | undefined> {
  const [row] = await db
    .select({ report: projectReports, attachment: attachments })
    .from(projectReports)
    .innerJoin(attachments, eq(attachments.id, projectReports.attachmentId))
    .where(and(eq(projectReports.id, reportId), eq(projectReports.projectId, projectId)))
    .limit(1);
  return row;
}

export async function findReportByCategory(
  db: Db,
  projectId: string,
  category: string,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.projectId, projectId), eq(projectReports.category, category)))
    .limit(1);
  return row;
}

export async function isReportNumberTaken(db: Db, reportNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projectReports.id })
    .from(projectReports)
    .where(eq(projectReports.reportNumber, reportNumber))
    .limit(1);
  return Boolean(row);
}

export async function insertProjectReport(
  db: Db,
  values: typeof projectReports.$inferInsert,
): Promise<ReportRow | undefined> {
  const [row] = await db.insert(projectReports).values(values).returning();
  return row;
}

/** Removes the report row (which frees its number) and marks its file deleted. */
export async function removeProjectReport(db: Db, report: ReportRow, at: Date): Promise<boolean> {
  const removed = await db
    .delete(projectReports)
    .where(eq(projectReports.id, report.id))
    .returning({ id: projectReports.id });
  if (removed.length === 0) return false;
  await db
    .update(attachments)
    .set({ deletedAt: at })
    .where(and(eq(attachments.id, report.attachmentId), isNull(attachments.deletedAt)));
  return true;
}
