import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerSqlFunctions } from '../functions.ts';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile, seedOfficeAndUnit } from './harness.ts';

// 0022: the trigram search index of equipment and the maintained counts of live pieces,
// both filled from the rows already there and kept by triggers afterwards.

function freshDb(): Database.Database {
  const db = new Database(scratchFile('m.sqlite'));
  registerSqlFunctions(db);
  return db;
}

function seed(db: Database.Database): void {
  seedOfficeAndUnit(db);
  const piece = db.prepare(
    `INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, registration_no, kind_code, category_code, variety_code, status, location, next_inspection_date, deleted_at)
     VALUES (?, 'me', 't', 't', 'u1', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  piece.run('e1', '3110320582019000A', '梯11苏E00001(17)', '3000', '3100', '3110', 'in_use', '1号楼', '2027-01-01', null);
  piece.run('e2', '2150320582019000B', null, '2000', '2100', null, 'in_use', 'Boiler Room', null, null);
  piece.run('e3', '2150320582019000C', null, '2000', '2100', null, 'stopped', '仓库', '2026-05-01', null);
  piece.run('e4', '4110320582019000D', null, null, null, null, 'in_use', '1号楼', '2026-05-01', '2026-02-01T00:00:00Z'); // deleted
}

const found = (db: Database.Database, text: string) =>
  db.prepare("SELECT e.id FROM equipment e WHERE e.rowid IN (SELECT rowid FROM equipment_search WHERE equipment_search MATCH ?) ORDER BY e.id").pluck().all(`"${text}"`);
const counts = (db: Database.Database) => ({
  units: db.prepare('SELECT unit_id, status, kind_code, category_code, variety_code, n FROM equipment_unit_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5').all(),
  dates: db.prepare('SELECT next_inspection_date, n FROM equipment_in_use_dates WHERE n > 0 ORDER BY 1').all(),
});
const recount = (db: Database.Database) => ({
  units: db
    .prepare(
      `SELECT unit_id, status, ifnull(kind_code, '') AS kind_code, ifnull(category_code, '') AS category_code, ifnull(variety_code, '') AS variety_code, count(*) AS n
       FROM equipment WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all(),
  dates: db
    .prepare("SELECT ifnull(next_inspection_date, '') AS next_inspection_date, count(*) AS n FROM equipment WHERE deleted_at IS NULL AND status = 'in_use' GROUP BY 1 ORDER BY 1")
    .all(),
});

describe('0022_equipment_search_counts', () => {
  it('indexes and counts the pieces already there', () => {
    const db = freshDb();
    migrate(db, upTo('0021_risk_publicity'));
    seed(db);
    expect(migrate(db, upTo('0022_equipment_search_counts')).applied).toEqual(['0022_equipment_search_counts']);
    // lower-cased text: codes and locations are found whatever case was stored
    expect(found(db, '苏e00001')).toEqual(['e1']);
    expect(found(db, 'boiler')).toEqual(['e2']);
    expect(found(db, '0320582019000')).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(counts(db)).toEqual(recount(db));
    expect(counts(db).dates).toEqual([
      { next_inspection_date: '', n: 1 },
      { next_inspection_date: '2027-01-01', n: 1 },
    ]);
  });

  it('keeps the index and the counts right through inserts, edits, deletes and tombstones', () => {
    const db = freshDb();
    migrate(db, upTo('0021_risk_publicity'));
    seed(db);
    migrate(db, upTo('0022_equipment_search_counts'));
    db.prepare("UPDATE equipment SET location = '二号车间', status = 'in_use', next_inspection_date = '2027-02-02' WHERE id = 'e3'").run();
    db.prepare("UPDATE equipment SET deleted_at = '2026-03-01T00:00:00Z' WHERE id = 'e2'").run();
    db.prepare("UPDATE equipment SET deleted_at = NULL WHERE id = 'e4'").run();
    db.prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, equipment_code, status) VALUES ('e5', 'me', 't', 't', 'u1', 'ABC123', 'scrapped')").run();
    db.prepare("DELETE FROM equipment WHERE id = 'e1'").run();
    expect(found(db, '二号车')).toEqual(['e3']);
    expect(found(db, '仓库')).toEqual([]);
    expect(found(db, '苏e00001')).toEqual([]);
    expect(found(db, 'abc')).toEqual(['e5']);
    expect(counts(db)).toEqual(recount(db));
  });
});
