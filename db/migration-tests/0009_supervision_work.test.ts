import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp.ts';
import { loadMigrations, migrate } from '../migrate.ts';
import { defaultMigrationsDir } from '../open.ts';

// 0009: 专项检查, 投诉举报 and 月度小结 — inspections, orders, complaints, rewards, summaries
// and reviews (synced); complaint reporters stay on the node (no origin_node, no triggers).

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

describe('0009_supervision_work', () => {
  it('0009 adds inspections, complaints and summaries, keeping hazards made under 0008; reporters never enter the change log', () => {
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
  });
});
