import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { loadMigrations, migrate } from '../migrate.ts';
import { defaultMigrationsDir } from '../open.ts';

// 0000: the node's identity, the four registry tables with the sync columns every synced
// table carries (id, origin_node, created_at, updated_at, version, deleted_at), and the audit log.

const all = loadMigrations(defaultMigrationsDir);
const upTo = (tag: string) => all.slice(0, all.findIndex((m) => m.tag === tag) + 1);
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function freshDb(): Database.Database {
  const t = tempDir();
  temps.push(t);
  const db = new Database(t.file('m.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}
const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const syncColumns = ['id', 'origin_node', 'created_at', 'updated_at', 'version', 'deleted_at'];

describe('0000_foundation', () => {
  it('0000_foundation creates the synced tables with the sync columns and indexes', () => {
    const db = freshDb();
    migrate(db, upTo('0000_foundation'));
    for (const table of ['districts', 'units', 'equipment', 'safety_managers']) {
      expect(columns(db, table)).toEqual(expect.arrayContaining(syncColumns));
    }
    expect(columns(db, 'node_identity')).toEqual(['id', 'role', 'name', 'district_id', 'created_at']);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'units'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['units_district_uscc_live', 'units_name']));
    expect(db.prepare('SELECT count(*) AS n FROM districts').get()).toEqual({ n: 0 });
  });
});
