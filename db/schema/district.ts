import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';

// 分局 / 辖区. Reference data owned by the city bureau; seeded rows have fixed ids
// so every node starts with the same list and bundles merge without duplicates.
export const districts = sqliteTable(
  'districts',
  {
    ...syncColumns,
    name: text('name').notNull(),
    pilot: integer('pilot', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('districts_name_live').on(t.name).where(sql`${t.deletedAt} is null`)],
);
