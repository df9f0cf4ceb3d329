import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { projectSequences } from './projects.tables.ts';

const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** The calendar year in China (UTC+8) at `at`: a project registered on 1 January belongs to the new year. */
export function projectYear(at: Date): number {
  return new Date(at.getTime() + chinaOffsetMs).getUTCFullYear();
}

/**
 * The next project number of a region and year, e.g. 510104-2026-000001. The upsert takes the
 * row lock, so concurrent registrations in one region wait for each other's transaction and
 * numbers never repeat; a rolled-back registration gives its number back.
 */
export async function nextProjectNo(tx: Db, regionCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(projectSequences)
    .values({ regionCode, year, last: 1 })
    .onConflictDoUpdate({
      target: [projectSequences.regionCode, projectSequences.year],
      set: { last: sql`${projectSequences.last} + 1` },
    })
    .returning({ last: projectSequences.last });
  if (!row) throw new Error('project sequence not advanced');
  return `${regionCode}-${year}-${String(row.last).padStart(6, '0')}`;
}
