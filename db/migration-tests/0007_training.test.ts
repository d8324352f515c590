import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf, originTables } from './change-log-check.ts';
import { upTo, freshDb, columns, syncColumns } from './harness.ts';

// 0007: 培训考核 — sessions, rosters, question banks, exams, candidates, results, certificates
// and the bureau's supervisor pool, nine synced tables with their change-log triggers.

describe('0007_training', () => {
  it('adds exactly these synced tables, each logging its own rows on insert and update and never another node’s', () => {
    const db = freshDb();
    migrate(db, upTo('0006_acceptance'));
    const before = originTables(db);
    migrate(db, upTo('0007_training'));
    const added = originTables(db).filter((t) => !before.includes(t));
    expect(added).toEqual(['exam_candidates', 'exam_results', 'exams', 'question_banks', 'questions', 'supervisor_certificates', 'supervisor_pool', 'training_attendees', 'training_sessions']);
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    expect(changeLogOf(db, added, 'me')).toEqual(added.map((t) => `${t}:${t}-own`));
  });

  it('adds the training tables, keeping acceptance files made under 0006, logs only the node’s own rows and keeps numbers unique', () => {
    const db = freshDb();
    migrate(db, upTo('0006_acceptance'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'training', '技术服务中心', NULL, 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state) VALUES ('f1', 'me', 't', 't', 'seed-district-03', 'u1', 'pilot', '1', 'created')",
    ).run();
    expect(migrate(db, upTo('0007_training')).applied).toEqual(['0007_training']);
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
});
