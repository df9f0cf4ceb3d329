import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { reviewRecords } from '../reviews/reviews.tables.ts';
import { users } from '../users/users.tables.ts';
import { projectAssignments, projectItems, projectReports, projects } from './projects.tables.ts';

/** A project (not deleted) with its agency and the name of who registered it. */
export async function findProjectWithAgency(db: Db, id: string) {
  const [row] = await db
    .select({
      project: projects,
      agency: {
        id: agencies.id,
        name: agencies.name,
        creditCode: agencies.creditCode,
        regionCode: agencies.regionCode,
        contactPerson: agencies.contactPerson,
        contactPhone: agencies.contactPhone,
      },
      createdByName: users.displayName,
    })
    .from(projects)
    .innerJoin(agencies, eq(agencies.id, projects.agencyId))
    .leftJoin(users, eq(users.id, projects.createdBy))
    .where(eq(projects.id, id))
    .limit(1);
  return row && row.project.deletedAt === null ? row : undefined;
}

export function listProjectItems(db: Db, projectId: string) {
  return db
    .select()
    .from(projectItems)
    .where(eq(projectItems.projectId, projectId))
    .orderBy(asc(projectItems.position));
}

/** Who is assigned to each item of a project, as what, with their names. */
export function listProjectAssignments(db: Db, projectId: string) {
  return db
    .select({
      itemId: projectAssignments.itemId,
      post: projectAssignments.post,
      personnelId: projectAssignments.personnelId,
      name: personnel.name,
    })
    .from(projectAssignments)
    .innerJoin(personnel, eq(personnel.id, projectAssignments.personnelId))
    .where(eq(projectAssignments.projectId, projectId))
    .orderBy(asc(personnel.name), asc(personnel.id));
}

/** The reports registered for a project, with their files. */
export function listReportsWithFiles(db: Db, projectId: string) {
  return db
    .select({ report: projectReports, attachment: attachments })
    .from(projectReports)
    .innerJoin(attachments, eq(attachments.id, projectReports.attachmentId))
    .where(eq(projectReports.projectId, projectId));
}

/** The review history of a project, oldest first. */
export function listProjectReviewRows(db: Db, projectId: string) {
  return db
    .select()
    .from(reviewRecords)
    .where(and(eq(reviewRecords.targetType, 'project'), eq(reviewRecords.targetId, projectId)))
    .orderBy(asc(reviewRecords.at), asc(reviewRecords.id));
}
