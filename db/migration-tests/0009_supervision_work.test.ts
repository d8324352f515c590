import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf, originTables } from './change-log-check.ts';
import { upTo, freshDb } from './harness.ts';

// 0009: 专项检查, 投诉举报 and 月度小结 — inspections, orders, complaints, rewards, summaries
// and reviews (synced); complaint reporters stay on the node (no origin_node, no triggers).

describe('0009_supervision_work', () => {
  it('adds exactly these synced tables, each logging its own rows on insert and update and never another node’s', () => {
    const db = freshDb();
    migrate(db, upTo('0008_hazards'));
    const before = originTables(db);
    migrate(db, upTo('0009_supervision_work'));
    const added = originTables(db).filter((t) => !before.includes(t));
    expect(added).toEqual(['complaint_rewards', 'complaints', 'inspection_checklists', 'inspection_plans', 'inspection_records', 'monthly_summaries', 'summary_reviews', 'supervision_orders']);
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    expect(changeLogOf(db, added, 'me')).toEqual(added.map((t) => `${t}:${t}-own`));
  });

  it('adds inspections, complaints and summaries, keeping hazards made under 0008; reporters never enter the change log', () => {
    const db = freshDb();
    migrate(db, upTo('0008_hazards'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state) VALUES ('h1', 'me', 't', 't', 'seed-district-03', 'u1', '安全阀失效', 'major', '张三', '2026-12-01', 'found')",
    ).run();
    expect(migrate(db, upTo('0009_supervision_work')).applied).toEqual(['0009_supervision_work']);
    expect(db.prepare('SELECT description FROM hazards').get()).toEqual({ description: '安全阀失效' });
    db.prepare(
      "INSERT INTO inspection_plans (id, origin_node, created_at, updated_at, district_id, title, type, period_start, period_end, scope_kind, checklist_key, checklist_version, state) VALUES ('p1', 'me', 't', 't', 'seed-district-03', '电梯专项检查', 'special', '2026-12-01', '2026-12-31', 'units', 'elevator', 1, 'draft')",
    ).run();
    db.prepare(
      "INSERT INTO inspection_records (id, origin_node, created_at, updated_at, plan_id, district_id, unit_id, inspected_on, state) VALUES ('r1', 'me', 't', 't', 'p1', 'seed-district-03', 'u1', '2026-12-02', 'draft')",
    ).run();
    const order =
      "INSERT INTO supervision_orders (id, origin_node, created_at, updated_at, district_id, record_id, unit_id, prefix, year, seq, number, issued_on, deadline, content, state, deleted_at) VALUES (?, 'me', 't', 't', 'seed-district-03', 'r1', 'u1', '张市监特令', 2026, 12, '张市监特令〔2026〕第12号', '2026-12-02', '2026-12-16', '限期整改', 'issued', ?)";
    db.prepare(order).run('o1', null);
    expect(() => db.prepare(order).run('o2', null)).toThrow(/UNIQUE/);
    db.prepare(order).run('o3', 't');
    db.prepare(
      "INSERT INTO complaints (id, origin_node, created_at, updated_at, district_id, received_on, channel, reporter_masked, content, unit_id, handling_deadline, state) VALUES ('c1', 'me', 't', 't', 'seed-district-03', '2026-12-01', '12345', '王*', '电梯困人', 'u1', '2026-12-15', 'received')",
    ).run();
    db.prepare("INSERT INTO complaint_reporters (complaint_id, name, phone) VALUES ('c1', '王五', '13812345678')").run();
    db.prepare(
      "INSERT INTO complaint_rewards (id, origin_node, created_at, updated_at, complaint_id, district_id, scheme, level, fines_fen, proposed_fen, basis, state) VALUES ('w1', 'me', 't', 't', 'c1', 'seed-district-03', 'national', 1, 20000000, 1000000, '5%', 'proposed')",
    ).run();
    const summary =
      "INSERT INTO monthly_summaries (id, origin_node, created_at, updated_at, district_id, month, due_on, state) VALUES (?, 'me', 't', 't', 'seed-district-03', '2026-12', '2026-12-25', 'draft')";
    db.prepare(summary).run('m1');
    expect(() => db.prepare(summary).run('m2')).toThrow(/UNIQUE/);
    db.prepare(
      "INSERT INTO summary_reviews (id, origin_node, created_at, updated_at, summary_id, office_node, submitted_at, action, comment, reviewed_on, reviewed_by) VALUES ('v1', 'bureau', 't', 't', 'm1', 'me', 't', 'return', '补充数据', '2026-12-26', '市局')",
    ).run();
    const logged = db.prepare("SELECT table_name AS t, row_id AS id FROM sync_changes WHERE table_name NOT IN ('units', 'hazards') ORDER BY table_name, row_id").all();
    expect(logged).toEqual([
      { t: 'complaint_rewards', id: 'w1' },
      { t: 'complaints', id: 'c1' },
      { t: 'inspection_plans', id: 'p1' },
      { t: 'inspection_records', id: 'r1' },
      { t: 'monthly_summaries', id: 'm1' },
      { t: 'supervision_orders', id: 'o1' },
      { t: 'supervision_orders', id: 'o3' },
    ]);
    // the same rows from another node stay out of the log, inserted or updated
    const before = db.prepare('SELECT count(*) FROM sync_changes').pluck().get();
    const rows = { inspection_plans: 'p1', inspection_records: 'r1', supervision_orders: 'o1', complaints: 'c1', complaint_rewards: 'w1', monthly_summaries: 'm1' };
    for (const [table, id] of Object.entries(rows)) {
      copyFromOtherNode(db, table, id);
      db.prepare(`UPDATE ${table} SET updated_at = 't2' WHERE id = ?`).run(`${id}-other`);
    }
    expect(db.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(before);
    // an update of an own row moves it to the end of the log
    db.prepare("UPDATE complaints SET state = 'closed' WHERE id = 'c1'").run();
    expect(db.prepare('SELECT table_name || \':\' || row_id FROM sync_changes ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('complaints:c1');
  });

  it('logs the node’s own inspection checklists, one live checklist per key and version', () => {
    const db = freshDb();
    migrate(db, upTo('0009_supervision_work'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    const checklist =
      "INSERT INTO inspection_checklists (id, origin_node, created_at, updated_at, district_id, key, name, checklist_version, items, deleted_at) VALUES (?, ?, 't', 't', 'seed-district-03', 'elevator', '电梯检查表', 1, '[]', ?)";
    db.prepare(checklist).run('k1', 'me', null);
    expect(() => db.prepare(checklist).run('k2', 'me', null)).toThrow(/UNIQUE/);
    db.prepare(checklist).run('k3', 'me', 't');
    db.prepare(checklist).run('k4', 'other-office', null);
    db.prepare("UPDATE inspection_checklists SET name = '电梯检查表（改）' WHERE id = 'k4'").run();
    expect(db.prepare("SELECT row_id FROM sync_changes WHERE table_name = 'inspection_checklists' ORDER BY seq").pluck().all()).toEqual(['k1', 'k3']);
  });
});

/** Inserts a copy of the row as if it had come from another node (id + '-other'). */
function copyFromOtherNode(db: Database.Database, table: string, id: string) {
  const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const values = cols.map((c) => (c === 'id' ? "id || '-other'" : c === 'origin_node' ? "'other-office'" : c));
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${values.join(', ')} FROM ${table} WHERE id = ?`).run(id);
}
