import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, freshDb, columns, syncColumns } from './harness.ts';

// 0000: the node's identity, the four registry tables with the sync columns every synced
// table carries (id, origin_node, created_at, updated_at, version, deleted_at), and the audit log.

describe('0000_foundation', () => {
  it('creates the synced tables with the sync columns and indexes', () => {
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

  it('starts empty and records itself in the migration ledger', () => {
    const db = freshDb();
    expect(migrate(db, upTo('0000_foundation'))).toEqual({ applied: ['0000_foundation'], current: 1 });
    for (const table of ['node_identity', 'districts', 'units', 'equipment', 'safety_managers', 'audit_log']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });

  it('holds one live unit per district and credit code, a deleted unit freeing its code, version starting at 1', () => {
    const db = freshDb();
    migrate(db, upTo('0000_foundation'));
    db.prepare("INSERT INTO districts (id, origin_node, created_at, updated_at, name) VALUES ('d1', 'n', 't', 't', '塘桥'), ('d2', 'n', 't', 't', '锦丰')").run();
    const unit = "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, 'n', 't', 't', ?, '甲公司', '91330100716105852F')";
    db.prepare(unit).run('u1', 'd1');
    expect(() => db.prepare(unit).run('u2', 'd1')).toThrow(/UNIQUE/);
    // another district may register the same company
    db.prepare(unit).run('u3', 'd2');
    db.prepare("UPDATE units SET deleted_at = 't2' WHERE id = 'u1'").run();
    db.prepare(unit).run('u4', 'd1');
    expect(db.prepare("SELECT version, uscc_legacy AS legacy FROM units WHERE id = 'u4'").get()).toEqual({ version: 1, legacy: 0 });
    expect(db.prepare("SELECT pilot, sort_order AS sort, active FROM districts WHERE id = 'd1'").get()).toEqual({ pilot: 0, sort: 0, active: 1 });
    // a district name is one live district
    expect(() => db.prepare("INSERT INTO districts (id, origin_node, created_at, updated_at, name) VALUES ('d3', 'n', 't', 't', '塘桥')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses a unit in a district that does not exist, and equipment or a manager of a unit that does not exist', () => {
    const db = freshDb();
    migrate(db, upTo('0000_foundation'));
    expect(() => db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'nope', '甲公司', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id) VALUES ('e1', 'n', 't', 't', 'nope')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES ('m1', 'n', 't', 't', 'nope', '张三')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
