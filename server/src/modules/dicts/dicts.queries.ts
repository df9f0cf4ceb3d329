import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dictItems } from './dicts.tables.ts';

export type DictRow = typeof dictItems.$inferSelect;

export function listDictItems(db: Db, type?: string): Promise<DictRow[]> {
  const query = db.select().from(dictItems);
  return (type ? query.where(eq(dictItems.type, type)) : query).orderBy(
    asc(dictItems.type),
    asc(dictItems.sortOrder),
    asc(dictItems.code),
  );
}

export async function findDictItem(db: Db, type: string, code: string): Promise<DictRow | undefined> {
  const [row] = await db
    .select()
    .from(dictItems)
    .where(and(eq(dictItems.type, type), eq(dictItems.code, code)))
    .limit(1);
  return row;
}

export async function findDictItemById(db: Db, id: string): Promise<DictRow | undefined> {
  const [row] = await db.select().from(dictItems).where(eq(dictItems.id, id)).limit(1);
  return row;
}
