import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile } from './harness.ts';

// 0021 (风险分级 and the publicity log), on a database with rows made before it.

function before0021(): Database.Database {
  const db = new Database(scratchFile('m.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, upTo('0020_block_routine'));
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('n', 'district', '塘桥分局', 'seed-district-03', 't')").run();
  db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
  db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, kind_code, next_inspection_date) VALUES ('e1', 'n', 't', 't', 'u1', '3000', '2026-05-01')").run();
  db.prepare(
    `INSERT INTO inspection_plans (id, origin_node, created_at, updated_at, district_id, title, type, period_start, period_end, scope_kind, scope_unit_ids, checklist_key, checklist_version, state)
     VALUES ('p1', 'n', 't', 't', 'seed-district-03', '电梯专项', 'special', '2026-05-01', '2026-05-31', 'units', '["u1"]', 'common', 1, 'draft')`,
  ).run();
  return db;
}

describe('migration 0021_risk_publicity', () => {
  it('adds the risk tables and the publicity log, leaving every row as it was', () => {
    const db = before0021();
    const snapshot = () => JSON.stringify(['units', 'equipment'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
    const rows = snapshot();
    const plan = db.prepare('SELECT * FROM inspection_plans').get() as Record<string, unknown>;
    const changes = db.prepare('SELECT count(*) FROM sync_changes').pluck().get();

    expect(migrate(db, upTo('0021_risk_publicity')).applied).toEqual(['0021_risk_publicity']);
    expect(snapshot()).toBe(rows);
    expect(db.prepare('SELECT * FROM inspection_plans').get()).toEqual({ ...plan, scope_risk_levels: null });
    // nothing to send: no synced row changed; nothing scored yet (the first read scores every unit)
    expect(db.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(changes);
    for (const table of ['unit_risk', 'risk_rules', 'risk_state', 'risk_monthly', 'risk_dirty', 'publicity_activities']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });

  it('notes the units whose facts change, whatever writes them, and logs the office’s own activities for its bundles', () => {
    const db = before0021();
    migrate(db, upTo('0021_risk_publicity'));
    const dirty = () => db.prepare('SELECT unit_id FROM risk_dirty ORDER BY unit_id').pluck().all();
    db.prepare("UPDATE equipment SET next_inspection_date = '2027-05-01' WHERE id = 'e1'").run();
    expect(dirty()).toEqual(['u1']);
    db.prepare('DELETE FROM risk_dirty').run();
    // a change the score does not read (a location) notes nothing
    db.prepare("UPDATE equipment SET location = '1号楼' WHERE id = 'e1'").run();
    expect(dirty()).toEqual([]);
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u2', 'other', 't', 't', 'seed-district-03', '乙公司', '91110000600037341L')").run();
    db.prepare("UPDATE equipment SET unit_id = 'u2' WHERE id = 'e1'").run();
    db.prepare("INSERT INTO complaints (id, origin_node, created_at, updated_at, district_id, received_on, channel, content, unit_id, handling_deadline, state) VALUES ('c1', 'n', 't', 't', 'seed-district-03', '2026-05-01', 'phone', '举报', NULL, '2026-05-20', 'received')").run();
    expect(dirty()).toEqual(['u1', 'u2']);

    db.prepare(
      `INSERT INTO publicity_activities (id, origin_node, created_at, updated_at, district_id, kind, title, held_on, place, audience, participants)
       VALUES ('a1', 'n', 't', 't', 'seed-district-03', 'safety_month', '安全生产月', '2026-06-16', '广场', '群众', 300),
              ('a2', 'other', 't', 't', 'seed-district-03', 'into_schools', '进学校', '2026-06-18', '中学', '学生', 200)`,
    ).run();
    expect(db.prepare("SELECT row_id FROM sync_changes WHERE table_name = 'publicity_activities'").pluck().all()).toEqual(['a1']);
    db.close();
  });
});
