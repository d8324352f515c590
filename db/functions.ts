import type Database from 'better-sqlite3';
import { nameSortKey } from '../electron/core/pinyin.ts';

/**
 * SQL functions the schema's triggers call (migration name_sort: the pinyin sort key of
 * unit and safety-manager names, kept by triggers so that every writer, from the ledger
 * import to a bundle merge, leaves a correct key). SQLite cannot compute pinyin itself, so
 * every connection that writes those tables registers these first: migrate() does, and so
 * does any script that opens a database file directly. Without them such a write fails
 * with "no such function", never silently.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  // kind: 1 for a person's name (surname reading), 0 for a unit's
  sqlite.function('qkl_name_sort', { deterministic: true }, (name: unknown, person: unknown) =>
    typeof name === 'string' ? nameSortKey(name, person === 1 ? 'person' : 'unit') : null,
  );
}
