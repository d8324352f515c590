import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { Equipment } from '../../api/schemas/registry.ts';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { cellReaders } from './grid-columns.ts';
import { insertPieces, insertUnit } from './testing/fixtures.ts';

// The 特种设备 export reads only the fields its columns need and takes the unit's
// fields from a lookup (equipment-export-rows.ts): every column, in every order,
// must hold exactly what the grid's own rows give through the same cell readers.

const now = () => new Date('2026-12-01T02:00:00Z');
let t: TestCore;
afterEach(() => t?.cleanup());

async function exported(columns: { colId: string; header: string }[], filter: Record<string, unknown>) {
  const file = await t.ok('grid.export', { grid: 'equipment', filter, columns });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  // a row whose cells are all empty is still a row of the export
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push(columns.map((_, i) => (row.values as unknown[])[i + 1] ?? null)));
  return rows;
}

async function shown(colIds: string[], filter: Record<string, unknown>) {
  const readers = cellReaders('equipment', colIds);
  const rows: unknown[][] = [];
  for (let start = 0; ; start += 500) {
    const page = await t.ok('equipment.query', { ...filter, startRow: start, endRow: start + 500 });
    rows.push(...page.rows.map((r) => readers.map((read) => read(r as unknown as Record<string, unknown>))));
    if (start + 500 >= page.total) return rows;
  }
}

describe('grid.export of the 特种设备 grid', () => {
  it('holds, for every column of the grid, what the grid rows hold', async () => {
    t = await districtCore({ now });
    const node = (await t.ok('node.get', {}))!.id;
    const { sqlite } = t.core.ctx.database;
    insertModel(sqlite, generateDistrict({ seed: 7, units: 40 }), { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
    // a piece with a derived next date and a piece with ledger columns of its own
    const unit = insertUnit(sqlite, { name: '塘桥甲公司' });
    const [derived] = insertPieces(sqlite, unit, 1, { next: '2027-03-01', extra: { 维保单位: '维保甲', 联系电话: '13812345678' } });
    sqlite.prepare("UPDATE equipment SET next_inspection_source = 'derived' WHERE id = ?").run(derived);

    const colIds = [...Object.keys(Equipment.shape), 'extra.维保单位', 'extra.联系电话'];
    const columns = colIds.map((colId) => ({ colId, header: `列${colId}` }));
    for (const filter of [{}, { sort: [{ colId: 'unitName', sort: 'asc' }] }, { status: ['in_use'], sort: [{ colId: 'nextInspectionDate', sort: 'desc' }] }]) {
      const [header, ...body] = await exported(columns, filter);
      expect(header).toEqual(columns.map((c) => c.header));
      const expected = await shown(colIds, filter);
      expect(body.length).toBeGreaterThan(100);
      expect(body).toEqual(expected);
    }
    // a column chosen without the fields it is computed from still gets them (the id keeps empty rows in the sheet)
    for (const colId of ['kindName', 'inspectionStatus', 'nextInspectionDate', 'districtName', 'extra.联系电话']) {
      const [, ...body] = await exported([{ colId: 'id', header: '编号' }, { colId, header: '列' }], {});
      expect(body).toEqual(await shown(['id', colId], {}));
    }
    const [, ...masked] = await exported([{ colId: 'extra.联系电话', header: '联系电话' }, { colId: 'nextInspectionDate', header: '下次检验日期' }], { unitId: unit });
    expect(masked).toEqual([['138****5678', '2027-03-01（推算）']]);
  });
});
