import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { loadMigrations, migrate } from '../migrate.ts';
import { defaultMigrationsDir } from '../open.ts';

// 0001: the seeded districts (the six pilot sub-bureaus first) and the append-only audit log.

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

describe('0001_districts_seed_audit_guard', () => {
  it('0001 seeds the six pilot sub-bureaus and the other towns, keeping rows made under 0000', () => {
    const db = freshDb();
    migrate(db, upTo('0000_foundation'));
    db.prepare(
      "INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('n1', 'bureau', '市局', NULL, '2026-01-01')",
    ).run();
    const result = migrate(db, upTo('0001_districts_seed_audit_guard'));
    expect(result.applied).toEqual(['0001_districts_seed_audit_guard']);
    expect(db.prepare('SELECT name FROM node_identity').get()).toEqual({ name: '市局' });
    const pilots = (db.prepare('SELECT name FROM districts WHERE pilot = 1 ORDER BY sort_order').all() as { name: string }[]).map((r) => r.name);
    expect(pilots).toEqual(['开发区', '东城', '塘桥', '锦丰', '南丰', '乐余']);
    expect((db.prepare('SELECT count(*) AS n FROM districts').get() as { n: number }).n).toBeGreaterThanOrEqual(14);
  });

  it('0001 makes the audit log append-only', () => {
    const db = freshDb();
    migrate(db, upTo('0001_districts_seed_audit_guard'));
    db.prepare(
      "INSERT INTO audit_log (id, node_id, at, actor, call, table_name, row_ids, prev_hash, hash) VALUES ('a', 'n', 't', 'x', 'c', 't', '[]', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
