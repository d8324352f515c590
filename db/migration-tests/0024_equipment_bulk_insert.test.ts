import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSqlFunctions } from '../functions.ts';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile, seedOfficeAndUnit } from './harness.ts';

// 0024: the insert triggers of the search index, the counts and the risk marks step aside
// while equipment_bulk_insert holds a row, and only then; they write what they wrote before.

function migratedWithPieces(): Database.Database {
  const db = new Database(scratchFile('m.sqlite'));
  registerSqlFunctions(db);
  migrate(db, upTo('0023_grid_unit_order'));
  seedOfficeAndUnit(db);
  piece(db, 'e1', 'OLD-1');
  expect(migrate(db, upTo('0024_equipment_bulk_insert')).applied).toEqual(['0024_equipment_bulk_insert']);
  return db;
}

function piece(db: Database.Database, id: string, code: string): void {
  db.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, kind_code, status, location, next_inspection_date)
     VALUES (?, 'me', 't', 't', 'u1', ?, '3000', 'in_use', '1号楼', '2027-01-01')`,
  ).run(id, code);
}

const derived = (db: Database.Database) => ({
  found: db.prepare("SELECT e.id FROM equipment e WHERE e.rowid IN (SELECT rowid FROM equipment_search WHERE equipment_search MATCH '\"new-\"') ORDER BY 1").pluck().all(),
  units: db.prepare('SELECT unit_id, status, kind_code, n FROM equipment_unit_counts WHERE n > 0').all(),
  dates: db.prepare('SELECT next_inspection_date, n FROM equipment_in_use_dates WHERE n > 0').all(),
  risk: db.prepare('SELECT unit_id FROM risk_dirty').pluck().all(),
});

describe('0024_equipment_bulk_insert', () => {
  it('keeps the pieces already there, and the triggers write as before while the flag table is empty', () => {
    const db = migratedWithPieces();
    db.exec('DELETE FROM risk_dirty');
    piece(db, 'e2', 'NEW-2');
    expect(derived(db)).toEqual({
      found: ['e2'],
      units: [{ unit_id: 'u1', status: 'in_use', kind_code: '3000', n: 2 }],
      dates: [{ next_inspection_date: '2027-01-01', n: 2 }],
      risk: ['u1'],
    });
  });

  it('silences the three insert triggers while the flag is set, and only the insert ones', () => {
    const db = migratedWithPieces();
    db.exec('DELETE FROM risk_dirty');
    db.transaction(() => {
      db.prepare("INSERT INTO equipment_bulk_insert (id, writer) VALUES (1, 'test')").run();
      piece(db, 'e2', 'NEW-2');
      expect(derived(db)).toEqual({ found: [], units: [{ unit_id: 'u1', status: 'in_use', kind_code: '3000', n: 1 }], dates: [{ next_inspection_date: '2027-01-01', n: 1 }], risk: [] });
      // an edit of an existing piece still goes through its triggers
      db.prepare("UPDATE equipment SET status = 'stopped', equipment_code = 'NEW-1' WHERE id = 'e1'").run();
      expect(derived(db)).toEqual({ found: ['e1'], units: [{ unit_id: 'u1', status: 'stopped', kind_code: '3000', n: 1 }], dates: [], risk: ['u1'] });
      db.prepare('DELETE FROM equipment_bulk_insert').run();
    })();
  });
});
