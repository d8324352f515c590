import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { scratchFile, upTo } from './harness.ts';

// 0003: the equipment grid's indexes, live rows only (deleted_at is null), covering the
// columns the grid filters and sorts by.

describe('0003_equipment_grid_live', () => {
  it('replaces the equipment indexes, keeping the rows made under 0002', () => {
    const db = new Database(scratchFile('m.sqlite'));
    migrate(db, upTo('0002_registry'));
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u1', 'n', 't', 't', 'seed-district-03', '甲公司', '91330100716105852F')").run();
    const piece = db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, kind_code, next_inspection_date, deleted_at) VALUES (?, 'n', 't', ?, 'u1', '3000', ?, ?)");
    piece.run('e1', '2026-01-01', '2026-12-01', null);
    piece.run('e2', '2026-01-02', '2027-01-01', '2026-02-01');

    expect(migrate(db, upTo('0003_equipment_grid_live')).applied).toEqual(['0003_equipment_grid_live']);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'equipment' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['equipment_live_kind', 'equipment_live_next', 'equipment_live_updated', 'equipment_unit', 'equipment_updated']));
    expect(indexes).not.toContain('equipment_next_inspection');
    expect(indexes).not.toContain('equipment_kind');
    expect(db.prepare('SELECT id FROM equipment ORDER BY id').pluck().all()).toEqual(['e1', 'e2']);
    // the live indexes hold live rows only
    const live = db.prepare('SELECT count(*) FROM equipment INDEXED BY equipment_live_next WHERE deleted_at IS NULL AND next_inspection_date > ?').pluck();
    expect(live.get('2000-01-01')).toBe(1);
    db.close();
  });
});
