import type Database from 'better-sqlite3';
import { asc, eq, gt, gte, max } from 'drizzle-orm';
import { drizzleOf } from '../../../../db/drizzle-of.ts';
import { auditLog } from '../../../../db/schema/index.ts';
import { entryHash } from '../../audit.ts';

// What someone with the database file in hand can do to the log: the triggers
// that keep it append-only are dropped first, as such a person would. The rows are
// then changed with drizzle's builder straight on the table, past the audit code.

export function dropGuards(sqlite: Database.Database): void {
  for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_anchors_no_update', 'audit_anchors_no_delete']) sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

/** Deletes the newest `n` entries. */
export function deleteNewest(sqlite: Database.Database, n: number): void {
  dropGuards(sqlite);
  const db = drizzleOf(sqlite);
  const last = db.select({ seq: max(auditLog.seq) }).from(auditLog).get()?.seq;
  if (last === null || last === undefined) return;
  db.delete(auditLog).where(gt(auditLog.seq, last - n)).run();
}

/** Edits entry `seq` and recomputes every hash from there on: a chain that holds, telling another story. */
export function rewriteFrom(sqlite: Database.Database, seq: number, actor: string): void {
  dropGuards(sqlite);
  const db = drizzleOf(sqlite);
  sqlite.transaction(() => {
    db.update(auditLog).set({ actor }).where(eq(auditLog.seq, seq)).run();
    const rows = db.select().from(auditLog).where(gte(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).all();
    let prev = rows[0]!.prevHash;
    for (const row of rows) {
      const hash = entryHash(prev, row);
      db.update(auditLog).set({ prevHash: prev, hash }).where(eq(auditLog.seq, row.seq)).run();
      prev = hash;
    }
  })();
}
