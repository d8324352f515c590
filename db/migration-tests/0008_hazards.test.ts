import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf, originTables } from './change-log-check.ts';
import { upTo, freshDb, columns, syncColumns } from './harness.ts';

// 0008: 隐患闭环 — hazards and their events, with their change-log triggers.

describe('0008_hazards', () => {
  it('adds exactly these synced tables, each logging its own rows on insert and update and never another node’s', () => {
    const db = freshDb();
    migrate(db, upTo('0007_training'));
    const before = originTables(db);
    migrate(db, upTo('0008_hazards'));
    const added = originTables(db).filter((t) => !before.includes(t));
    expect(added).toEqual(['hazard_events', 'hazards']);
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    expect(changeLogOf(db, added, 'me')).toEqual(added.map((t) => `${t}:${t}-own`));
  });

  it('adds the hazard tables, keeping training sessions made under 0007, and logs only the node’s own rows', () => {
    const db = freshDb();
    migrate(db, upTo('0007_training'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO training_sessions (id, origin_node, created_at, updated_at, title, start_date) VALUES ('s1', 'me', 't', 't', '培训', '2026-12-01')",
    ).run();
    expect(migrate(db, upTo('0008_hazards')).applied).toEqual(['0008_hazards']);
    expect(db.prepare('SELECT title FROM training_sessions').get()).toEqual({ title: '培训' });
    expect(columns(db, 'hazards')).toEqual(
      expect.arrayContaining([...syncColumns, 'district_id', 'unit_id', 'equipment_id', 'block_id', 'level', 'deadline', 'working_days', 'state', 'fail_count', 'escalated', 'source_inspection_id']),
    );
    expect(columns(db, 'hazard_events')).toEqual(expect.arrayContaining([...syncColumns, 'hazard_id', 'action', 'from_state', 'to_state', 'at', 'by', 'comment', 'evidence']));
    const hazard = "INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state) VALUES (?, ?, 't', 't', 'seed-district-03', 'u1', '安全阀失效', 'major', '张三', '2026-12-01', 'found')";
    db.prepare(hazard).run('h1', 'me');
    db.prepare(hazard).run('h2', 'other-office');
    expect(db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'hazards'").all()).toEqual([{ id: 'h1' }]);
    expect(db.prepare("SELECT fail_count AS n, escalated AS e FROM hazards WHERE id = 'h1'").get()).toEqual({ n: 0, e: 0 });
    db.prepare("INSERT INTO hazard_events (id, origin_node, created_at, updated_at, hazard_id, action, to_state, at, by) VALUES ('e1', 'me', 't', 't', 'h1', 'create', 'found', 't', '张三')").run();
    expect(db.prepare("SELECT evidence FROM hazard_events").get()).toEqual({ evidence: '[]' });
    expect(() => db.prepare("INSERT INTO hazard_events (id, origin_node, created_at, updated_at, hazard_id, action, to_state, at, by) VALUES ('e2', 'me', 't', 't', 'nope', 'create', 'found', 't', '张三')").run()).toThrow(/FOREIGN KEY/);
  });
});
