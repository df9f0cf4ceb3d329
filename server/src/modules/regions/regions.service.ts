import type { RegionNode } from '@eco/contracts';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { provinceCode, readProvinceRegions } from './regions.data.ts';
import { regions } from './regions.tables.ts';

/** Loads the regions table from the data package; rows already there are updated in place. */
export async function loadRegions(db: Db): Promise<number> {
  const records = readProvinceRegions();
  await db
    .insert(regions)
    .values(records)
    .onConflictDoUpdate({
      target: regions.code,
      set: { name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, level: sql`excluded.level` },
    });
  return records.length;
}

/** The province as a tree for cascaders: 四川省 → 市州 → 区县. */
export async function getRegionTree(db: Db): Promise<RegionNode[]> {
  const rows = await db.select().from(regions).orderBy(asc(regions.level), asc(regions.code));
  const nodes = new Map<string, RegionNode>();
  const roots: RegionNode[] = [];
  for (const row of rows) {
    const node: RegionNode = { code: row.code, name: row.name };
    nodes.set(row.code, node);
    const parent = row.parentCode ? nodes.get(row.parentCode) : undefined;
    if (parent) {
      parent.children = [...(parent.children ?? []), node];
    } else roots.push(node);
  }
  return roots.filter((r) => r.code === provinceCode || rows.length === 0);
}

export async function getRegionNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions);
  return new Map(rows.map((r) => [r.code, r.name]));
}
