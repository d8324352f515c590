import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exited } from '../../../tests/support/child.ts';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { openCore } from '../open-core.ts';
import { insertPieces } from '../registry/testing/fixtures.ts';
import { derivedAgainstRebuild } from './testing/derived-check.ts';
import { dbSnapshot, equipmentHeader, equipmentRow, managerHeader, writeXlsx } from './test-fixtures.ts';

// The ledger import writes the pieces' search index, counts and risk marks in bulk while a
// flag row makes the per-row triggers step aside. After an import, a cancelled one, a failed
// one and one killed half-way, they must equal a full rebuild from the pieces, and the flag
// must be gone (or the triggers of every later write would stay silent).

let t: TestCore;
afterEach(() => t?.cleanup());

async function ledger(name: string, equipment: unknown[][]): Promise<string> {
  const file = `${t.dir}/${name}`;
  await writeXlsx(file, [
    { name: '设备台账', rows: [equipmentHeader, ...equipment] as never },
    { name: '安全管理人员', rows: [managerHeader] as never },
  ]);
  return file;
}

const pieces = (from: number, n: number, units: number, overrides: (i: number) => Record<string, string> = () => ({})) =>
  Array.from({ length: n }, (_, k) => equipmentRow(from + k, 1 + (k % units), overrides(from + k)));
// some pieces stopped, some without a next inspection date, some at odd locations: several count rows per unit
const varied = (i: number): Record<string, string> => ({
  ...(i % 7 === 0 ? { 设备状态: '停用' } : {}),
  ...(i % 5 === 0 ? { 下次检验日期: '' } : { 下次检验日期: `2027-0${1 + (i % 9)}-15` }),
  ...(i % 3 === 0 ? { 设备使用地点: `Café ${i} 号库` } : {}),
});

function expectAsRebuilt(step: string): number {
  const state = derivedAgainstRebuild(t.core.ctx.database.sqlite);
  expect({ step, ...state.kept }).toEqual({ step, ...state.rebuilt });
  return state.searchEntries;
}

/** The rows an import may touch, with the risk marks and the change log, which the rebuild does not cover. */
const snapshot = () => {
  const { sqlite } = t.core.ctx.database;
  return dbSnapshot(sqlite) + JSON.stringify(['risk_dirty', 'sync_changes'].map((table) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
};

const found = (text: string) =>
  t.core.ctx.database.sqlite.prepare('SELECT e.internal_no FROM equipment e WHERE e.rowid IN (SELECT rowid FROM equipment_search WHERE equipment_search MATCH ?) ORDER BY 1').pluck().all(`"${text}"`);

describe('the derived data of a bulk import', () => {
  it('equals a full rebuild after imports onto existing pieces, and the triggers work again afterwards', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('a.xlsx', pieces(1, 600, 20, varied)) } })).planId });
    expect(expectAsRebuilt('first import')).toBeGreaterThan(600 * 20);

    // the second file: pieces for the same units and for new ones, and a change of an existing piece
    sqlite.exec('DELETE FROM risk_dirty');
    const second = [equipmentRow(1, 1, { 设备状态: '停用' }), ...pieces(1001, 700, 40, varied)];
    const plan = await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('b.xlsx', second) } });
    expect(plan.equipment).toMatchObject({ inserted: 700, updated: 1 });
    await t.ok('ledger.apply', { planId: plan.planId });
    expectAsRebuilt('second import');
    // the memory map, off while the new pieces are read again, is back
    expect(sqlite.pragma('mmap_size', { simple: true })).toBe(268435456);
    expect(found('café 1005 号')).toEqual(['DT-1005']);
    // the units that got pieces are marked for rescoring, those of the first file among them
    const unmarked = sqlite.prepare("SELECT DISTINCT unit_id FROM equipment WHERE internal_no LIKE 'DT-1___' EXCEPT SELECT unit_id FROM risk_dirty").all();
    expect(unmarked).toEqual([]);

    // a piece written by any other writer goes through the triggers, which the flag no longer silences
    const unitId = sqlite.prepare('SELECT unit_id FROM equipment LIMIT 1').pluck().get() as string;
    sqlite.exec('DELETE FROM risk_dirty');
    insertPieces(sqlite, unitId, 1, { equipmentCode: 'ZZ9988776655', status: 'in_use', next: '2028-01-01' });
    expectAsRebuilt('a piece inserted after the import');
    expect(sqlite.prepare('SELECT unit_id FROM risk_dirty').pluck().all()).toEqual([unitId]);
  });

  it('finds the new pieces by id when their rowids do not follow the old ones (the largest rowid is taken)', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('a.xlsx', pieces(1, 50, 5, varied)) } })).planId });
    // SQLite then picks free rowids at random, below the old ones
    sqlite
      .prepare("INSERT INTO equipment (rowid, id, origin_node, created_at, updated_at, unit_id, equipment_code, status) SELECT 9223372036854775807, 'last', origin_node, created_at, updated_at, unit_id, 'LAST-ROWID', 'in_use' FROM equipment LIMIT 1")
      .run();
    sqlite.exec('DELETE FROM risk_dirty');
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('b.xlsx', pieces(1001, 600, 8, varied)) } })).planId });
    expectAsRebuilt('new pieces at random rowids');
    expect(found('last-rowid')).toEqual([null]);
    expect(sqlite.prepare("SELECT DISTINCT unit_id FROM equipment WHERE internal_no LIKE 'DT-1___' EXCEPT SELECT unit_id FROM risk_dirty").all()).toEqual([]);
  });

  it('a cancel or a failure in the middle of writing the pieces leaves the flag unset and the data as rebuilt', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('a.xlsx', pieces(1, 300, 10, varied)) } })).planId });
    const plan = await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('b.xlsx', pieces(1001, 1500, 30, varied)) } });
    const before = snapshot();
    const flagWhenInserting: unknown[] = [];

    // the user's cancel arrives while the 1,200th new piece is being written (the flag is set then)
    sqlite.function('cancel_apply', (flag: unknown) => {
      flagWhenInserting.push(flag);
      return t.core.ctx.jobs.cancel('apply-mid') ? 1 : 0;
    });
    sqlite.exec("CREATE TEMP TRIGGER cancel_midway AFTER INSERT ON equipment WHEN NEW.internal_no = 'DT-2200' BEGIN SELECT cancel_apply((SELECT writer FROM equipment_bulk_insert)); END");
    const cancelled = await t.core.call('ledger.apply', { planId: plan.planId, jobId: 'apply-mid' });
    expect(cancelled).toMatchObject({ ok: false, code: 'CANCELLED', message: expect.stringContaining('回滚') });
    expect(flagWhenInserting).toEqual(['ledger.apply']);
    expect(snapshot()).toBe(before);
    expectAsRebuilt('after the cancel');
    sqlite.exec('DROP TRIGGER cancel_midway');

    // the database refuses the 1,400th new piece
    sqlite.exec("CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON equipment WHEN NEW.internal_no = 'DT-2400' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    expect(await t.core.call('ledger.apply', { planId: plan.planId })).toMatchObject({ ok: false });
    expect(snapshot()).toBe(before);
    expectAsRebuilt('after the failure');
    sqlite.exec('DROP TRIGGER fail_midway');

    await t.ok('ledger.apply', { planId: plan.planId });
    expect(sqlite.prepare('SELECT count(*) FROM equipment').pluck().get()).toBe(1800);
    expectAsRebuilt('after the import that went through');
  });

  it('a process killed while the flag is set leaves, on the next open, no flag and the data as rebuilt', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: await ledger('a.xlsx', pieces(1, 200, 10, varied)) } })).planId });
    const file = await ledger('b.xlsx', pieces(1001, 3000, 30, varied));
    const before = snapshot();
    t.core.close();
    const walBefore = statSync(`${t.file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing/crash-mid-apply.ts', import.meta.url)), t.file, file, 'DT-3500'], { stdio: 'ignore' });
    expect(await exited(child)).toMatchObject({ signal: 'SIGKILL' });
    // the killed transaction's pages, the flag among them, reached the WAL uncommitted
    expect(statSync(`${t.file}-wal`).size).toBeGreaterThan(walBefore + 256 * 1024);

    const core = openCore({ file: t.file, host: 'test', actor: 'tester' });
    t = { ...t, core, ok: async (name, input) => {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.code} ${result.message}`);
      return result.value;
    }, cleanup: ((cleanup) => () => { core.close(); cleanup(); })(t.cleanup) };
    expect(snapshot()).toBe(before);
    expectAsRebuilt('after the crash');
    // the same file imports now, through the bulk path
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: file } })).planId });
    expectAsRebuilt('after importing again');
  }, 120_000);
});
