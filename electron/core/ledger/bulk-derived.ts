import type Database from 'better-sqlite3';
import { drizzleOf } from '../../../db/drizzle-of.ts';
import { equipmentBulkInsert } from '../../../db/schema/index.ts';
import { searchIndexValuesSql } from '../registry/equipment-search-terms.ts';

// A ledger import inserts up to 200,000 pieces in one transaction. Row by row, the insert
// triggers of the search index (equipment_search), the per-unit counts (equipment_unit_counts,
// equipment_in_use_dates) and the risk marks (risk_dirty) each run a statement per piece. For
// such a batch the triggers step aside while equipment_bulk_insert holds a row (their WHEN reads
// it: triggers cannot read temp tables), and the same derived rows are written here with one
// statement each over the new pieces. The flag row is written and deleted inside the caller's
// transaction (in a savepoint of it): an error, a cancel or a crash rolls it back with the
// pieces, and no other connection ever sees it, because it is never committed.

const IDS_PER_STATEMENT = 20_000;

/**
 * The derived rows of the new pieces `source` selects (alias e), as the insert triggers write
 * them: index entries, counts added to the counts already there, risk marks.
 */
function derivedOf(source: string): string[] {
  return [
    // hot path: scripts/bench/import-ledger.ts (the search index of a bulk insert)
    `INSERT INTO equipment_search (rowid, equipment_code, registration_code, registration_no, location)
     SELECT e.rowid, ${searchIndexValuesSql('e')} ${source}`,
    // hot path: scripts/bench/import-ledger.ts (the counts of a bulk insert)
    `INSERT INTO equipment_unit_counts (unit_id, status, kind_code, category_code, variety_code, n)
     SELECT e.unit_id, e.status, ifnull(e.kind_code, ''), ifnull(e.category_code, ''), ifnull(e.variety_code, ''), count(*) ${source} AND e.deleted_at IS NULL
     GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    // hot path: scripts/bench/import-ledger.ts (the inspection dates of a bulk insert)
    `INSERT INTO equipment_in_use_dates (next_inspection_date, n)
     SELECT ifnull(e.next_inspection_date, ''), count(*) ${source} AND e.deleted_at IS NULL AND e.status = 'in_use'
     GROUP BY 1 ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    // hot path: scripts/bench/import-ledger.ts (the risk marks of a bulk insert)
    `INSERT OR IGNORE INTO risk_dirty (unit_id) SELECT DISTINCT e.unit_id ${source}`,
  ];
}

/**
 * Runs `insert`, which inserts the pieces `ids` into equipment, and leaves the search index,
 * the counts and the risk marks exactly as the per-row triggers would have. Must run inside
 * a transaction (the flag must never be committed).
 */
export function insertPiecesInBulk(sqlite: Database.Database, writer: string, ids: readonly string[], insert: () => void): void {
  if (!sqlite.inTransaction) throw new Error('insertPiecesInBulk must run inside a transaction');
  if (ids.length === 0) {
    insert();
    return;
  }
  // a savepoint: a failed insert takes the flag and the pieces back to here
  sqlite.transaction(() =>
    writeInBulk(sqlite, writer, () => {
      insert();
      return ids;
    }),
  )();
}

/**
 * The same for a writer that learns which pieces are new only while it inserts them (a
 * bundle's merge, which also updates pieces it already has): `insert` returns the ids it
 * inserted. It is told the largest rowid before it began: a piece with a larger one is one it
 * inserted itself, whose derived rows do not exist yet, so it must not update it (the update
 * triggers would adjust rows that are not there).
 *
 * No savepoint of its own: the caller's whole transaction must roll back if this throws (the
 * bundle import's does). A savepoint held open over a bundle's pieces made every insert slower
 * the more had gone before: 20,000 pieces took 6.3 s of CPU in one, 2.0 s without, 3.7 s with
 * the per-row triggers (2026-12-07, scripts/bench/bundle-exchange.ts).
 */
export function insertCollectedPiecesInBulk(sqlite: Database.Database, writer: string, insert: (before: number) => readonly string[]): void {
  if (!sqlite.inTransaction) throw new Error('insertCollectedPiecesInBulk must run inside a transaction');
  writeInBulk(sqlite, writer, insert);
}

function writeInBulk(sqlite: Database.Database, writer: string, insert: (before: number) => readonly string[]): void {
  // rowids of new rows follow the largest one, unless that is the largest integer (then SQLite picks free ones at random)
  const before = sqlite.prepare<[], number>('SELECT ifnull(max(rowid), 0) FROM equipment').pluck().get() ?? 0;
  // the flag the triggers of migration equipment_bulk_insert read while the pieces go in
  const db = drizzleOf(sqlite);
  db.insert(equipmentBulkInsert).values({ id: 1, writer }).run();
  const ids = insert(before);
  // The new pieces are read again through the page cache, not the memory map: mapped pages
  // count as the process's memory, and 100,000 pieces mapped took the import's peak from
  // 373 MB to 414 MB (2026-12-07, scripts/bench/import-ledger.ts; 385 MB so).
  const mmap = sqlite.pragma('mmap_size', { simple: true }) as number;
  sqlite.pragma('mmap_size = 0');
  try {
    const above = sqlite.prepare<[number], number>('SELECT count(*) FROM equipment WHERE rowid > ?').pluck().get(before);
    if (above === ids.length) {
      for (const sql of derivedOf('FROM equipment AS e WHERE e.rowid > ?')) sqlite.prepare(sql).run(before);
    } else {
      const statements = derivedOf('FROM json_each(?) AS j JOIN equipment AS e ON e.id = j.value WHERE true').map((sql) => sqlite.prepare(sql));
      for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
        const chunk = JSON.stringify(ids.slice(i, i + IDS_PER_STATEMENT));
        for (const statement of statements) statement.run(chunk);
      }
    }
  } finally {
    sqlite.pragma(`mmap_size = ${mmap}`);
  }
  db.delete(equipmentBulkInsert).run();
}
