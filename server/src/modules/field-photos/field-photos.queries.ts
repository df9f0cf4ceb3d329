import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { personnel } from '../personnel/personnel.tables.ts';
import { projectItems } from '../projects/projects.tables.ts';
import { fieldPhotos } from './field-photos.tables.ts';

export type FieldPhotoRow = typeof fieldPhotos.$inferSelect;
export type FieldPhotoInsert = typeof fieldPhotos.$inferInsert;

/** A photo with what its API shape needs besides the row: the 照片类型 label and who took it. */
export type FieldPhotoView = {
  photo: FieldPhotoRow;
  photoTypeLabel: string | null;
  takenByName: string | null;
};

const viewColumns = { photo: fieldPhotos, photoTypeLabel: dictItems.label, takenByName: personnel.name };
const typeJoin = and(eq(dictItems.type, 'photo_type'), eq(dictItems.code, fieldPhotos.photoType));

export async function findPhotoRow(db: Db, id: string): Promise<FieldPhotoRow | null> {
  const [row] = await db.select().from(fieldPhotos).where(eq(fieldPhotos.id, id));
  return row ?? null;
}

export async function findPhotoView(db: Db, id: string): Promise<FieldPhotoView | null> {
  const [row] = await db
    .select(viewColumns)
    .from(fieldPhotos)
    .leftJoin(dictItems, typeJoin)
    .leftJoin(personnel, eq(personnel.id, fieldPhotos.personnelId))
    .where(eq(fieldPhotos.id, id));
  return row ?? null;
}

export async function insertPhotoRow(db: Db, values: FieldPhotoInsert): Promise<FieldPhotoRow> {
  const [row] = await db.insert(fieldPhotos).values(values).returning();
  if (!row) throw new Error('field photo not inserted');
  return row;
}

export async function findPersonnelName(db: Db, personnelId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: personnel.name })
    .from(personnel)
    .where(eq(personnel.id, personnelId));
  return row?.name ?? null;
}

export async function findPointName(db: Db, itemId: string): Promise<string | null> {
  const [row] = await db
    .select({ pointName: projectItems.pointName })
    .from(projectItems)
    .where(eq(projectItems.id, itemId));
  return row?.pointName ?? null;
}
