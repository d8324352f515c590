import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb } from './harness.ts';

// 0001: the seeded districts (the six pilot sub-bureaus first) and the append-only audit log.

describe('0001_districts_seed_audit_guard', () => {
  it('seeds the six pilot sub-bureaus and the other towns, keeping rows made under 0000', () => {
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
    // the same rows on every node: fixed ids, origin 'seed', live and active
    expect(db.prepare("SELECT id, origin_node AS origin, version, deleted_at AS deleted, active FROM districts WHERE name = '塘桥'").get()).toEqual({
      id: 'seed-district-03',
      origin: 'seed',
      version: 1,
      deleted: null,
      active: 1,
    });
    expect(db.prepare("SELECT count(*) FROM districts WHERE origin_node <> 'seed' OR id NOT LIKE 'seed-district-%'").pluck().get()).toBe(0);
  });

  it('makes the audit log append-only, keeping entries written under 0000', () => {
    const db = freshDb();
    migrate(db, upTo('0000_foundation'));
    const entry = "INSERT INTO audit_log (id, node_id, at, actor, call, table_name, row_ids, prev_hash, hash) VALUES (?, 'n', 't', 'x', 'c', 't', '[]', 'p', 'h')";
    db.prepare(entry).run('a');
    migrate(db, upTo('0001_districts_seed_audit_guard'));
    db.prepare(entry).run('b');
    expect(db.prepare('SELECT id FROM audit_log ORDER BY seq').pluck().all()).toEqual(['a', 'b']);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
