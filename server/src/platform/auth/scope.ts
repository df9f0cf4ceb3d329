import { regionPrefix } from '@eco/contracts';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../context.ts';

/** Rows whose region lies within `regionCode` (510000 the province, 510100 成都市 …). */
export function withinRegion(column: AnyColumn, regionCode: string): SQL {
  return sql`${column} like ${`${regionPrefix(regionCode)}%`}`;
}

/** The region a regulator may see; the province when none is set. Null for other roles. */
export function regulatorRegion(actor: Actor): string | null {
  if (actor.role !== 'regulator') return null;
  return actor.regionCode ?? '510000';
}
