import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { loadMigrations } from '../migrate.ts';
import { defaultMigrationsDir } from '../open.ts';

// What every migration test needs: the migrations up to a version, and database files
// that are removed after each test.

const all = loadMigrations(defaultMigrationsDir);

/** The migrations up to and including `tag`: what made a database of that version. */
export function upTo(tag: string): ReturnType<typeof loadMigrations> {
  const last = all.findIndex((m) => m.tag === tag);
  if (last < 0) throw new Error(`no migration tagged ${tag}`);
  return all.slice(0, last + 1);
}

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A path in a folder of its own, removed after the test. */
export function scratchFile(name = 'm.sqlite'): string {
  const t = tempDir();
  temps.push(t);
  return t.file(name);
}

/** An empty database file, removed after the test; foreign keys enforced as the app opens its database, unless a test inserts orphans on purpose. */
export function freshDb({ foreignKeys = true }: { foreignKeys?: boolean } = {}): Database.Database {
  const db = new Database(scratchFile());
  if (foreignKeys) db.pragma('foreign_keys = ON');
  return db;
}

export const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/** The columns every synced table carries. */
export const syncColumns = ['id', 'origin_node', 'created_at', 'updated_at', 'version', 'deleted_at'];

/** This node (id 'me', a district office) and one unit of it ('u1'): what a test of the equipment tables seeds first. */
export function seedOfficeAndUnit(db: Database.Database): void {
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
  db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '塘桥机械', '91330100716105852F')").run();
}
