import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile } from './harness.ts';

// 0020 (块的日常 and 链 at work), on a database with a block and a hazard made before it.

describe('migration 0020_block_routine', () => {
  it('adds the routine and chain-work tables and the hazards’ sources, keeping rows made before it; only the node’s own rows enter the change log', () => {
    const db = new Database(scratchFile('m.sqlite'));
    migrate(db, upTo('0019_steering'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u2', 'me', 't', 't', 'seed-district-03', '乙公司', '91330100716105853F')").run();
    db.prepare("INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES ('m1', 'me', 't', 't', 'u1', '张一')").run();
    db.prepare("INSERT INTO blocks (id, origin_node, created_at, updated_at, district_id, name, schedule) VALUES ('b1', 'me', 't', 't', 'seed-district-03', '塘桥第一组', '每月')").run();
    db.prepare(
      "INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state) VALUES ('h1', 'me', 't', 't', 'seed-district-03', 'u2', '安全阀失效', 'major', '张三', '2026-12-01', 'found')",
    ).run();
    const hazardBefore = db.prepare("SELECT * FROM hazards WHERE id = 'h1'").get();
    const blockBefore = db.prepare("SELECT * FROM blocks WHERE id = 'b1'").get();
    const changesBefore = db.prepare('SELECT count(*) FROM sync_changes').pluck().get();

    expect(migrate(db, upTo('0020_block_routine')).applied).toEqual(['0020_block_routine']);
    // the hazard keeps every value and gains empty sources; the block and the change log are untouched
    const { source_check_id: check, reporter_manager_id: reporter, ...hazard } = db.prepare("SELECT * FROM hazards WHERE id = 'h1'").get() as Record<string, unknown>;
    expect([check, reporter, hazard]).toEqual([null, null, hazardBefore]);
    expect(db.prepare("SELECT * FROM blocks WHERE id = 'b1'").get()).toEqual(blockBefore);
    expect(db.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(changesBefore);

    const seq = db.prepare('SELECT max(seq) FROM sync_changes').pluck().get();
    const check1 = `INSERT INTO block_checks (id, origin_node, created_at, updated_at, district_id, block_id, kind, checked_unit_id, checker_unit_id, checker_manager_id, checked_on, checklist_key, checklist_version, state)
      VALUES (?, ?, 't', 't', 'seed-district-03', 'b1', 'mutual', 'u2', 'u1', ?, '2026-12-02', 'common', 1, 'draft')`;
    db.prepare(check1).run('c1', 'me', 'm1');
    db.prepare(check1).run('c2', 'other-office', 'm1');
    expect(() => db.prepare(check1).run('c3', 'me', 'no-manager')).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO block_schedules (id, origin_node, created_at, updated_at, block_id, district_id, kind, frequency, starts_on) VALUES ('s1', 'me', 't', 't', 'b1', 'seed-district-03', 'mutual_check', 'monthly', '2026-12-01')").run();
    db.prepare("INSERT INTO block_meetings (id, origin_node, created_at, updated_at, district_id, block_id, kind, held_on, topic) VALUES ('g1', 'me', 't', 't', 'seed-district-03', 'b1', 'meeting', '2026-12-03', '部署')").run();
    db.prepare(
      "INSERT INTO manager_feedback (id, origin_node, created_at, updated_at, district_id, manager_id, reported_on, taken_by_kind, taken_by_name, content, state, hazard_id) VALUES ('f1', 'me', 't', 't', 'seed-district-03', 'm1', '2026-12-04', 'lead_unit', '甲公司', '压力表', 'hazard', 'h1')",
    ).run();
    db.prepare("INSERT INTO supervisor_work_entries (id, origin_node, created_at, updated_at, district_id, manager_id, done_on, kind, content, recorded_by) VALUES ('w1', 'me', 't', 't', 'seed-district-03', 'm1', '2026-12-05', 'other', '走访', 'tester')").run();
    db.prepare("UPDATE hazards SET source_check_id = 'c1', reporter_manager_id = 'm1' WHERE id = 'h1'").run();
    expect(db.prepare('SELECT table_name AS t, row_id AS id FROM sync_changes WHERE seq > ? ORDER BY seq').all(seq)).toEqual([
      { t: 'block_checks', id: 'c1' },
      { t: 'block_schedules', id: 's1' },
      { t: 'block_meetings', id: 'g1' },
      { t: 'manager_feedback', id: 'f1' },
      { t: 'supervisor_work_entries', id: 'w1' },
      { t: 'hazards', id: 'h1' },
    ]);
    expect(db.prepare("SELECT c.items, c.attachments, g.participants FROM block_checks c JOIN block_meetings g ON g.id = 'g1' WHERE c.id = 'c1'").get()).toEqual({ items: '[]', attachments: '[]', participants: '[]' });
    db.close();
  });
});
