import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile } from './harness.ts';

// 0015 (where the next inspection date comes from), on a database with rows made before it.

describe('migration 0015_next_inspection_source', () => {
  it('adds next_inspection_source, leaving every row as it was: a date written before it counts as recorded', () => {
    const db = new Database(scratchFile('m.sqlite'));
    migrate(db, upTo('0014_certificate_override'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('n', 'district', '塘桥分局', 'seed-district-03', 't')").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
    const piece = db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, kind_code, last_inspection_date, next_inspection_date) VALUES (?, 'n', 't', 't', 'u1', '3000', ?, ?)");
    piece.run('e1', '2025-05-01', '2026-05-01');
    piece.run('e2', '2025-05-01', null);
    const before = db.prepare('SELECT * FROM equipment ORDER BY id').all();
    const changesBefore = db.prepare('SELECT count(*) FROM sync_changes').pluck().get();

    expect(migrate(db, upTo('0015_next_inspection_source')).applied).toEqual(['0015_next_inspection_source']);
    const after = db.prepare('SELECT * FROM equipment ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ next_inspection_source: source, ...rest }) => [source, rest])).toEqual(before.map((row) => [null, row]));
    // nothing to send in the next bundle: no row changed
    expect(db.prepare('SELECT count(*) FROM sync_changes').pluck().get()).toBe(changesBefore);
    db.close();
  });
});
