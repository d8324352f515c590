import type Database from 'better-sqlite3';

/** The tables that carry origin_node, i.e. the synced tables the database holds. */
export function originTables(db: Database.Database): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return tables.filter((t) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).some((c) => c.name === 'origin_node'));
}

/**
 * Inserts a row from this node and one from another node into each table (required
 * columns filled with placeholders, foreign keys off for the moment), updates both,
 * and answers what the change log holds for them, oldest first. A table whose
 * triggers work logs `<table>:own-ins`, then `<table>:own-ins` again after the update
 * (moved to the end), and never the other node's row.
 */
export function changeLogOf(db: Database.Database, tables: string[], self: string): string[] {
  const keys = db.pragma('foreign_keys', { simple: true });
  db.pragma('foreign_keys = OFF');
  db.prepare('DELETE FROM sync_changes').run();
  try {
    for (const table of tables) {
      const required = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[]).filter(
        (c) => c.notnull && c.dflt_value === null && c.name !== 'id' && c.name !== 'origin_node',
      );
      const insert = db.prepare(
        `INSERT INTO ${table} (id, origin_node${required.map((c) => `, ${c.name}`).join('')}) VALUES (?, ?${required.map(() => ', ?').join('')})`,
      );
      // distinct placeholders per row, so no per-node uniqueness rule can refuse the second row
      const values = (tag: string) => required.map((c) => (/int|real|num/i.test(c.type) ? (tag === 'own' ? 1 : 2) : `${tag}-${c.name}`));
      insert.run(`${table}-own`, self, ...values('own'));
      insert.run(`${table}-other`, 'other-node', ...values('other'));
    }
    for (const table of tables) {
      db.prepare(`UPDATE ${table} SET updated_at = 'later' WHERE id IN (?, ?)`).run(`${table}-other`, `${table}-own`);
    }
  } finally {
    db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
  }
  return db.prepare("SELECT table_name || ':' || row_id FROM sync_changes ORDER BY seq").pluck().all() as string[];
}
