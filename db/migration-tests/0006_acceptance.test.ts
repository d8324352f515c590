import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { changeLogOf, originTables } from './change-log-check.ts';
import { upTo, freshDb, columns, syncColumns } from './harness.ts';

// 0006: 示范单位验收 — acceptance files, items, evidence, the bureau's decisions and templates,
// five synced tables with their change-log triggers.

describe('0006_acceptance', () => {
  it('adds exactly these synced tables, each logging its own rows on insert and update and never another node’s', () => {
    const db = freshDb();
    migrate(db, upTo('0005_blocks_chain'));
    const before = originTables(db);
    migrate(db, upTo('0006_acceptance'));
    const added = originTables(db).filter((t) => !before.includes(t));
    expect(added).toEqual(['acceptance_decisions', 'acceptance_evidence', 'acceptance_files', 'acceptance_items', 'acceptance_templates']);
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    expect(changeLogOf(db, added, 'me')).toEqual(added.map((t) => `${t}:${t}-own`));
  });

  it('adds the acceptance tables, keeping units made under 0005, and logs only the node’s own rows', () => {
    const db = freshDb();
    migrate(db, upTo('0005_blocks_chain'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    expect(migrate(db, upTo('0006_acceptance')).applied).toEqual(['0006_acceptance']);
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

  it('logs the bureau’s own decisions and templates and not another node’s, moves an updated own row to the end, and holds a plaque number once per bureau', () => {
    const db = freshDb();
    migrate(db, upTo('0006_acceptance'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('bureau', 'bureau', '市局', NULL, 't')").run();
    db.prepare(
      "INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'office', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')",
    ).run();
    db.prepare(
      "INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state) VALUES ('f1', 'office', 't', 't', 'seed-district-03', 'u1', 'pilot', '1', 'submitted')",
    ).run();
    db.prepare("INSERT INTO attachments (id, origin_node, created_at, updated_at, sha256, size, file_name, mime_type) VALUES ('a1', 'bureau', 't', 't', 'abc', 3, '样本.pdf', 'application/pdf')").run();
    const decision =
      "INSERT INTO acceptance_decisions (id, origin_node, created_at, updated_at, file_id, office_node, round, outcome, plaque_no, decided_on, decided_by) VALUES (?, 'bureau', 't', 't', 'f1', 'office', 1, 'pass', ?, '2026-12-01', '市局')";
    db.prepare(decision).run('d1', '张示范〔2026〕1号');
    expect(() => db.prepare(decision).run('d2', '张示范〔2026〕1号')).toThrow(/UNIQUE/);
    db.prepare(decision).run('d3', null);
    db.prepare(decision).run('d4', null);
    const template =
      "INSERT INTO acceptance_templates (id, origin_node, created_at, updated_at, district_id, file_id, item_code, attachment_id, title, published_at, withdrawn_at) VALUES (?, 'bureau', 't', 't', 'seed-district-03', 'f1', '1.1', 'a1', '样本', 't', ?)";
    db.prepare(template).run('t1', null);
    expect(() => db.prepare(template).run('t2', null)).toThrow(/UNIQUE/);
    // a withdrawn sample no longer holds its place
    db.prepare("UPDATE acceptance_templates SET withdrawn_at = 't2' WHERE id = 't1'").run();
    db.prepare(template).run('t3', null);
    // the same from another node stays out of the log
    db.prepare(decision.replace("'bureau', 't'", "'other-bureau', 't'")).run('d-other', '张示范〔2026〕1号');
    db.prepare(template.replace("'bureau', 't'", "'other-bureau', 't'")).run('t-other', null);
    db.prepare("UPDATE acceptance_templates SET title = '样本（改）' WHERE id = 't-other'").run();
    db.prepare("UPDATE acceptance_files SET state = 'accepted' WHERE id = 'f1'").run();
    db.prepare("UPDATE acceptance_decisions SET comments = '合格' WHERE id = 'd1'").run();
    const logged = db.prepare("SELECT table_name || ':' || row_id FROM sync_changes WHERE table_name LIKE 'acceptance%' ORDER BY seq").pluck().all();
    expect(logged).toEqual(['acceptance_decisions:d3', 'acceptance_decisions:d4', 'acceptance_templates:t1', 'acceptance_templates:t3', 'acceptance_decisions:d1']);
  });
});
