import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb, columns } from './harness.ts';

// 0002: settings, name initials for pinyin search, and the registry grid's indexes.

describe('0002_registry', () => {
  it('adds settings, name initials and grid indexes, keeping units made under 0001', () => {
    const db = freshDb();
    migrate(db, upTo('0001_districts_seed_audit_guard'));
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id) VALUES ('e1', 'n', 't', 't', 'u1')",
    ).run();
    expect(migrate(db, upTo('0002_registry')).applied).toEqual(['0002_registry']);
    expect(db.prepare('SELECT name, name_initials FROM units').get()).toEqual({ name: '甲公司', name_initials: null });
    expect(db.prepare('SELECT status FROM equipment').get()).toEqual({ status: 'in_use' });
    expect(columns(db, 'settings')).toEqual(['key', 'value', 'updated_at']);
    expect(columns(db, 'safety_managers')).toContain('name_initials');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM equipment WHERE unit_id = 'u1' AND status = 'in_use'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING COVERING INDEX equipment_unit/);
  });

  it('keeps one value per setting key and finds a unit’s managers by item and expiry through the new index', () => {
    const db = freshDb();
    migrate(db, upTo('0002_registry'));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('city', '张家港', 't')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('city', '苏州', 't')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM safety_managers WHERE item_code = 'A' AND expiry_date < '2027-01-01'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/safety_managers_item_expiry/);
  });
});
