import type Database from 'better-sqlite3';
import type { Changes } from '../../api/schemas/bundles.ts';
import { BundleRefusal } from './format/types.ts';
import { splitLinesSync } from './line-reader.ts';
import { tableLabel } from '../sync/authority.ts';
import type { RowAuthority } from '../sync/authorize.ts';
import { columnsOf, type SyncedTable } from './sync-tables.ts';
import { insertCollectedPiecesInBulk } from '../ledger/bulk-derived.ts';

const MAX_LINE = 8 * 1024 * 1024;

type Row = Record<string, string | number | null>;

function parseRow(line: string, table: SyncedTable, lineNo: number, allowed: Set<string>): Row {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”第 ${lineNo} 行不是有效的数据。`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”第 ${lineNo} 行格式不正确。`);
  const row = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(row)) {
    if (!allowed.has(key)) throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”含有本程序不认识的字段“${key}”，请升级本程序后再导入。`);
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”第 ${lineNo} 行字段“${key}”的值类型不正确。`);
  }
  if (typeof row['id'] !== 'string' || typeof row['origin_node'] !== 'string' || !Number.isInteger(row['version'])) {
    throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”第 ${lineNo} 行缺少编号、来源或版本。`);
  }
  return row as Row;
}

/** What the merge needs of the row already here under the incoming id. */
type ExistingRow = { origin_node: string; version: number; deleted_at: string | null; rowid?: number };

interface Statements {
  find: Database.Statement<[unknown], ExistingRow>;
  insert: Map<string, Database.Statement>;
  update: Map<string, Database.Statement>;
}

function statementFor(sqlite: Database.Database, cache: Map<string, Database.Statement>, table: string, columns: string[], kind: 'insert' | 'update') {
  const key = columns.join(',');
  let statement = cache.get(key);
  if (!statement) {
    // hot path: scripts/bench/bundle-exchange.ts (every row of a bundle, one cached statement per column set)
    statement =
      kind === 'insert'
        ? sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        : sqlite.prepare(`UPDATE ${table} SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    cache.set(key, statement);
  }
  return statement;
}

/** SQLite's rule violations as refusals that name the table and the row: the bundle is at fault, not the program. */
function explainConstraint(error: unknown, table: SyncedTable, row: Row): never {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const naming = row['name'] ?? row['equipment_code'] ?? row['certificate_no'] ?? row['id'];
    throw new BundleRefusal('conflict', `数据包中的${tableLabel(table)}“${String(naming)}”与本库中其他单位报送的记录重复（${(error as Error).message}）。请联系该单位核对后重新报送。`);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new BundleRefusal('malformed', `数据包中的${tableLabel(table)}（编号 ${String(row['id'])}）引用了本库中不存在的记录，可能缺少更早的数据包。`);
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    throw new BundleRefusal('invalid-row', `数据包中的${tableLabel(table)}（编号 ${String(row['id'])}）不符合本库的数据规则：${ruleOf(code, (error as Error).message)}。请联系报送单位核对后重新报送。`);
  }
  throw error;
}

/** What SQLite says, in words a clerk can pass on (column names stay: the sending office's staff can look them up). */
function ruleOf(code: string, message: string): string {
  const column = /: [a-z_]+\.([a-z_]+)/.exec(message)?.[1];
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return `必填字段${column ? `“${column}”` : ''}为空`;
  if (code === 'SQLITE_CONSTRAINT_CHECK') return `字段取值不合规定（${message.replace(/^CHECK constraint failed: /, '')}）`;
  return message;
}

function* checkedLines(chunks: Iterable<Buffer>, table: SyncedTable): Generator<string> {
  try {
    yield* splitLinesSync(chunks, MAX_LINE);
  } catch (error) {
    if (error instanceof RangeError) throw new BundleRefusal('malformed', `数据包中“${tableLabel(table)}”有一行过长。`);
    throw error;
  }
}

/** From this many pieces in a table entry on, new pieces go in through the ledger's bulk path. */
export const BULK_MERGE_MIN_ROWS = 500;

/**
 * Applies one table's rows from a verified bundle. Rows belong to the node that
 * made them: a row of another node is refused, never merged, and so is a row whose
 * scope (district, parent rows) is not the sender's (sync/authority.ts); within the
 * node's own rows the higher version wins and an equal or older one changes nothing.
 * Call inside the import's transaction; `onRow` is called after each row is read
 * (progress, and a cancel that throws and so rolls the transaction back).
 *
 * `announcedRows` is the entry's row count from the signed manifest: a large equipment
 * entry (a district's snapshot) inserts its new pieces with the per-row derived triggers
 * stepped aside and writes their search index, counts and risk marks with one statement
 * each afterwards (ledger/bulk-derived.ts), as the ledger import does.
 */
export function mergeTable(
  sqlite: Database.Database,
  table: SyncedTable,
  ndjson: Iterable<Buffer>,
  senderNodeId: string,
  changes: Changes,
  authority: RowAuthority,
  onRow: () => void = () => {},
  announcedRows = 0,
): void {
  if (table !== 'equipment' || announcedRows < BULK_MERGE_MIN_ROWS) {
    mergeRows(sqlite, table, ndjson, senderNodeId, changes, authority, onRow, null);
    return;
  }
  insertCollectedPiecesInBulk(sqlite, 'bundles.import', (before) => {
    const inserted: string[] = [];
    mergeRows(sqlite, table, ndjson, senderNodeId, changes, authority, onRow, { before, inserted });
    return inserted;
  });
}

/** A bulk insert under way: the largest rowid before it, and the ids it inserted. */
interface Bulk {
  before: number;
  inserted: string[];
}

function mergeRows(
  sqlite: Database.Database,
  table: SyncedTable,
  ndjson: Iterable<Buffer>,
  senderNodeId: string,
  changes: Changes,
  authority: RowAuthority,
  onRow: () => void,
  bulk: Bulk | null,
): void {
  const allowed = new Set(columnsOf(sqlite, table));
  const counts = (changes[table] ??= { inserted: 0, updated: 0, deleted: 0, unchanged: 0 });
  const statements: Statements = {
    find: sqlite.prepare<[unknown], ExistingRow>(`SELECT ${bulk ? 'rowid AS rowid, ' : ''}origin_node, version, deleted_at FROM ${table} WHERE id = ?`),
    insert: new Map(),
    update: new Map(),
  };
  let lineNo = 0;
  for (const line of checkedLines(ndjson, table)) {
    lineNo++;
    onRow();
    const row = parseRow(line, table, lineNo, allowed);
    if (row['origin_node'] !== senderNodeId) {
      throw new BundleRefusal('foreign-rows', `数据包中含有不属于报送单位的${tableLabel(table)}记录（编号 ${String(row['id'])}）：一个单位的数据包不能改动其他单位的数据。`);
    }
    authority.checkRow(table, row);
    const existing = statements.find.get(row['id']);
    const columns = Object.keys(row);
    const values = columns.map((c) => row[c]);
    try {
      if (!existing) {
        statementFor(sqlite, statements.insert, table, columns, 'insert').run(...values);
        bulk?.inserted.push(row['id'] as string);
        if (row['deleted_at'] != null) counts.deleted++;
        else counts.inserted++;
      } else if (existing.origin_node !== senderNodeId) {
        throw new BundleRefusal('foreign-rows', `数据包试图改动其他单位的${tableLabel(table)}记录（编号 ${String(row['id'])}），已拒绝。`);
      } else if (bulk && existing.rowid !== undefined && existing.rowid > bulk.before) {
        // a row this entry already inserted: its derived rows are written only at the end, so the
        // update triggers cannot run on it; an exporter writes each row once
        throw new BundleRefusal('malformed', `数据包中的${tableLabel(table)}记录（编号 ${String(row['id'])}）出现了两次，数据包已损坏，请向报送单位重新索取。`);
      } else if ((row['version'] as number) > existing.version) {
        const updateColumns = columns.filter((c) => c !== 'id');
        statementFor(sqlite, statements.update, table, ['id', ...updateColumns], 'update').run(...updateColumns.map((c) => row[c]), row['id']);
        if (row['deleted_at'] != null && existing.deleted_at === null) counts.deleted++;
        else counts.updated++;
      } else {
        counts.unchanged++;
      }
    } catch (error) {
      if (error instanceof BundleRefusal) throw error;
      explainConstraint(error, table, row);
    }
  }
}
