import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A digest of every table but the audit log's growth: "nothing written" is this staying equal. */
export function dataDigestOf(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  for (const table of tables) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1`).iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}
