import type Database from 'better-sqlite3';
import { entryHash, type AuditRow } from '../../audit.ts';

// What someone with the database file in hand can do to the log: the triggers
// that keep it append-only are dropped first, as such a person would.

export function dropGuards(sqlite: Database.Database): void {
  for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_anchors_no_update', 'audit_anchors_no_delete']) sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

/** Deletes the newest `n` entries. */
export function deleteNewest(sqlite: Database.Database, n: number): void {
  dropGuards(sqlite);
  sqlite.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(n);
}

/** Edits entry `seq` and recomputes every hash from there on: a chain that holds, telling another story. */
export function rewriteFrom(sqlite: Database.Database, seq: number, actor: string): void {
  dropGuards(sqlite);
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE audit_log SET actor = ? WHERE seq = ?').run(actor, seq);
    const rows = sqlite
      .prepare<[number], AuditRow>('SELECT seq, id, node_id AS nodeId, at, actor, call, table_name AS tableName, row_ids AS rowIds, before, after, prev_hash AS prevHash, hash FROM audit_log WHERE seq >= ? ORDER BY seq')
      .all(seq);
    const update = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    let prev = rows[0]!.prevHash;
    for (const row of rows) {
      const hash = entryHash(prev, row);
      update.run(prev, hash, row.seq);
      prev = hash;
    }
  })();
}
