import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { openLedger, rowsOf } from './reader.ts';
import { reorderZip, writeCsv, writeXlsx } from './test-fixtures.ts';
import type { RawRow } from './types.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
const file = (name: string) => {
  const t = tempDir();
  temps.push(t);
  return t.file(name);
};

async function readAll(path: string, name = path) {
  const ledger = await openLedger(path, name);
  const sheets: { name: string; rows: RawRow[] }[] = [];
  for await (const sheet of ledger.sheets) {
    const rows: RawRow[] = [];
    for await (const row of rowsOf(sheet)) rows.push(row);
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

// retry: exceljs 4.4.0's streaming reader intermittently finds no sheet in a file exceljs just
// wrote (zip part order varies per write; see xlsx-patches.ts). Known bug, open on issue 3.
describe('xlsx', { retry: 2 }, () => {
  it('streams every sheet with Excel row numbers, dates as dates, formulas by their saved result', async () => {
    const path = file('台账.xlsx');
    await writeXlsx(path, [
      {
        name: '设备',
        rows: [['标题'], [], ['日期', '公式', '无结果', '富文本'], [new Date(Date.UTC(2023, 4, 1)), { formula: '1+1', result: 2 }, { formula: 'A1' }, null]],
        merges: ['A1:D1'],
        dateColumns: [1],
      },
      { name: 'Sheet2', rows: [['x']] },
    ]);
    const sheets = await readAll(path);
    expect(sheets.map((s) => s.name)).toEqual(['设备', 'Sheet2']);
    const [title, header, data] = sheets[0]!.rows;
    expect([title!.number, header!.number, data!.number]).toEqual([1, 3, 4]); // the empty row 2 is skipped, numbering is not
    expect(data!.cells[0]).toEqual(new Date(Date.UTC(2023, 4, 1)));
    expect(data!.cells[1]).toBe(2);
    expect(data!.cells[2]).toEqual({ problem: 'formula', text: '=A1' });
  });

  it('joins rich text and keeps long numbers as the numbers Excel stored', async () => {
    const path = file('rich.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow([{ richText: [{ text: '张家港' }, { text: '塘桥', font: { bold: true } }] }, 320582199001011234, { error: '#N/A' }]);
    await workbook.xlsx.writeFile(path);
    const [row] = (await readAll(path))[0]!.rows;
    expect(row!.cells[0]).toBe('张家港塘桥');
    expect(Number.isSafeInteger(row!.cells[1])).toBe(false);
    expect(row!.cells[2]).toEqual({ problem: 'error', text: '#N/A' });
  });

  it('refuses files that are not a readable xlsx, saying what to do', async () => {
    const garbage = file('坏.xlsx');
    writeFileSync(garbage, 'this is not a zip file at all');
    await expect(openLedger(garbage, '坏.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('另存为 .xlsx') });
    const xls = file('旧.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(openLedger(xls, '旧.xls')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('Excel 97-2003') });
    const empty = file('空.xlsx');
    writeFileSync(empty, '');
    await expect(openLedger(empty, '空.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
    await expect(openLedger(file('没有.xlsx'), '没有.xlsx')).rejects.toMatchObject({ code: 'UNREADABLE_FILE' });
    const pdf = file('x.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    await expect(openLedger(pdf, 'x.pdf')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('.xlsx 和 .csv') });
  });

  it('never splits a Chinese character at a chunk boundary (inline and shared strings)', async () => {
    // exceljs decodes 16 KB chunks one by one: without our fix about one cell in a few hundred came out with "��"
    const texts = Array.from({ length: 3000 }, (_, i) => `张家港市塘桥镇第${i}号${'特种设备安全监督'.slice(0, 1 + (i % 8))}有限公司`);
    for (const [name, shared] of [['inline.xlsx', false], ['shared.xlsx', true]] as const) {
      const path = file(name);
      if (shared) {
        await writeXlsx(path, [{ name: '表', rows: texts.map((t) => [t]) }]); // the in-memory writer uses shared strings
      } else {
        const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
        const sheet = writer.addWorksheet('表');
        for (const t of texts) sheet.addRow([t]).commit();
        await writer.commit();
      }
      const [sheet] = await readAll(path);
      expect(sheet!.rows.map((r) => r.cells[0])).toEqual(texts);
    }
  });

  it('reads zips whatever the order of their parts (shared strings before the sheet, workbook.xml last)', async () => {
    const path = file('order.xlsx');
    await writeXlsx(path, [
      { name: '设备台账', rows: [['使用单位名称', '设备代码'], ['甲公司', '31103205822015000001']] },
      { name: '人员', rows: [['姓名'], ['张三']] },
    ]);
    const last = (names: string[], pick: (n: string) => boolean) => [...names.filter((n) => !pick(n)), ...names.filter(pick)];
    const first = (names: string[], pick: (n: string) => boolean) => [...names.filter(pick), ...names.filter((n) => !pick(n))];
    const orders: ((names: string[]) => string[])[] = [
      (names) => last(first(names, (n) => /sharedStrings|_rels/.test(n)), (n) => n === 'xl/workbook.xml'),
      (names) => first(names, (n) => n === 'xl/workbook.xml' || n.includes('_rels') || n.includes('sharedStrings')),
      (names) => [...names].reverse(),
    ];
    for (const order of orders) {
      reorderZip(path, order);
      // streamed in the zip's order: which sheet comes first may differ, names and rows may not
      const sheets = (await readAll(path)).sort((a, b) => b.name.localeCompare(a.name));
      expect(sheets.map((s) => [s.name, s.rows.map((r) => r.cells)])).toEqual([
        ['设备台账', [['使用单位名称', '设备代码'], ['甲公司', '31103205822015000001']]],
        ['人员', [['姓名'], ['张三']]],
      ]);
    }
  });

  it('reports a damaged file instead of waiting for it forever', async () => {
    const path = file('damaged.xlsx');
    await writeXlsx(path, [{ name: 'S', rows: Array.from({ length: 300 }, (_, i) => [`第${i}行`, i, '张家港市塘桥镇人民路']) }]);
    const bytes = readFileSync(path);
    for (let i = 1500; i < 1900; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff; // inside the compressed sheet; the zip directory is intact
    writeFileSync(path, bytes);
    await expect(readAll(path)).rejects.toThrow();
  });

  it('refuses a sheet wider than the column cap', async () => {
    const path = file('wide.xlsx');
    const row = Array.from({ length: 300 }, (_, i) => `c${i}`);
    await writeXlsx(path, [{ name: 'S', rows: [row] }]);
    await expect(readAll(path)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('超过 256 列') });
  });
});

describe('csv', () => {
  const rows = [
    ['使用单位名称', '备注'],
    ['张家港市塘桥某某有限公司', '含,逗号'],
    ['乙公司', '两行\n说明 "引号"'],
    [null, null],
    ['丙', '="320582199001011234"'],
  ];

  it.each(['utf8', 'utf8-bom', 'gbk'] as const)('reads %s, with quotes, commas and line breaks inside fields', async (encoding) => {
    const path = file(`设备台账-${encoding}.csv`);
    writeCsv(path, rows, encoding);
    const [sheet] = await readAll(path, `设备台账-${encoding}.csv`);
    expect(sheet!.name).toBe(`设备台账-${encoding}`);
    expect(sheet!.rows.map((r) => r.number)).toEqual([1, 2, 3, 5]); // the empty record 4 is skipped, numbering is not
    expect(sheet!.rows.map((r) => r.cells)).toEqual([
      ['使用单位名称', '备注'],
      ['张家港市塘桥某某有限公司', '含,逗号'],
      ['乙公司', '两行\n说明 "引号"'],
      ['丙', '320582199001011234'],
    ]);
  });

  it('reads tab-separated text and a staged file without extension by content', async () => {
    const path = file('tabs.txt');
    writeFileSync(path, iconv.encode('使用单位名称\t设备代码\r\n甲\t31101234567890123\r\n', 'gbk'));
    const [sheet] = await readAll(path, '设备.txt');
    expect(sheet!.rows[1]!.cells).toEqual(['甲', '31101234567890123']);
  });
});
