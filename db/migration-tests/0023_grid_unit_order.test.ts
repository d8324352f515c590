import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSqlFunctions } from '../functions.ts';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile } from './harness.ts';

// 0023: the equipment grid's unit index ends in (updated_at, id) and units_name_sort in id,
// so a district's or a unit's pieces and the sort by unit name are read from indexes alone.
// Indexes only: every row stays as it was.

const indexColumns = (db: Database.Database, name: string) => db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(name);

describe('0023_grid_unit_order', () => {
  it('rebuilds the two indexes over the rows already there, rows unchanged', () => {
    const db = new Database(scratchFile('m.sqlite'));
    registerSqlFunctions(db);
    migrate(db, upTo('0022_equipment_search_counts'));
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, name_sort, uscc) VALUES ('u1', 'me', 't', 't', 'seed-district-03', '塘桥机械', 'tang qiao', '91330100716105852F')").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, name_sort, uscc) VALUES ('u2', 'me', 't', 't', 'seed-district-04', '塘桥机械', 'tang qiao', '91330100716105853F')").run();
    const piece = db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, status, deleted_at) VALUES (?, 'me', 't', ?, ?, 'in_use', ?)");
    piece.run('e1', '2026-01-02', 'u2', null);
    piece.run('e2', '2026-01-01', 'u1', null);
    piece.run('e3', '2026-01-03', 'u1', '2026-02-01T00:00:00Z');
    const before = db.prepare('SELECT * FROM equipment ORDER BY id').all();
    expect(indexColumns(db, 'equipment_unit')).not.toContain('updated_at');

    expect(migrate(db, upTo('0023_grid_unit_order')).applied).toEqual(['0023_grid_unit_order']);
    expect(indexColumns(db, 'equipment_unit')).toEqual(['unit_id', 'status', 'kind_code', 'category_code', 'variety_code', 'next_inspection_date', 'deleted_at', 'updated_at', 'id']);
    expect(indexColumns(db, 'units_name_sort')).toEqual(['name_sort', 'id']);
    expect(db.prepare('SELECT * FROM equipment ORDER BY id').all()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // read through the new index: a unit's live pieces in the grid's order, from the index alone
    const byUnit = "SELECT e.id FROM units u CROSS JOIN equipment e ON u.id = e.unit_id WHERE e.deleted_at IS NULL ORDER BY u.name_sort, u.id, e.updated_at, e.id";
    expect(db.prepare(byUnit).pluck().all()).toEqual(['e2', 'e1']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${byUnit}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SCAN u USING COVERING INDEX units_name_sort/);
    expect(plan).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?\)/);
    db.close();
  });
});
