import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../tests/support/temp.ts';
import { defaultMigrationsDir } from './open.ts';
import { loadMigrations, migrate, type Migration } from './migrate.ts';

const all = loadMigrations(defaultMigrationsDir);
const temps: ReturnType<typeof tempDir>[] = [];
function freshDb(): Database.Database {
  const t = tempDir();
  temps.push(t);
  const db = new Database(t.file('m.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

// Each migration's own test (rows made before it kept, its schema at work) is in db/migration-tests/.
describe('migration runner', () => {
  it('knows the committed migrations in journal order', () => {
    expect(all.map((m) => m.tag)).toEqual(['0000_foundation', '0001_districts_seed_audit_guard', '0002_registry', '0003_equipment_grid_live', '0004_exchange_keys', '0005_blocks_chain', '0006_acceptance', '0007_training', '0008_hazards', '0009_supervision_work', '0010_complaint_reporter_staff', '0011_summary_receipts', '0012_bureau_key_statements', '0013_audit_anchors', '0014_certificate_override', '0015_next_inspection_source', '0016_acceptance_contradictions', '0017_staff', '0018_sort_keys_hazard_numbers', '0019_steering', '0020_block_routine', '0021_risk_publicity', '0022_equipment_search_counts', '0023_grid_unit_order', '0024_equipment_bulk_insert', '0025_equipment_search_short']);
    for (const m of all) expect(m.statements.length).toBeGreaterThan(0);
  });

  it('is a no-op the second time', () => {
    const db = freshDb();
    migrate(db, all);
    expect(migrate(db, all)).toEqual({ applied: [], current: all.length });
  });

  it('backs up first only when the database already holds migrations', () => {
    const db = freshDb();
    const backup = vi.fn();
    migrate(db, all.slice(0, 1), { backup });
    expect(backup).not.toHaveBeenCalled();
    migrate(db, all, { backup });
    expect(backup).toHaveBeenCalledTimes(1);
  });

  it('refuses a database newer than the app and changes nothing', () => {
    const db = freshDb();
    migrate(db, all);
    db.prepare("INSERT INTO __qkl_migrations VALUES (?, '0099_future', 'x', 'now')").run(all.length);
    const before = db.prepare('SELECT count(*) AS n FROM __qkl_migrations').get();
    expect(() => migrate(db, all)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW', message: expect.stringContaining('请先升级程序') }));
    expect(db.prepare('SELECT count(*) AS n FROM __qkl_migrations').get()).toEqual(before);
  });

  it('refuses a database whose history differs from ours (an edited migration)', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 1));
    const edited: Migration[] = [{ ...all[0]!, hash: 'different' }, ...all.slice(1)];
    expect(() => migrate(db, edited)).toThrow(expect.objectContaining({ code: 'DB_MIGRATION_MISMATCH' }));
  });

  it('rolls back every pending migration when one fails or breaks a foreign key', () => {
    const t = tempDir();
    temps.push(t);
    const dir = t.file('migrations');
    cpSync(defaultMigrationsDir, dir, { recursive: true });
    const journal = { entries: [...all.map((m) => ({ idx: m.idx, tag: m.tag })), { idx: all.length, tag: '0099_orphan' }] };
    mkdirSync(path.join(dir, 'meta'), { recursive: true });
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
    // a unit pointing at a district that does not exist: only foreign_key_check can see it (keys are off while migrating)
    writeFileSync(
      path.join(dir, '0099_orphan.sql'),
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u', 'n', 't', 't', 'no-such-district', 'x', 'y');",
    );
    const db = freshDb();
    migrate(db, all.slice(0, 1));
    expect(() => migrate(db, loadMigrations(dir))).toThrow(expect.objectContaining({ code: 'DB_MIGRATION_MISMATCH' }));
    expect(db.prepare('SELECT count(*) AS n FROM __qkl_migrations').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM districts').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('hashes CRLF checkouts like LF ones', () => {
    const t = tempDir();
    temps.push(t);
    const dir = t.file('crlf');
    cpSync(defaultMigrationsDir, dir, { recursive: true });
    for (const m of all) {
      const file = path.join(dir, `${m.tag}.sql`);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/\n/g, '\r\n'));
    }
    expect(loadMigrations(dir).map((m) => m.hash)).toEqual(all.map((m) => m.hash));
  });
});
