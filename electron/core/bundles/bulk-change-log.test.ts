import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { newId } from '../ids.ts';
import { BULK_LOG_MIN_ROWS, insertWithBulkChangeLog, standardInsertTrigger, type BulkLogOptions } from './bulk-change-log.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

type Row = { id: string; origin: string };

/** Units inserted one statement a row, the way the ledger applier does, optionally through the bulk log. */
function insertUnits(t: TestCore, rows: Row[], bulk: boolean, options: BulkLogOptions = {}): void {
  const sqlite = t.core.ctx.database.sqlite;
  const now = new Date().toISOString();
  const insert = sqlite.prepare("INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, ?, ?, 'seed-district-03', ?, ?)");
  const write = () => {
    for (const [i, r] of rows.entries()) insert.run(r.id, r.origin, now, now, `单位${i}`, `U-${r.id}`);
  };
  sqlite.transaction(() => (bulk ? insertWithBulkChangeLog(sqlite, 'units', rows.map((r) => r.id), write, options) : write()))();
}

const logged = (t: TestCore) =>
  t.core.ctx.database.sqlite.prepare("SELECT row_id FROM sync_changes WHERE table_name = 'units' AND row_id LIKE 'b-%' ORDER BY seq").pluck().all();
const triggerSql = (t: TestCore) => t.core.ctx.database.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'units_sync_insert'").pluck().get() as string;

/** Own and foreign rows interleaved, ids not in sort order. */
function sampleRows(self: string): Row[] {
  return Array.from({ length: BULK_LOG_MIN_ROWS + 50 }, (_, i) => ({
    id: `b-${String((i * 7919) % 10_000).padStart(5, '0')}-${i}`,
    origin: i % 5 === 0 ? 'other-node' : self,
  }));
}

describe('insertWithBulkChangeLog', () => {
  it('leaves exactly the change log the insert trigger leaves, and the trigger in place', async () => {
    t = await districtCore();
    const self = (await t.ok('node.get', {}))!.id;
    const rows = sampleRows(self);
    const before = triggerSql(t);
    expect(before.replace(/\s+/g, ' ').trim()).toBe(standardInsertTrigger('units'));

    // an old line for one own and one foreign id: the trigger replaces the first and leaves the second
    const [own, foreign] = [rows[7]!, rows[10]!];
    expect([own.origin, foreign.origin]).toEqual([self, 'other-node']);
    const staleLines = () => t.core.ctx.database.sqlite.prepare("INSERT INTO sync_changes (table_name, row_id) VALUES ('units', ?), ('units', ?)").run(own.id, foreign.id);

    staleLines();
    insertUnits(t, rows, false);
    const byTrigger = logged(t);
    t.core.ctx.database.sqlite.exec("DELETE FROM units WHERE id LIKE 'b-%'; DELETE FROM sync_changes WHERE row_id LIKE 'b-%'");

    staleLines();
    insertUnits(t, rows, true);
    const inBulk = logged(t);
    expect(inBulk).toEqual(byTrigger);
    expect(inBulk).toEqual([foreign.id, ...rows.filter((r) => r.origin === self).map((r) => r.id)]);
    expect(triggerSql(t)).toBe(before);

    // and the trigger still logs the next single insert
    insertUnits(t, [{ id: 'b-after', origin: self }], false);
    expect(logged(t).at(-1)).toBe('b-after');
  });

  it('logs new own rows (fresh ids, as grading inserts them) as the trigger does, without looking them up', async () => {
    t = await districtCore();
    const self = (await t.ok('node.get', {}))!.id;
    const sqlite = t.core.ctx.database.sqlite;
    const ids = Array.from({ length: BULK_LOG_MIN_ROWS + 50 }, () => `b-${newId()}`);
    const insert = sqlite.prepare("INSERT INTO training_sessions (id, origin_node, created_at, updated_at, title, start_date) VALUES (?, ?, '2026-12-08', '2026-12-08', '培训', '2026-12-08')");
    const write = () => ids.forEach((id) => insert.run(id, self));
    // another table's line for one of the ids, and an earlier line, stay as they are
    const earlierLines = () => sqlite.prepare("INSERT INTO sync_changes (table_name, row_id) VALUES ('persons', ?), ('training_sessions', 'b-earlier')").run(ids[3]);
    const all = () => sqlite.prepare("SELECT table_name || ' ' || row_id FROM sync_changes WHERE row_id LIKE 'b-%' ORDER BY seq").pluck().all();
    const trigger = () => sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'training_sessions_sync_insert'").pluck().get();

    earlierLines();
    sqlite.transaction(write)();
    const byTrigger = all();
    sqlite.exec("DELETE FROM training_sessions WHERE id LIKE 'b-%'; DELETE FROM sync_changes WHERE row_id LIKE 'b-%'");

    const before = trigger();
    earlierLines();
    sqlite.transaction(() => insertWithBulkChangeLog(sqlite, 'training_sessions', ids, write, { newOwnRows: true }))();
    expect(all()).toEqual(byTrigger);
    expect(byTrigger).toEqual([`persons ${ids[3]}`, 'training_sessions b-earlier', ...ids.map((id) => `training_sessions ${id}`)]);
    expect(trigger()).toBe(before);
  });

  it('refuses new own rows that something logged during the insert, writing nothing', async () => {
    t = await districtCore();
    const self = (await t.ok('node.get', {}))!.id;
    // units' name-sort trigger updates each row it inserts, and the update trigger logs it: the ids are not unlogged
    const rows = Array.from({ length: BULK_LOG_MIN_ROWS + 50 }, () => ({ id: `b-${newId()}`, origin: self }));
    expect(() => insertUnits(t, rows, true, { newOwnRows: true })).toThrow(/UNIQUE/);
    expect(t.core.ctx.database.sqlite.prepare("SELECT count(*) FROM units WHERE id LIKE 'b-%'").pluck().get()).toBe(0);
    expect(logged(t)).toEqual([]);
  });

  it('on a failed insert rolls back the rows and keeps the trigger', async () => {
    t = await districtCore();
    const self = (await t.ok('node.get', {}))!.id;
    const before = triggerSql(t);
    const rows = sampleRows(self);
    rows.push({ ...rows[3]! }); // the same id twice: the primary key refuses the last row
    expect(() => insertUnits(t, rows, true)).toThrow(/UNIQUE|PRIMARY/);
    expect(t.core.ctx.database.sqlite.prepare("SELECT count(*) FROM units WHERE id LIKE 'b-%'").pluck().get()).toBe(0);
    expect(logged(t)).toEqual([]);
    expect(triggerSql(t)).toBe(before);
  });

  it('refuses to run outside a transaction', async () => {
    t = await districtCore();
    expect(() => insertWithBulkChangeLog(t.core.ctx.database.sqlite, 'units', [], () => {})).toThrow(/transaction/);
  });
});
