import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { districts } from './district.ts';

// 使用单位. One row per unit per district: a company with equipment in two
// districts is managed by each sub-bureau for its own district.
export const units = sqliteTable(
  'units',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    // pinyin initials of the name (张家港 → zjg), kept at write time for quick search
    nameInitials: text('name_initials'),
    // the pinyin sort key of the name (electron/core/pinyin.ts), kept by triggers: grids sort by it
    nameSort: text('name_sort'),
    uscc: text('uscc').notNull(),
    // true for a pre-2015 15-digit registration number kept in place of a credit code
    usccLegacy: integer('uscc_legacy', { mode: 'boolean' }).notNull().default(false),
    address: text('address'),
    industry: text('industry'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    // columns of imported ledgers that we do not model, kept rather than dropped (JSON object)
    extra: text('extra'),
  },
  (t) => [
    uniqueIndex('units_district_uscc_live').on(t.districtId, t.uscc).where(sql`${t.deletedAt} is null`),
    index('units_name').on(t.name),
    // id after the key: the equipment grid's sort by unit name keeps one unit's pieces together
    index('units_name_sort').on(t.nameSort, t.id),
    // the grid's default order: most recently changed first
    index('units_updated').on(t.updatedAt, t.id),
  ],
);
