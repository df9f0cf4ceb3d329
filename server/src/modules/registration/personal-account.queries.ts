import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { personnel } from '../personnel/personnel.tables.ts';

/** The approved, live staff record with the 登记人员 post for an ID number, newest first. */
export async function findRegistrarRecord(
  db: Db,
  idNumberHash: string,
): Promise<{ id: string; agencyId: string } | undefined> {
  const [row] = await db
    .select({ id: personnel.id, agencyId: personnel.agencyId })
    .from(personnel)
    .where(
      and(
        eq(personnel.idNumberHash, idNumberHash),
        isNull(personnel.deletedAt),
        eq(personnel.status, 'approved'),
        sql`${personnel.posts} @> '["registrar"]'::jsonb`,
      ),
    )
    .orderBy(desc(personnel.updatedAt))
    .limit(1);
  return row;
}
