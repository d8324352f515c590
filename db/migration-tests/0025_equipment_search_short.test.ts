import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSqlFunctions } from '../functions.ts';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile, seedOfficeAndUnit } from './harness.ts';

// 0025: every value in the trigram index ends with two U+E000, the pieces already there
// included, so one or two characters at a value's end (or a whole value that short) begin a
// trigram; a text of three characters or more finds what it found before.

const PAD = '\uE000';

function migratedWithPieces(): Database.Database {
  const db = new Database(scratchFile('m.sqlite'));
  registerSqlFunctions(db);
  migrate(db, upTo('0024_equipment_bulk_insert'));
  seedOfficeAndUnit(db);
  piece(db, 'e1', 'OLD-1', '1号楼');
  piece(db, 'e2', 'OLD-2', '门');
  expect(migrate(db, upTo('0025_equipment_search_short')).applied).toEqual(['0025_equipment_search_short']);
  return db;
}

function piece(db: Database.Database, id: string, code: string, location: string): void {
  db.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, kind_code, status, location)
     VALUES (?, 'me', 't', 't', 'u1', ?, '3000', 'in_use', ?)`,
  ).run(id, code, location);
}

const found = (db: Database.Database, phrase: string) =>
  db.prepare('SELECT e.id FROM equipment e WHERE e.rowid IN (SELECT rowid FROM equipment_search WHERE equipment_search MATCH ?) ORDER BY 1').pluck().all(`"${phrase}"`);

describe('0025_equipment_search_short', () => {
  it('pads the values of the pieces already there, and a longer text matches as before', () => {
    const db = migratedWithPieces();
    expect(found(db, `楼${PAD}${PAD}`)).toEqual(['e1']);
    expect(found(db, `号楼${PAD}`)).toEqual(['e1']);
    expect(found(db, `门${PAD}${PAD}`)).toEqual(['e2']);
    expect(found(db, `-2${PAD}`)).toEqual(['e2']);
    expect(found(db, '1号楼')).toEqual(['e1']);
    expect(found(db, 'old-')).toEqual(['e1', 'e2']);
    // one entry per trigram of each padded value: old-1 and its pad are 7 characters, 5 trigrams (3 before)
    db.exec('CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, equipment_search, instance)');
    expect(db.prepare("SELECT count(*) FROM temp.v WHERE doc = (SELECT rowid FROM equipment WHERE id = 'e1') AND col = 'equipment_code'").pluck().get()).toBe(5);
  });

  it('pads what the triggers write on insert and update, steps aside for a bulk insert, and forgets a deleted piece', () => {
    const db = migratedWithPieces();
    piece(db, 'e3', 'NEW-3', '东兴');
    expect(found(db, `东兴${PAD}`)).toEqual(['e3']);
    db.prepare("UPDATE equipment SET location = '车间' WHERE id = 'e1'").run();
    expect(found(db, `车间${PAD}`)).toEqual(['e1']);
    expect(found(db, `楼${PAD}${PAD}`)).toEqual([]);
    db.transaction(() => {
      db.prepare("INSERT INTO equipment_bulk_insert (id, writer) VALUES (1, 'test')").run();
      piece(db, 'e4', 'NEW-4', '东兴');
      expect(found(db, `东兴${PAD}`)).toEqual(['e3']);
      db.prepare('DELETE FROM equipment_bulk_insert').run();
    })();
    db.prepare("DELETE FROM equipment WHERE id = 'e3'").run();
    expect(found(db, `东兴${PAD}`)).toEqual([]);
  });
});
