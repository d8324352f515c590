import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { equipmentColumns } from './lookups.ts';
import { StagedInserts } from './staging.ts';

let sqlite: Database.Database | undefined;
afterEach(() => sqlite?.close());

const keys = Object.keys(equipmentColumns);

/** A row with a value, a NULL or nothing in each column, and texts of every width. */
function piece(i: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  keys.forEach((key, k) => {
    const turn = (i + k) % 4;
    if (turn === 1) values[key] = null;
    else if (turn === 2) values[key] = `${key}-${i}-张家港𠀀`;
    else if (turn === 3) values[key] = i * 7 + k;
  });
  return values;
}

describe('StagedRows', () => {
  it('gives back every staged row as it was added, across full batches and the partial last one', () => {
    sqlite = new Database(':memory:');
    const staged = new StagedInserts(sqlite);
    // 256 rows per full batch (one statement each); the rest row by row
    const count = 256 * 3 + 41;
    const added = Array.from({ length: count }, (_, i) => piece(i));
    added.forEach((values, i) => staged.equipment.add(`id-${i}`, values));
    staged.finish();
    const expected = added.map((values, i) => ({ id: `id-${i}`, ...Object.fromEntries(keys.map((key) => [key, values[key] ?? null])) }));
    expect([...staged.equipment.values(100)]).toEqual(expected);
    expect(staged.equipment.ids).toEqual(expected.map((row) => row.id));
    expect(sqlite.prepare(`SELECT count(*) FROM temp.sqlite_master WHERE type = 'table'`).pluck().get()).toBe(1);
    staged.drop();
    expect(sqlite.prepare(`SELECT count(*) FROM temp.sqlite_master WHERE type = 'table'`).pluck().get()).toBe(0);
  });
});
