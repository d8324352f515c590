import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { type SyncedTable } from './sync-tables.ts';

export interface TableSnapshot {
  table: SyncedTable;
  /** NDJSON, one row per line, in a temporary file */
  file: string;
  rows: number;
}

export interface Snapshot {
  dir: string;
  tables: TableSnapshot[];
  /** sha256 of every attachment row in the bundle: their files travel with it */
  attachments: Set<string>;
  /** the newest change-log number covered */
  changeSeq: number;
  dispose(): void;
}

export interface SnapshotScope {
  nodeId: string;
  tables: readonly SyncedTable[];
  /** only rows changed after this change-log number; null: every row the node owns */
  sinceChangeSeq: number | null;
}

const PAGE = 5000;

/**
 * Copies the rows a bundle will hold into temporary files, synchronously and so in
 * one consistent state of the database (nothing else runs meanwhile in this
 * process), before the slow, asynchronous signing and encryption starts. Reading
 * page by page keeps memory flat; rows changed while the bundle is written go into
 * the next one, since their change numbers are newer than `changeSeq`.
 */
export function takeSnapshot(sqlite: Database.Database, scope: SnapshotScope, tempRoot: string): Snapshot {
  const dir = mkdtempSync(path.join(tempRoot, 'export-'));
  try {
    return sqlite.transaction(() => {
      const changeSeq = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM sync_changes').get() as { n: number }).n;
      const attachments = new Set<string>();
      const tables = scope.tables.map((table, i) => {
        const file = path.join(dir, `${i}.ndjson`);
        const fd = openSync(file, 'w');
        let rows = 0;
        try {
          for (const page of pages(sqlite, table, scope, changeSeq)) {
            const text = page.map((row) => JSON.stringify(row)).join('\n') + '\n';
            writeSync(fd, text);
            rows += page.length;
            if (table === 'attachments') for (const row of page) if (row['deleted_at'] === null) attachments.add(String(row['sha256']));
          }
        } finally {
          closeSync(fd);
        }
        return { table, file, rows };
      });
      return { dir, tables, attachments, changeSeq, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    })();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

type Row = Record<string, unknown>;

/** Keyset paging (never OFFSET), so each page costs the same however far in. */
function* pages(sqlite: Database.Database, table: SyncedTable, scope: SnapshotScope, changeSeq: number): Generator<Row[]> {
  if (scope.sinceChangeSeq === null) {
    const statement = sqlite.prepare(`SELECT * FROM ${table} WHERE origin_node = ? AND id > ? ORDER BY id LIMIT ${PAGE}`);
    let after = '';
    for (;;) {
      const page = statement.all(scope.nodeId, after) as Row[];
      if (page.length === 0) return;
      yield page;
      after = String(page[page.length - 1]!['id']);
    }
  }
  const statement = sqlite.prepare(
    `SELECT c.seq AS __seq, t.* FROM sync_changes c JOIN ${table} t ON t.id = c.row_id
     WHERE c.table_name = ? AND c.seq > ? AND c.seq <= ? AND t.origin_node = ? ORDER BY c.seq LIMIT ${PAGE}`,
  );
  let after = scope.sinceChangeSeq;
  for (;;) {
    const page = statement.all(table, after, changeSeq, scope.nodeId) as Row[];
    if (page.length === 0) return;
    after = page[page.length - 1]!['__seq'] as number;
    for (const row of page) delete row['__seq'];
    yield page;
  }
}
