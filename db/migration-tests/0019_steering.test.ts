import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile, columns } from './harness.ts';

// 0019: the city bureau's steering. Two local tables (targets, assessment rules) that
// never travel, and two tables the bureau originates (city-wide templates, managers for
// a training centre), logged for the bureau's own rows only.

describe('migration 0019_steering', () => {
  it('adds the steering tables, keeping the rows made before it; only the bureau’s own synced rows enter the change log', () => {
    const db = new Database(scratchFile('m.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, upTo('0018_sort_keys_hazard_numbers'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('bureau', 'bureau', '市局', NULL, 't')").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'office', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
    db.prepare("INSERT INTO attachments (id, origin_node, created_at, updated_at, sha256, size, file_name, mime_type) VALUES ('a1', 'bureau', 't', 't', 'ab', 1, '制度.pdf', 'application/pdf')").run();
    const unitsBefore = db.prepare('SELECT * FROM units').all();
    const changesBefore = db.prepare('SELECT count(*) FROM sync_changes').pluck().get();

    expect(migrate(db, upTo('0019_steering')).applied).toEqual(['0019_steering']);
    expect(db.prepare('SELECT * FROM units').all()).toEqual(unitsBefore);
    expect(db.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(changesBefore);
    // the bureau's working data carries no origin: it is not a synced table
    expect(columns(db, 'district_targets')).toEqual(['district_id', 'pilot_unit_id', 'rollout_target', 'supervisors_target', 'note', 'version', 'updated_at', 'updated_by']);
    expect(columns(db, 'assessment_rules')).not.toContain('origin_node');

    db.prepare("INSERT INTO district_targets (district_id, pilot_unit_id, rollout_target, updated_at, updated_by) VALUES ('seed-district-03', 'u1', 8, 't', 'x')").run();
    expect(() => db.prepare("INSERT INTO district_targets (district_id, pilot_unit_id, updated_at, updated_by) VALUES ('seed-district-04', 'no-such-unit', 't', 'x')").run()).toThrow(/FOREIGN KEY/);
    const rules = db.prepare("INSERT INTO assessment_rules (id, version, effective_from, indicators, created_at, created_by) VALUES (?, ?, '2026-01', '[]', 't', 'x')");
    rules.run('r2', 2);
    expect(() => rules.run('r2b', 2)).toThrow(/UNIQUE/);

    const template = db.prepare(
      `INSERT INTO city_templates (id, origin_node, created_at, updated_at, source_template_id, source_node, source_file_id, district_id, unit_name, checklist_version, item_code, attachment_id, title, published_at)
       VALUES (?, ?, 't', 't', ?, 'office', 'f1', 'seed-district-03', '甲公司', '1', '4.1', 'a1', '制度', 't')`,
    );
    template.run('c-own', 'bureau', 's1');
    template.run('c-other', 'elsewhere', 's1');
    expect(() => template.run('c-own-2', 'bureau', 's1')).toThrow(/UNIQUE/);
    const registry = db.prepare(
      `INSERT INTO training_registry (id, origin_node, created_at, updated_at, training_node, manager_id, district_id, unit_name, name, id_number)
       VALUES (?, ?, 't', 't', 'centre', ?, 'seed-district-03', '甲公司', '王五', NULL)`,
    );
    registry.run('r-own', 'bureau', 'm1');
    registry.run('r-other', 'elsewhere', 'm1');
    db.prepare("UPDATE training_registry SET name = '王六', version = version + 1 WHERE id = 'r-other'").run();
    db.prepare("UPDATE city_templates SET withdrawn_at = 't2', version = version + 1 WHERE id = 'c-own'").run();
    expect(db.prepare("SELECT table_name AS t, row_id AS id FROM sync_changes WHERE table_name IN ('city_templates', 'training_registry') ORDER BY seq").all()).toEqual([
      { t: 'training_registry', id: 'r-own' },
      { t: 'city_templates', id: 'c-own' },
    ]);
  });
});
