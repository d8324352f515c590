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

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const syncColumns = ['id', 'origin_node', 'created_at', 'updated_at', 'version', 'deleted_at'];

describe('migration runner', () => {
  it('knows the committed migrations in journal order', () => {
    expect(all.map((m) => m.tag)).toEqual(['0000_foundation', '0001_districts_seed_audit_guard', '0002_registry', '0003_equipment_grid_live', '0004_exchange_keys', '0005_blocks_chain', '0006_acceptance', '0007_training', '0008_hazards', '0009_supervision_work', '0010_complaint_reporter_staff', '0011_summary_receipts', '0012_bureau_key_statements', '0013_audit_anchors', '0014_certificate_override', '0015_next_inspection_source', '0016_acceptance_contradictions', '0017_staff', '0018_sort_keys_hazard_numbers', '0019_steering', '0020_block_routine', '0021_risk_publicity']);
    for (const m of all) expect(m.statements.length).toBeGreaterThan(0);
  });

  it('0000_foundation creates the synced tables with the sync columns and indexes', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 1));
    for (const table of ['districts', 'units', 'equipment', 'safety_managers']) {
      expect(columns(db, table)).toEqual(expect.arrayContaining(syncColumns));
    }
    expect(columns(db, 'node_identity')).toEqual(['id', 'role', 'name', 'district_id', 'created_at']);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'units'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['units_district_uscc_live', 'units_name']));
    expect(db.prepare('SELECT count(*) AS n FROM districts').get()).toEqual({ n: 0 });
  });

  it('0001 seeds the six pilot sub-bureaus and the other towns, keeping rows made under 0000', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 1));
    db.prepare(
      "INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('n1', 'bureau', '市局', NULL, '2026-01-01')",
    ).run();
    const result = migrate(db, all.slice(0, 2));
    expect(result.applied).toEqual(['0001_districts_seed_audit_guard']);
    expect(db.prepare('SELECT name FROM node_identity').get()).toEqual({ name: '市局' });
    const pilots = (db.prepare('SELECT name FROM districts WHERE pilot = 1 ORDER BY sort_order').all() as { name: string }[]).map((r) => r.name);
    expect(pilots).toEqual(['开发区', '东城', '塘桥', '锦丰', '南丰', '乐余']);
    expect((db.prepare('SELECT count(*) AS n FROM districts').get() as { n: number }).n).toBeGreaterThanOrEqual(14);
  });

  it('0001 makes the audit log append-only', () => {
    const db = freshDb();
    migrate(db, all);
    db.prepare(
      "INSERT INTO audit_log (id, node_id, at, actor, call, table_name, row_ids, prev_hash, hash) VALUES ('a', 'n', 't', 'x', 'c', 't', '[]', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('0002 adds settings, name initials and grid indexes, keeping units made under 0001', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 2));
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id) VALUES ('e1', 'n', 't', 't', 'u1')",
    ).run();
    expect(migrate(db, all.slice(0, 3)).applied).toEqual(['0002_registry']);
    expect(db.prepare('SELECT name, name_initials FROM units').get()).toEqual({ name: '甲公司', name_initials: null });
    expect(db.prepare('SELECT status FROM equipment').get()).toEqual({ status: 'in_use' });
    expect(columns(db, 'settings')).toEqual(['key', 'value', 'updated_at']);
    expect(columns(db, 'safety_managers')).toContain('name_initials');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM equipment WHERE unit_id = 'u1' AND status = 'in_use'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING COVERING INDEX equipment_unit/);
  });

  it('0006 adds the acceptance tables, keeping units made under 0005, and logs only the node’s own rows', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 6));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    expect(migrate(db, all.slice(0, 7)).applied).toEqual(['0006_acceptance']);
    expect(db.prepare('SELECT name FROM units').get()).toEqual({ name: '甲公司' });
    expect(columns(db, 'acceptance_files')).toEqual(expect.arrayContaining([...syncColumns, 'unit_id', 'checklist_version', 'state', 'round']));
    const file = "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state) VALUES (?, ?, 't', 't', 'seed-district-03', 'u1', 'pilot', '1', 'created')";
    db.prepare(file).run('f1', 'me');
    db.prepare(file).run('f2', 'other-office');
    const logged = db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'acceptance_files'").all();
    expect(logged).toEqual([{ id: 'f1' }]);
    // one live row per item code in a file
    const item = "INSERT INTO acceptance_items (id, origin_node, created_at, updated_at, file_id, code) VALUES (?, 'me', 't', 't', 'f1', '1.1')";
    db.prepare(item).run('i1');
    expect(() => db.prepare(item).run('i2')).toThrow(/UNIQUE/);
  });

  it('0007 adds the training tables, keeping acceptance files made under 0006, logs only the node’s own rows and keeps numbers unique', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 7));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'training', '技术服务中心', NULL, 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state) VALUES ('f1', 'me', 't', 't', 'seed-district-03', 'u1', 'pilot', '1', 'created')",
    ).run();
    expect(migrate(db, all.slice(0, 8)).applied).toEqual(['0007_training']);
    expect(db.prepare('SELECT state FROM acceptance_files').get()).toEqual({ state: 'created' });
    for (const table of ['training_sessions', 'training_attendees', 'question_banks', 'questions', 'exams', 'exam_candidates', 'exam_results', 'supervisor_certificates', 'supervisor_pool']) {
      expect(columns(db, table), table).toEqual(expect.arrayContaining(syncColumns));
    }
    expect(columns(db, 'exam_results')).toEqual(expect.arrayContaining(['objective_score', 'subjective_score', 'total', 'passed', 'marks', 'state']));
    expect(columns(db, 'supervisor_certificates')).toEqual(expect.arrayContaining(['certificate_no', 'valid_until', 'issuing_node', 'revoked_at', 'revoked_reason', 'payload']));
    const bank = "INSERT INTO question_banks (id, origin_node, created_at, updated_at, title, imported_at) VALUES (?, ?, 't', 't', '题库', 't')";
    db.prepare(bank).run('b1', 'me');
    db.prepare(bank).run('b2', 'other-node');
    expect(db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'question_banks'").all()).toEqual([{ id: 'b1' }]);
    const question = "INSERT INTO questions (id, origin_node, created_at, updated_at, bank_id, no, type, stem, answer, points) VALUES (?, 'me', 't', 't', 'b1', 1, 'judge', '题干', 'T', 1)";
    db.prepare(question).run('q1');
    expect(() => db.prepare(question).run('q2')).toThrow(/UNIQUE/);
    const cert = `INSERT INTO supervisor_certificates (id, origin_node, created_at, updated_at, certificate_no, year, seq, holder_name, issue_date, valid_until, issuing_node, payload, deleted_at)
      VALUES (?, 'me', 't', 't', '张特监〔2026〕第0001号', 2026, 1, '王五', '2026-12-01', '2030-11-30', 'me', 'p', ?)`;
    db.prepare(cert).run('c1', null);
    expect(() => db.prepare(cert).run('c2', null)).toThrow(/UNIQUE/);
    // a tombstone does not hold its number
    db.prepare(cert).run('c3', 't');
  });

  it('0008 adds the hazard tables, keeping training sessions made under 0007, and logs only the node’s own rows', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 8));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO training_sessions (id, origin_node, created_at, updated_at, title, start_date) VALUES ('s1', 'me', 't', 't', '培训', '2026-12-01')",
    ).run();
    expect(migrate(db, all.slice(0, 9)).applied).toEqual(['0008_hazards']);
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

  it('0009 adds inspections, complaints and summaries, keeping hazards made under 0008; reporters never enter the change log', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 9));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state) VALUES ('h1', 'me', 't', 't', 'seed-district-03', 'u1', '安全阀失效', 'major', '张三', '2026-12-01', 'found')",
    ).run();
    expect(migrate(db, all.slice(0, 10)).applied).toEqual(['0009_supervision_work']);
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

  it('0010 flags a reporter as bureau staff, keeping the reporters made under 0009 (not staff)', () => {
    const db = freshDb();
    migrate(db, all.slice(0, 10));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO complaints (id, origin_node, created_at, updated_at, district_id, received_on, channel, reporter_masked, content, unit_name, handling_deadline, state) VALUES ('c1', 'me', 't', 't', 'seed-district-03', '2026-12-01', 'phone', '王**', '叉车无证驾驶', '某物流公司', '2026-12-22', 'received')",
    ).run();
    db.prepare("INSERT INTO complaint_reporters (complaint_id, name) VALUES ('c1', '王五')").run();
    expect(migrate(db, all.slice(0, 11)).applied).toEqual(['0010_complaint_reporter_staff']);
    expect(db.prepare('SELECT name, bureau_staff AS staff FROM complaint_reporters').get()).toEqual({ name: '王五', staff: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sync_changes WHERE table_name = 'complaint_reporters'").get()).toEqual({ n: 0 });
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
