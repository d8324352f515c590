import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../db/migrate.ts';
import { defaultMigrationsDir } from '../../../db/open.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { changeLogTriggers } from './change-log-triggers.ts';
import { syncedTables } from './tables.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function migrated(): Database.Database {
  const t = tempDir();
  temps.push(t);
  const db = new Database(t.file('m.sqlite'));
  migrate(db, loadMigrations(defaultMigrationsDir));
  return db;
}

// sqlite_master keeps a trigger's text from CREATE to END, without the closing semicolon;
// only whitespace is allowed to differ from the generated statement.
const normalise = (sql: string) => sql.replace(/;\s*$/, '').replace(/\s+/g, ' ').trim();

describe('change-log triggers', () => {
  it('of every synced table are exactly the generated ones', () => {
    const db = migrated();
    const stored = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
    const deviating: string[] = [];
    for (const table of syncedTables) {
      const expected = changeLogTriggers(table);
      for (const event of ['insert', 'update'] as const) {
        const sql = stored.get(`${table}_sync_${event}`) as string | undefined;
        if (sql === undefined || normalise(sql) !== normalise(expected[event])) deviating.push(`${table}_sync_${event}`);
      }
    }
    expect(deviating).toEqual([]);
    db.close();
  });

  it('exist only for the synced tables (no stray change-log trigger on a local table)', () => {
    const db = migrated();
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_sync\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
    expect(names).toEqual(syncedTables.flatMap((t) => [`${t}_sync_insert`, `${t}_sync_update`]).sort());
    db.close();
  });

  it('generated for a table log its own rows and not another node’s (the SQL works when pasted)', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE node_identity (id text PRIMARY KEY);
      CREATE TABLE sync_changes (seq integer PRIMARY KEY AUTOINCREMENT NOT NULL, table_name text NOT NULL, row_id text NOT NULL);
      CREATE UNIQUE INDEX sync_changes_row ON sync_changes (table_name, row_id);
      CREATE TABLE widgets (id text PRIMARY KEY, origin_node text NOT NULL, name text);
      INSERT INTO node_identity VALUES ('me');`);
    const { insert, update } = changeLogTriggers('widgets');
    db.exec(insert);
    db.exec(update);
    db.exec("INSERT INTO widgets VALUES ('w1', 'me', 'a'), ('w2', 'other', 'b'), ('w3', 'me', 'c')");
    db.exec("UPDATE widgets SET name = 'a2' WHERE id = 'w1'");
    db.exec("UPDATE widgets SET name = 'b2' WHERE id = 'w2'");
    expect(db.prepare('SELECT table_name || \':\' || row_id FROM sync_changes ORDER BY seq').pluck().all()).toEqual(['widgets:w3', 'widgets:w1']);
    db.close();
  });

  it('refuses a name that is not a plain table name', () => {
    expect(() => changeLogTriggers("units'; DROP TABLE units; --")).toThrow(/not a table name/);
  });
});
