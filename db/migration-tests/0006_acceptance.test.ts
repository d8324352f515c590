import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { loadMigrations, migrate } from '../migrate.ts';
import { defaultMigrationsDir } from '../open.ts';

// 0006: 示范单位验收 — acceptance files, items, evidence, the bureau's decisions and templates,
// five synced tables with their change-log triggers.

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

describe('0006_acceptance', () => {
  it('0006 adds the acceptance tables, keeping units made under 0005, and logs only the node’s own rows', () => {
    const db = freshDb();
    migrate(db, upTo('0005_blocks_chain'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    expect(migrate(db, upTo('0006_acceptance')).applied).toEqual(['0006_acceptance']);
    expect(db.prepare('SELECT name FROM units').get()).toEqual({ name: '甲公司' });
    expect(columns(db, 'acceptance_files')).toEqual(expect.arrayContaining([...syncColumns, 'unit_id', 'checklist_version', 'state', 'round']));
    const file = "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state) VALUES (?, ?, 't', 't', 'seed-district-03', 'u1', 'pilot', '1', 'created')";
    db.prepare(file).run('f1', 'me');
    db.prepare(file).run('f2', 'other-office');
    const logged = db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'acceptance_files'").all();
    expect(logged).toEqual([{ id: 'f1' }]);
    // one live row per item code in a file
    const item = "INSERT INTO acceptance_items (id, origin_node, created_at, updated_at, file_id, code) VALUES (?, 'me', 't', 't', 'f1', '1.1')";
    db.prepare(item).run('i1');
    expect(() => db.prepare(item).run('i2')).toThrow(/UNIQUE/);
  });
});
