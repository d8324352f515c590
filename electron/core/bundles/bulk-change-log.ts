import type Database from 'better-sqlite3';

// A ledger import inserts up to 200,000 of the node's own rows in one transaction. There the
// change-log insert trigger (migration 0004) is a third of the whole write: 100,000 pieces took
// 2.7 s with it and 1.7 s without (2026-12-04, scripts/bench/import-ledger.ts). For such a batch
// the trigger is lifted inside the caller's transaction, the same log lines are written with one
// statement per chunk, and the trigger is put back from its own stored SQL before the caller's
// transaction ends: no other statement can run without it (the transaction holds the write lock),
// and a rollback (of the caller's transaction or of this savepoint) puts it back too.

/** Below this many rows the trigger stays: dropping it costs a schema change, saving little. */
export const BULK_LOG_MIN_ROWS = 500;
const IDS_PER_STATEMENT = 20_000;

const squeeze = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The trigger as the migrations write it: only this exact form is lifted, anything else is left to run. */
export function standardInsertTrigger(table: string): string {
  return squeeze(`CREATE TRIGGER \`${table}_sync_insert\` AFTER INSERT ON \`${table}\`
    WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)
    BEGIN
      DELETE FROM sync_changes WHERE table_name = '${table}' AND row_id = NEW.id;
      INSERT INTO sync_changes (table_name, row_id) VALUES ('${table}', NEW.id);
    END`);
}

export interface BulkLogOptions {
  /**
   * Every row is the node's own and every id new, made by newId for this insert, and no other trigger
   * logs the rows as they go in (grading's candidates and results; not units, whose name-sort update
   * is logged): no line of theirs can be in the log yet, so the ids are logged as given, without looking
   * the rows up again. Should one be there after all, sync_changes' unique index refuses the insert.
   */
  newOwnRows?: boolean;
}

/**
 * Runs `insert`, which inserts the rows `ids` (in that order) into `table`, and leaves sync_changes
 * exactly as the insert trigger would have: the node's own rows logged in insert order, other
 * nodes' rows not at all.
 */
export function insertWithBulkChangeLog(sqlite: Database.Database, table: string, ids: readonly string[], insert: () => void, options: BulkLogOptions = {}): void {
  if (!sqlite.inTransaction) throw new Error('insertWithBulkChangeLog must run inside a transaction');
  const name = `${table}_sync_insert`;
  const stored = sqlite.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name);
  if (ids.length < BULK_LOG_MIN_ROWS || stored === undefined || squeeze(stored) !== standardInsertTrigger(table)) {
    insert();
    return;
  }
  // a savepoint: if an insert fails, the trigger is back with the rest rolled back to here
  sqlite.transaction(() => {
    sqlite.exec(`DROP TRIGGER \`${name}\``);
    insert();
    // hot path: scripts/bench/import-ledger.ts and scripts/bench/grade-exam.ts (the change log of a bulk insert)
    // the trigger's WHEN: only the node's own rows are logged, and only their old lines replaced
    const ownRows = `FROM json_each(?) AS j JOIN \`${table}\` AS t ON t.id = j.value WHERE t.origin_node = (SELECT id FROM node_identity LIMIT 1)`;
    const forget = options.newOwnRows ? null : sqlite.prepare(`DELETE FROM sync_changes WHERE table_name = ? AND row_id IN (SELECT t.id ${ownRows})`);
    const log = options.newOwnRows
      ? sqlite.prepare('INSERT INTO sync_changes (table_name, row_id) SELECT ?, j.value FROM json_each(?) AS j ORDER BY j.key')
      : sqlite.prepare(`INSERT INTO sync_changes (table_name, row_id) SELECT ?, t.id ${ownRows} ORDER BY j.key`);
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const chunk = JSON.stringify(ids.slice(i, i + IDS_PER_STATEMENT));
      forget?.run(table, chunk);
      log.run(table, chunk);
    }
    sqlite.exec(stored);
  })();
}
