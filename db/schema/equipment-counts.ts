import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Counts of live equipment kept by triggers on `equipment` (migration equipment_search_counts),
// so the home page and the two lists read a few thousand rows instead of every piece.
// Derived, this node's own, never synced: every writer (forms, ledger import, bundle
// merge) goes through SQL and so through the triggers, in its own transaction.
// A code the piece lacks is stored as '' (NULL would not meet the key's equality).

/** Live pieces per unit and per everything the 20-unit screening filters on. */
export const equipmentUnitCounts = sqliteTable(
  'equipment_unit_counts',
  {
    unitId: text('unit_id').notNull(),
    status: text('status').notNull(),
    kindCode: text('kind_code').notNull(),
    categoryCode: text('category_code').notNull(),
    varietyCode: text('variety_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.kindCode, t.status, t.categoryCode, t.varietyCode] })],
);

/** Live 在用 pieces per next inspection date ('' when unknown): the home page's 超期 / 临期 / 正常 / 未知. */
export const equipmentInUseDates = sqliteTable('equipment_in_use_dates', {
  nextInspectionDate: text('next_inspection_date').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * One row while a bulk insert of pieces (the ledger import's apply) runs, inside that insert's
 * own transaction: the per-row triggers of the search index, the counts and the risk marks
 * step aside (their WHEN reads this table; triggers cannot read temp tables), and the writer
 * brings all three up to date with one statement each before it deletes the row. A rollback
 * takes the row away with everything else, so no commit ever leaves it set.
 */
export const equipmentBulkInsert = sqliteTable('equipment_bulk_insert', {
  id: integer('id').primaryKey(),
  /** the call that set it, for anyone who finds it set */
  writer: text('writer').notNull(),
});
