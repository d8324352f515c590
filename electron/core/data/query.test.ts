import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/open.ts';
import { districts, units } from '../../../db/schema/index.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { all, get, sql, sqlFragment, sqlJoin, sqlRaw, toStatement, tuples, value, values } from './query.ts';

// The read kernel on a real database file, migrated like the app's: names from the
// schema, parameters bound (never spliced), fragments nested, named parameters kept.

let opened: OpenedDatabase | undefined;
let cleanup = () => {};
afterEach(() => {
  opened?.close();
  cleanup();
});

function open(): OpenedDatabase {
  const dir = tempDir();
  cleanup = dir.cleanup;
  opened = openDatabase({ file: dir.file('query.sqlite') });
  return opened;
}

function seedUnit(db: OpenedDatabase, id: string, name: string, districtId: string) {
  db.sqlite
    .prepare(`INSERT INTO units (id, origin_node, created_at, updated_at, version, district_id, name, uscc) VALUES (?, 'n1', 't', 't', 1, ?, ?, ?)`)
    .run(id, districtId, name, `91110000${id.padStart(10, '0')}`);
}

describe('sql read kernel', () => {
  it('renders schema names quoted and values as bound parameters', () => {
    const q = sql<{ name: string }>`SELECT u.${units.name} FROM ${units} u WHERE u.${units.districtId} = ${'d1'} AND u.${units.version} > ${0}`;
    expect(toStatement(q)).toEqual(['SELECT u."name" FROM "units" u WHERE u."district_id" = ? AND u."version" > ?', ['d1', 0]]);
  });

  it('reads typed rows from a real file, with nested fragments and joins', () => {
    const db = open();
    const first = get(db.sqlite, sql<{ id: string; name: string }>`SELECT ${districts.id} AS id, ${districts.name} AS name FROM ${districts} ORDER BY ${districts.sortOrder} LIMIT 1`);
    if (!first) throw new Error('no seeded district');
    const districtId = first.id;
    seedUnit(db, 'u1', '甲公司', districtId);
    seedUnit(db, 'u2', '乙公司', districtId);
    seedUnit(db, 'u3', '丙公司', districtId);
    db.sqlite.prepare(`UPDATE units SET deleted_at = 't' WHERE id = 'u3'`).run();

    const live = sqlFragment`u.${units.deletedAt} IS NULL`;
    const names = sqlJoin(['甲公司', '乙公司', "丙公司' OR 1=1 --"]);
    const rows = all(
      db.sqlite,
      sql<{ unitName: string; districtName: string }>`
        SELECT u.${units.name} AS unitName, d.${districts.name} AS districtName
        FROM ${units} u JOIN ${districts} d ON d.${districts.id} = u.${units.districtId}
        WHERE ${live} AND u.${units.name} IN (${names}) ORDER BY u.${units.id}`,
    );
    expect(rows.map((r) => r.unitName)).toEqual(['甲公司', '乙公司']);
    expect(rows[0]?.districtName).toBe(first.name);

    expect(value(db.sqlite, sql<number>`SELECT count(*) FROM ${units} u WHERE ${live}`)).toBe(2);
    expect(values(db.sqlite, sql<string>`SELECT ${units.id} FROM ${units} ORDER BY ${units.id}`)).toEqual(['u1', 'u2', 'u3']);
    expect(get(db.sqlite, sql<{ id: string }>`SELECT ${units.id} AS id FROM ${units} WHERE ${units.id} = ${'none'}`)).toBeUndefined();
  });

  it('keeps named parameters of shared SQL parts and the { sql, params } parts of older modules', () => {
    const db = open();
    const districtId = value(db.sqlite, sql<string>`SELECT ${districts.id} FROM ${districts} LIMIT 1`) ?? '';
    seedUnit(db, 'u1', '甲公司', districtId);
    const named = sqlRaw('u.name = @who', [], { who: '甲公司' });
    const part = { sql: 'u.district_id = ?', params: [districtId] };
    const q = sql<{ id: string }>`SELECT u.${units.id} AS id FROM ${units} u WHERE ${named} AND ${part} AND u.${units.version} = ${1}`;
    expect(all(db.sqlite, q)).toEqual([{ id: 'u1' }]);
  });

  it('reads rows as tuples, the columns in SELECT order', () => {
    const db = open();
    const districtId = value(db.sqlite, sql<string>`SELECT ${districts.id} FROM ${districts} LIMIT 1`) ?? '';
    seedUnit(db, 'u2', '乙公司', districtId);
    seedUnit(db, 'u1', '甲公司', districtId);
    const q = sql<[id: string, name: string, none: null]>`SELECT u.${units.id}, u.${units.name}, NULL FROM ${units} u WHERE u.${units.districtId} = ${districtId} ORDER BY u.${units.id}`;
    expect(tuples(db.sqlite, q)).toEqual([
      ['u1', '甲公司', null],
      ['u2', '乙公司', null],
    ]);
  });

  it('makes a misspelt schema column a compile error (checked by tsc)', () => {
    // @ts-expect-error: units has no districtID column; tsc fails if this line compiles
    const q = sql<{ id: string }>`SELECT ${units.id} FROM ${units} WHERE ${units.districtID} = ${'d1'}`;
    // at run time the missing column is undefined and binds as a null parameter
    expect(q.params).toEqual([null, 'd1']);
  });

  it('gives the declared row type to the result', () => {
    const q = sql<{ n: number }>`SELECT 1 AS n`;
    const check: (rows: { n: number }[]) => void = () => {};
    check([]);
    // @ts-expect-error: a row of { n: number } has no field m
    const wrong = (r: { n: number }[]) => r[0]?.m;
    expect(typeof wrong).toBe('function');
    expect(q.text).toBe('SELECT 1 AS n');
  });
});

describe('sql fragments', () => {
  it('refuse to be pasted into a plain string, where their parameters would be lost', () => {
    const part = sqlFragment`u.name = ${'甲'}`;
    expect(() => `SELECT * FROM units u WHERE ${String(part)}`).toThrow(/SqlFragment used as a string/);
  });
});
