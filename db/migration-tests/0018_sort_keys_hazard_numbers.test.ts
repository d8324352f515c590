import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../electron/core/pinyin.ts';
import { migrate } from '../migrate.ts';
import { freshDb, scratchFile, upTo } from './harness.ts';

// 0018: the pinyin sort keys of unit and manager names (kept by triggers), and 隐患编号.

function seed(db: Database.Database): void {
  db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('me', 'district', '塘桥分局', 'seed-district-03', 't')").run();
  const unit = db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, 'me', 't', 't', ?, ?, ?)");
  unit.run('u1', 'seed-district-03', '西安重工', '91330100716105852F');
  unit.run('u2', 'seed-district-03', '阿里物流', '91110000600037341L');
  db.prepare("INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES ('m1', 'me', 't', 't', 'u1', '曾小明')").run();
  const hazard = db.prepare(
    "INSERT INTO hazards (id, origin_node, created_at, updated_at, version, district_id, unit_id, description, level, found_by, found_on, state) VALUES (?, ?, ?, 't', 2, ?, 'u1', '安全阀失效', 'general', '张三', '2026-01-01', 'found')",
  );
  // 2025-12-31T17:00Z is already 2026-01-01 in China: the first of 2026
  hazard.run('h1', 'me', '2025-12-31T15:00:00.000Z', 'seed-district-03');
  hazard.run('h2', 'me', '2025-12-31T17:00:00.000Z', 'seed-district-03');
  hazard.run('h3', 'me', '2026-03-01T02:00:00.000Z', 'seed-district-03');
  hazard.run('h4', 'other-office', '2026-03-01T01:00:00.000Z', 'seed-district-04');
  db.prepare('DELETE FROM sync_changes').run();
}

describe('0018_sort_keys_hazard_numbers', () => {
  it('keys the names already there without logging them for the next bundle, and numbers only this office’s hazards', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0017_staff'));
    seed(db);
    expect(migrate(db, upTo('0018_sort_keys_hazard_numbers')).applied).toEqual(['0018_sort_keys_hazard_numbers']);
    expect(db.prepare('SELECT id, name_sort AS k FROM units ORDER BY name_sort').all()).toEqual([
      { id: 'u2', k: nameSortKey('阿里物流') },
      { id: 'u1', k: nameSortKey('西安重工') },
    ]);
    expect(db.prepare('SELECT name_sort AS k FROM safety_managers').get()).toEqual({ k: nameSortKey('曾小明', 'person') });
    expect(db.prepare('SELECT id, number, version FROM hazards ORDER BY id').all()).toEqual([
      { id: 'h1', number: '2025-0001', version: 3 },
      { id: 'h2', number: '2026-0001', version: 3 },
      { id: 'h3', number: '2026-0002', version: 3 },
      { id: 'h4', number: null, version: 2 }, // another office's: it numbers its own
    ]);
    // derived keys travel with the next real change; the numbers go out now
    expect(db.prepare('SELECT table_name AS t, row_id AS id FROM sync_changes ORDER BY seq').all()).toEqual([
      { t: 'hazards', id: 'h1' },
      { t: 'hazards', id: 'h2' },
      { t: 'hazards', id: 'h3' },
    ]);
  });

  it('keeps the keys right on later writes and puts the change log back as it was', () => {
    const db = freshDb({ foreignKeys: false });
    migrate(db, upTo('0017_staff'));
    seed(db);
    migrate(db, upTo('0018_sort_keys_hazard_numbers'));
    db.prepare("UPDATE units SET name = '重庆啤酒', version = 2 WHERE id = 'u1'").run();
    db.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc, name_sort) VALUES ('u3', 'other', 't', 't', 'seed-district-03', '长江润发', '320582000123451', 'bogus')").run();
    expect(db.prepare("SELECT id, name_sort AS k FROM units WHERE id IN ('u1', 'u3') ORDER BY id").all()).toEqual([
      { id: 'u1', k: nameSortKey('重庆啤酒') },
      { id: 'u3', k: nameSortKey('长江润发') },
    ]);
    expect(db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'units'").all()).toEqual([{ id: 'u1' }]);
    db.prepare("UPDATE safety_managers SET name = '单田芳' WHERE id = 'm1'").run();
    expect(db.prepare('SELECT name_sort AS k FROM safety_managers').get()).toEqual({ k: nameSortKey('单田芳', 'person') });
    expect(db.prepare("SELECT row_id AS id FROM sync_changes WHERE table_name = 'safety_managers'").all()).toEqual([{ id: 'm1' }]);
  });

  it('refuses a write to a keyed table on a connection without the function, rather than leaving no key', () => {
    const file = scratchFile();
    const db = new Database(file);
    migrate(db, upTo('0018_sort_keys_hazard_numbers'));
    db.close();
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES ('u9', 'me', 't', 't', 'seed-district-03', '甲', 'x')").run()).toThrow(/no such function: qkl_name_sort/);
    } finally {
      raw.close();
    }
  });
});
