import { dictTypes } from '@eco/contracts';
import { dictSeed } from '../modules/dicts/dicts.seed.ts';
import { dictItems } from '../modules/dicts/dicts.tables.ts';
import { loadRegions } from '../modules/regions/regions.service.ts';
import type { Db } from '../platform/db/client.ts';

/**
 * Regions and dictionaries, on every start: regions follow the data package; dictionary
 * values are only added when missing, so an administrator's edits are kept.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await loadRegions(db);
  const rows = dictTypes.flatMap((type) =>
    dictSeed[type].map((item, index) => ({
      type,
      code: item.code,
      label: item.label,
      sortOrder: (index + 1) * 10,
      extra: (item.extra as Record<string, unknown> | undefined) ?? null,
    })),
  );
  await db.insert(dictItems).values(rows).onConflictDoNothing();
}
