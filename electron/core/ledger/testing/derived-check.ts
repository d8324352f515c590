import type Database from 'better-sqlite3';
import { searchIndexValuesSql } from '../../registry/equipment-search-terms.ts';

// The derived data of the pieces (search index, per-unit counts, in-use dates) as kept by the
// triggers or by a bulk write (bulk-derived.ts), against a full rebuild from the pieces: the
// ledger import's and the bundle merge's bulk paths are both checked with it.

const SEARCH_COLUMNS = 'equipment_code, registration_code, registration_no, location';

/** Every token instance (term, row, column, offset) of the index against one built afresh from the pieces. */
function searchDiff(sqlite: Database.Database): { missing: unknown[]; extra: unknown[]; entries: number } {
  sqlite.exec(`DROP TABLE IF EXISTS temp.rebuilt_search; DROP TABLE IF EXISTS temp.rebuilt_vocab; DROP TABLE IF EXISTS temp.live_vocab;
    CREATE VIRTUAL TABLE temp.rebuilt_search USING fts5(${SEARCH_COLUMNS}, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
    INSERT INTO temp.rebuilt_search (rowid, ${SEARCH_COLUMNS})
      SELECT rowid, ${searchIndexValuesSql('e')} FROM main.equipment e;
    CREATE VIRTUAL TABLE temp.rebuilt_vocab USING fts5vocab(temp, rebuilt_search, instance);
    CREATE VIRTUAL TABLE temp.live_vocab USING fts5vocab(main, equipment_search, instance);`);
  try {
    const diff = (a: string, b: string) => sqlite.prepare(`SELECT term, doc, col, offset FROM temp.${a} EXCEPT SELECT term, doc, col, offset FROM temp.${b} LIMIT 5`).all();
    return {
      missing: diff('rebuilt_vocab', 'live_vocab'),
      extra: diff('live_vocab', 'rebuilt_vocab'),
      entries: sqlite.prepare('SELECT count(*) FROM temp.live_vocab').pluck().get() as number,
    };
  } finally {
    sqlite.exec('DROP TABLE temp.live_vocab; DROP TABLE temp.rebuilt_vocab; DROP TABLE temp.rebuilt_search;');
  }
}

const kept = (sqlite: Database.Database) => ({
  units: sqlite.prepare('SELECT unit_id, status, kind_code, category_code, variety_code, n FROM equipment_unit_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5').all(),
  dates: sqlite.prepare('SELECT next_inspection_date, n FROM equipment_in_use_dates WHERE n > 0 ORDER BY 1').all(),
});

const recounted = (sqlite: Database.Database) => ({
  units: sqlite
    .prepare(
      `SELECT unit_id, status, ifnull(kind_code, '') AS kind_code, ifnull(category_code, '') AS category_code, ifnull(variety_code, '') AS variety_code, count(*) AS n
       FROM equipment WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all(),
  dates: sqlite.prepare("SELECT ifnull(next_inspection_date, '') AS next_inspection_date, count(*) AS n FROM equipment WHERE deleted_at IS NULL AND status = 'in_use' GROUP BY 1 ORDER BY 1").all(),
});

/**
 * The derived data as kept and as rebuilt, shaped so that one toEqual compares them: the search
 * index's differing entries (none when right), the counts kept and recounted, and the bulk flag.
 */
export function derivedAgainstRebuild(sqlite: Database.Database) {
  const search = searchDiff(sqlite);
  return {
    kept: { searchMissing: search.missing, searchExtra: search.extra, ...kept(sqlite), flag: sqlite.prepare('SELECT * FROM equipment_bulk_insert').all() },
    rebuilt: { searchMissing: [], searchExtra: [], ...recounted(sqlite), flag: [] },
    searchEntries: search.entries,
  };
}
