import type Database from 'better-sqlite3';

// Grid pages and exports pick rows in two steps: a narrow statement that filters
// and sorts on the indexes and returns rowids only (cheap even at a deep OFFSET,
// and the statement the EXPLAIN QUERY PLAN tests check), then one read of the full
// rows, joins included, for those rowids. The export holds only the rowid list
// (8 bytes a row) between chunks, never an open cursor: better-sqlite3 refuses
// other statements on a connection while an iterator is open, and the export
// yields to the event loop between chunks.

export function selectRowids(sqlite: Database.Database, sql: string, params: readonly unknown[]): number[] {
  return sqlite.prepare<unknown[], number>(sql).pluck().all(...params);
}

/**
 * The rows of the given rowids, in the given order (a row deleted meanwhile is skipped).
 * `sql` selects the rowid as rid and takes the rowids as JSON in its last placeholder,
 * after `params`.
 */
export function readRowsInOrder<T>(
  sqlite: Database.Database,
  sql: string,
  rowids: readonly number[],
  map: (row: Record<string, unknown>) => T,
  params: readonly unknown[] = [],
): T[] {
  if (rowids.length === 0) return [];
  const rows = sqlite.prepare<unknown[], Record<string, unknown>>(sql).all(...params, JSON.stringify(rowids));
  const byRowid = new Map(rows.map((r) => [r['rid'] as number, r]));
  return rowids.flatMap((rid) => {
    const row = byRowid.get(rid);
    return row ? [map(row)] : [];
  });
}
