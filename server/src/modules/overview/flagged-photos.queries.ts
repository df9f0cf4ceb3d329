import { and, count, countDistinct, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { fieldPhotos } from '../field-photos/field-photos.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import { projectsInRegion } from './overview.queries.ts';

export type FlaggedPhotoFilter = { regionScope: string; flag?: string | undefined };

/** Photos with at least one flag (or this flag), of projects sited in the region and not deleted. */
function flaggedWhere({ regionScope, flag }: FlaggedPhotoFilter): SQL | undefined {
  const flagged = flag
    ? sql`${fieldPhotos.flags} @> array[${flag}]::text[]`
    : sql`cardinality(${fieldPhotos.flags}) > 0`;
  return and(flagged, projectsInRegion(regionScope));
}

/** How many flagged photos the region has, and on how many tasks. */
export async function countFlaggedPhotos(db: Db, regionScope: string) {
  const [row] = await db
    .select({ photos: count(), tasks: countDistinct(fieldPhotos.taskId) })
    .from(fieldPhotos)
    .innerJoin(projects, eq(projects.id, fieldPhotos.projectId))
    .where(flaggedWhere({ regionScope }));
  return { photos: row?.photos ?? 0, tasks: row?.tasks ?? 0 };
}

/** A page of the region's flagged photos with their project, agency, 照片类型 and who took them; newest first. */
export async function listFlaggedPhotos(
  db: Db,
  filter: FlaggedPhotoFilter & { page: number; pageSize: number },
) {
  const where = flaggedWhere(filter);
  const [items, totals] = await Promise.all([
    db
      .select({
        photoId: fieldPhotos.id,
        taskId: fieldPhotos.taskId,
        projectId: fieldPhotos.projectId,
        projectName: projects.name,
        projectNo: projects.projectNo,
        agencyName: agencies.name,
        photoType: fieldPhotos.photoType,
        photoTypeLabel: dictItems.label,
        stage: fieldPhotos.stage,
        flags: fieldPhotos.flags,
        capturedAt: fieldPhotos.capturedAt,
        distanceM: fieldPhotos.distanceM,
        takenByName: personnel.name,
      })
      .from(fieldPhotos)
      .innerJoin(projects, eq(projects.id, fieldPhotos.projectId))
      .innerJoin(agencies, eq(agencies.id, projects.agencyId))
      .leftJoin(dictItems, and(eq(dictItems.type, 'photo_type'), eq(dictItems.code, fieldPhotos.photoType)))
      .leftJoin(personnel, eq(personnel.id, fieldPhotos.personnelId))
      .where(where)
      .orderBy(desc(fieldPhotos.capturedAt), desc(fieldPhotos.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: count() })
      .from(fieldPhotos)
      .innerJoin(projects, eq(projects.id, fieldPhotos.projectId))
      .where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
