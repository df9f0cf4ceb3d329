import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative regions: the province, its 市州 and 区县. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    /** 1 province, 2 市州, 3 区县 */
    level: integer('level').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
