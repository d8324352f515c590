import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { insertManager, insertPieces, insertUnit } from './testing/fixtures.ts';

const now = () => new Date('2026-11-28T02:00:00Z');
const ID = '11010519491231002X';
let t: TestCore;
afterEach(() => t?.cleanup());

async function readBack(contentBase64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, header: rows[0]!, body: rows.slice(1) };
}

describe('grid.export', () => {
  it('writes every filtered row in the grid’s order with the chosen columns, dates as text', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const a = insertUnit(sqlite, { name: '塘桥甲公司' });
    const b = insertUnit(sqlite, { name: '塘桥乙公司' });
    // 2,500 elevators across chunk boundaries, cranes to be filtered out
    sqlite.transaction(() => {
      for (let i = 0; i < 2500; i++) {
        const next = `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        insertPieces(sqlite, i % 2 ? a : b, 1, { next, location: `位置${i}`, extra: { 维保单位: `维保${i % 3}` } });
      }
    })();
    insertPieces(sqlite, a, 7, { kind: '4000', category: '4100', variety: null });
    const filter = { kindCode: '3000', sort: [{ colId: 'nextInspectionDate', sort: 'desc' }] } as const;
    const columns = [
      { colId: 'location', header: '设备使用地点' },
      { colId: 'unitName', header: '使用单位名称' },
      { colId: 'nextInspectionDate', header: '下次检验日期' },
      { colId: 'inspectionStatus', header: '检验状态' },
      { colId: 'status', header: '设备状态' },
      { colId: 'extra.维保单位', header: '维保单位' },
    ];
    const file = await t.ok('grid.export', { grid: 'equipment', filter, columns });
    expect(file).toMatchObject({ fileName: '特种设备_2026-11-28.xlsx', mimeType: expect.stringContaining('spreadsheetml') });

    const { sheet, header, body } = await readBack(file.contentBase64);
    expect(sheet.name).toBe('特种设备');
    expect(header).toEqual(columns.map((c) => c.header));
    const shown: unknown[][] = [];
    for (let start = 0; start < 2500; start += 1000) {
      const page = await t.ok('equipment.query', { ...filter, startRow: start, endRow: start + 1000 });
      shown.push(...page.rows.map((r) => [r.location, r.unitName, r.nextInspectionDate, '正常', '在用', r.extra['维保单位']]));
    }
    expect(body).toHaveLength(2500);
    expect(body).toEqual(shown);
    expect(typeof sheet.getCell('C2').value).toBe('string'); // a date stays text: 2027-12-28, not a serial
  });

  it('exports managers with ID numbers and phones masked, and nothing personal in full anywhere in the file', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const unit = insertUnit(sqlite, { name: '塘桥甲公司' });
    insertManager(sqlite, unit, { name: '张三', certificateNo: 'TSZ001', expiry: '2028-01-01', idNumber: ID, phone: '13812345678', extra: { 备用身份证: ID } });
    const file = await t.ok('grid.export', {
      grid: 'managers',
      filter: {},
      columns: [
        { colId: 'name', header: '姓名' },
        { colId: 'idNumberMasked', header: '身份证号' },
        { colId: 'phoneMasked', header: '联系电话' },
        { colId: 'certificateStatus', header: '证书状态' },
        { colId: 'extra.备用身份证', header: '备用身份证' },
      ],
    });
    const { body } = await readBack(file.contentBase64);
    expect(body).toEqual([['张三', '1101**********002X', '138****5678', '有效', '1101**********002X']]);
    const xml = JSON.stringify(body);
    expect(xml).not.toContain(ID);
    // the personal fields cannot be asked for by their database names
    expect(await t.core.call('grid.export', { grid: 'managers', filter: {}, columns: [{ colId: 'idNumber', header: '身份证号' }] })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('idNumber'),
    });
  });

  it('exports the units grid with its screening columns, the contact phone masked', async () => {
    t = await districtCore({ now });
    const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '塘桥甲公司', uscc: '91330100716105852F', contactPhone: '13812345678' });
    insertPieces(t.core.ctx.database.sqlite, unit.id, 20);
    insertPieces(t.core.ctx.database.sqlite, unit.id, 3, { kind: '2000', category: '2300', variety: '2310' });
    const file = await t.ok('grid.export', {
      grid: 'units',
      filter: { search: '甲' },
      columns: [
        { colId: 'name', header: '使用单位名称' },
        { colId: 'screenedCount', header: '计入台数' },
        { colId: 'equipmentInUse', header: '在用设备' },
        { colId: 'needsCertifiedManager', header: '需配备专职安全管理员' },
        { colId: 'contactPhone', header: '联系电话' },
        { colId: 'updatedAt', header: '更新时间' },
      ],
    });
    expect(file.fileName).toBe('使用单位_2026-11-28.xlsx');
    const { body } = await readBack(file.contentBase64);
    expect(body).toEqual([['塘桥甲公司', 20, 23, '是', '138****5678', '2026-11-28 10:00']]);
  });
});
