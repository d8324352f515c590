import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { equipmentHeader, equipmentRow, writeXlsx } from './test-fixtures.ts';

// When a ledger gives only 上次检验日期, the next date is derived from the kind's
// periodic-inspection interval (a setting), marked 推算 in the grid and exports,
// and never overrides a recorded 下次检验日期.

const now = () => new Date('2026-03-01T02:00:00Z');
let t: TestCore;
afterEach(() => t?.cleanup());

async function ledger(name: string, rows: unknown[][], header = equipmentHeader): Promise<string> {
  const file = `${t.dir}/${name}`;
  await writeXlsx(file, [{ name: '设备台账', rows: [header, ...rows] as never }]);
  return file;
}
const importFile = async (file: string) => {
  const plan = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
  await t.ok('ledger.apply', { planId: plan.planId });
  return plan;
};
const stored = () =>
  Object.fromEntries(
    (t.core.ctx.database.sqlite.prepare('SELECT internal_no AS no, next_inspection_date AS next, next_inspection_source AS source FROM equipment').all() as { no: string; next: string | null; source: string | null }[]).map(
      (r) => [r.no, [r.next, r.source]],
    ),
  );

const elevator = (i: number, o: Record<string, unknown> = {}) => equipmentRow(i, 1, { 上次检验日期: '2025-03-10', 下次检验日期: null, ...o } as never);
const bridgeCrane = (i: number, o: Record<string, unknown> = {}) =>
  equipmentRow(i, 1, { 设备类别: '桥式起重机', 设备品种: '通用桥式起重机', 上次检验日期: '2025-03-10', 下次检验日期: null, ...o } as never);
const cylinder = (i: number) => equipmentRow(i, 1, { 设备类别: '气瓶', 设备品种: '无缝气瓶', 上次检验日期: '2025-03-10', 下次检验日期: null });

describe('next inspection date from the last one', () => {
  it('derives it by the kind’s interval, marks it 推算 in the grid and the export, and prefers a recorded date', async () => {
    t = await districtCore({ now });
    const first = await ledger('a.xlsx', [elevator(1), bridgeCrane(2), elevator(3, { 下次检验日期: '2025-09-01' }), cylinder(4)]);
    await importFile(first);
    expect(stored()).toEqual({
      'DT-1': ['2026-03-10', 'derived'],
      'DT-2': ['2027-03-10', 'derived'], // bridge cranes: every 2 years
      'DT-3': ['2025-09-01', 'recorded'],
      'DT-4': [null, null], // gas cylinders: no interval, no date made up
    });

    // The grid: a derived date counts for 正常/临期/超期 like a recorded one, and says where it comes from.
    const page = await t.ok('equipment.query', { sort: [{ colId: 'updatedAt', sort: 'asc' }] });
    const byNo = Object.fromEntries(page.rows.map((r) => [r.internalNo, r]));
    expect(byNo['DT-1']).toMatchObject({ nextInspectionDate: '2026-03-10', nextInspectionSource: 'derived', inspectionStatus: 'due' });
    expect(byNo['DT-3']).toMatchObject({ nextInspectionSource: 'recorded', inspectionStatus: 'overdue' });
    expect(byNo['DT-4']).toMatchObject({ nextInspectionDate: null, nextInspectionSource: null, inspectionStatus: 'unknown' });
    expect((await t.ok('equipment.query', { inspection: 'due' })).total).toBe(1);

    const file = await t.ok('grid.export', {
      grid: 'equipment',
      filter: {},
      columns: [
        { colId: 'internalNo', header: '单位内编号' },
        { colId: 'nextInspectionDate', header: '下次检验日期' },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells: string[][] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 1 && cells.push((row.values as string[]).slice(1)));
    expect(Object.fromEntries(cells.map(([no, next]) => [no, next ?? null]))).toEqual({
      'DT-1': '2026-03-10（推算）',
      'DT-2': '2027-03-10（推算）',
      'DT-3': '2025-09-01',
      'DT-4': null,
    });

    // The same file again changes nothing.
    const again = await t.ok('ledger.preview', { source: { kind: 'path', path: first } });
    expect(again).toMatchObject({ equipment: { inserted: 0, updated: 0, unchanged: 4 }, updates: [] });

    // A newer ledger: a recorded date replaces the derived one; a newer last date moves a derived one.
    const newer = await ledger('b.xlsx', [elevator(1, { 下次检验日期: '2026-04-30' }), bridgeCrane(2, { 上次检验日期: '2026-02-20' }), elevator(3, { 下次检验日期: '2025-09-01' }), cylinder(4)]);
    const plan = await importFile(newer);
    expect(plan.updates.map((u) => [u.row, u.changes])).toEqual([
      [
        2,
        [
          { field: 'nextInspectionDate', before: '2026-03-10', after: '2026-04-30' },
          { field: 'nextInspectionSource', before: 'derived', after: 'recorded' },
        ],
      ],
      [
        3,
        [
          { field: 'lastInspectionDate', before: '2025-03-10', after: '2026-02-20' },
          { field: 'nextInspectionDate', before: '2027-03-10', after: '2028-02-20' },
        ],
      ],
    ]);
    expect(stored()).toMatchObject({ 'DT-1': ['2026-04-30', 'recorded'], 'DT-2': ['2028-02-20', 'derived'] });

    // A ledger without the 下次检验日期 column keeps a recorded date that is still ahead of the last inspection.
    const header = equipmentHeader.filter((h) => h !== '下次检验日期');
    const without = (row: unknown[]) => row.filter((_, i) => equipmentHeader[i] !== '下次检验日期');
    const plan2 = await importFile(await ledger('c.xlsx', [without(elevator(1, { 上次检验日期: '2025-04-30' }))], header));
    expect(plan2.updates.map((u) => u.changes)).toEqual([[{ field: 'lastInspectionDate', before: '2025-03-10', after: '2025-04-30' }]]);
    expect(stored()['DT-1']).toEqual(['2026-04-30', 'recorded']);
  });

  it('moves this node’s derived dates when the interval setting changes; recorded dates stay', async () => {
    t = await districtCore({ now });
    await importFile(await ledger('a.xlsx', [elevator(1), elevator(2, { 下次检验日期: '2026-01-01' }), bridgeCrane(3)]));
    const settings = await t.ok('settings.get', {});
    expect(settings.registry.inspectionIntervals).toContainEqual({ code: '3000', months: 12 });
    const intervals = settings.registry.inspectionIntervals.map((r) => (r.code === '3000' ? { ...r, months: 6 } : r));
    await t.ok('settings.update', { registry: { inspectionIntervals: intervals } });
    expect(stored()).toEqual({ 'DT-1': ['2025-09-10', 'derived'], 'DT-2': ['2026-01-01', 'recorded'], 'DT-3': ['2027-03-10', 'derived'] });
    const { sqlite } = t.core.ctx.database;
    expect(sqlite.prepare("SELECT version FROM equipment WHERE internal_no = 'DT-1'").pluck().get()).toBe(2);
    const audit = sqlite.prepare("SELECT before, after FROM audit_log WHERE table_name = 'equipment' AND call = 'settings.update'").get() as { before: string; after: string };
    expect(Object.values(JSON.parse(audit.before).nextInspectionDate)).toEqual(['2026-03-10']);
    expect(Object.values(JSON.parse(audit.after).nextInspectionDate)).toEqual(['2025-09-10']);

    const refused = await t.core.call('settings.update', { registry: { inspectionIntervals: [{ code: '9999', months: 12 }] } });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'inspectionIntervals' } });
  });
});
