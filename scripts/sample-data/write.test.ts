import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUscc } from '../../electron/core/validation/uscc.ts';
import { tempDir } from '../../tests/support/temp.ts';
import { EQUIPMENT_COLUMNS, MANAGER_COLUMNS } from './columns.ts';
import type { ExpectedIssue } from './defects.ts';
import { generateDistrict } from './generate.ts';
import { cellText } from './sheets.ts';
import { writeLedgerCsv } from './write-csv.ts';
import { writeLedgerXlsx } from './write-xlsx.ts';

const temp = tempDir('qkl-sample-');
afterAll(() => temp.cleanup());
// ~300 rows: enough for every date form and defect, small enough to read back quickly
const model = generateDistrict({
  seed: 5,
  units: 30,
  equipmentPerUnit: [
    { profile: 'small', weight: 75, min: 1, max: 10 },
    { profile: 'medium', weight: 10, min: 11, max: 19 },
    { profile: 'large', weight: 15, min: 20, max: 30 },
  ],
});

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  return cellText(value instanceof Date || typeof value === 'number' || typeof value === 'string' ? value : String(value));
}

function rowTexts(ws: ExcelJS.Worksheet, row: number, width: number): string[] {
  return Array.from({ length: width }, (_, i) => text(ws.getRow(row).getCell(i + 1).value));
}

describe('writeLedgerXlsx', () => {
  it('writes title rows, the exact headers, every row, and the defects where the report says', async () => {
    const file = temp.file('ledger.xlsx');
    const result = await writeLedgerXlsx(model, file, { defects: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [eq, mg] = result.sheets;
    const ws = wb.getWorksheet('设备台账')!;
    expect(ws.getCell('A1').value).toBe('张家港市塘桥分局特种设备台账（2020年专项整治）');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(String(ws.getCell('A2').value)).toMatch(/^导出时间：/);
    expect(eq!.headerRow).toBe(3);
    expect(rowTexts(ws, 3, EQUIPMENT_COLUMNS.length)).toEqual(EQUIPMENT_COLUMNS.map((c) => c[1]));
    expect(ws.actualRowCount).toBe(eq!.lastRow);
    expect(eq!.dataRows).toBe(model.equipment.length + 9);
    expect(rowTexts(wb.getWorksheet('安全管理人员')!, mg!.headerRow, MANAGER_COLUMNS.length)).toEqual(MANAGER_COLUMNS.map((c) => c[1]));

    const report = result.defects!;
    const all: ExpectedIssue[] = [...report.errors, ...report.warnings, ...report.folded];
    expect(all.map((e) => e.code).sort()).toEqual(
      ['CATEGORY_LEGACY', 'CATEGORY_UNKNOWN', 'DATE_INVALID', 'DUPLICATE_ROW', 'EQUIPMENT_CODE_CONFLICT', 'ID_CHECK', 'ITEM_LEGACY', 'REQUIRED_MISSING', 'STATUS_UNKNOWN', 'USCC_CHECK', 'USCC_LENGTH'],
    );
    expect(report.warnings.map((e) => e.code)).toEqual(['DATE_INVALID', 'CATEGORY_LEGACY', 'ITEM_LEGACY']);
    expect(report.imported).toEqual({ equipment: model.equipment.length + 2, managers: model.managers.length });
    for (const issue of all) {
      const sheet = wb.getWorksheet(issue.sheet)!;
      const headers = rowTexts(sheet, 3, sheet.columnCount);
      if (issue.column) expect(text(sheet.getRow(issue.row).getCell(headers.indexOf(issue.column) + 1).value), issue.code).toBe(issue.value);
    }
    const codeCol = EQUIPMENT_COLUMNS.findIndex((c) => c[0] === 'equipmentCode');
    const rows = Array.from({ length: eq!.dataRows }, (_, i) => rowTexts(ws, eq!.headerRow + 1 + i, EQUIPMENT_COLUMNS.length));
    const at = (row: number) => rows[row - eq!.headerRow - 1]!;
    // the duplicate repeats an earlier row exactly; the conflict shares an earlier row's 设备代码 only
    const dup = at(report.folded[0]!.row);
    expect(rows.slice(0, report.folded[0]!.row - eq!.headerRow - 1).some((r) => r.join('|') === dup.join('|'))).toBe(true);
    const conflict = report.errors.find((e) => e.code === 'EQUIPMENT_CODE_CONFLICT')!;
    const earlier = rows.slice(0, conflict.row - eq!.headerRow - 1).filter((r) => r[codeCol] === conflict.value);
    expect(earlier).toHaveLength(1);
    expect(earlier[0]!.join('|')).not.toBe(at(conflict.row).join('|'));

    // outside the defect rows every credit code passes after normalisation, however it was written
    const defectRows = new Set(all.filter((e) => e.sheet === '设备台账').map((e) => e.row));
    const usccCol = EQUIPMENT_COLUMNS.findIndex((c) => c[0] === 'uscc');
    const written = rows.filter((_, i) => !defectRows.has(eq!.headerRow + 1 + i)).map((r) => r[usccCol]!);
    for (const code of written) expect(checkUscc(code).ok, code).toBe(true);
    expect(written.some((c) => c !== c.toUpperCase() || c !== c.trim() || /[０-９]/.test(c))).toBe(true);
  });

  it('writes dates in all the forms real ledgers use', async () => {
    const file = temp.file('dates.xlsx');
    const result = await writeLedgerXlsx(model, file, { managers: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const col = EQUIPMENT_COLUMNS.findIndex((c) => c[0] === 'nextInspectionDate') + 1;
    const values = Array.from({ length: result.sheets[0]!.dataRows }, (_, i) => ws.getRow(4 + i).getCell(col).value);
    expect(values.some((v) => v instanceof Date)).toBe(true);
    expect(values.some((v) => typeof v === 'number' && v > 30_000)).toBe(true);
    for (const form of [/^\d{4}-\d{2}-\d{2}$/, /^\d{4}\/\d{1,2}\/\d{1,2}$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{4}\.\d{2}\.\d{2}$/, /^\d{8}$/]) {
      expect(values.some((v) => typeof v === 'string' && form.test(v)), String(form)).toBe(true);
    }
    expect(wb.worksheets).toHaveLength(1);
  });

  it('supports header variants, generic sheet names and a single title row', async () => {
    const file = temp.file('variants.xlsx');
    const result = await writeLedgerXlsx(model, file, { headerVariants: true, titleRows: 1, sheetNames: { equipment: 'Sheet1', managers: 'Sheet2' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Sheet2']);
    expect(result.sheets[0]!.headerRow).toBe(2);
    const headers = rowTexts(wb.getWorksheet('Sheet1')!, 2, EQUIPMENT_COLUMNS.length);
    expect(headers).toEqual(EQUIPMENT_COLUMNS.map((c) => c[2]));
    expect(headers).toContain('下次检验日期（年月日）');
    expect(headers).toContain('统一社会信用代码 ');
  });
});

describe('writeLedgerCsv', () => {
  it('writes GBK that decodes to the same header, with defects on the reported lines', async () => {
    const file = temp.file('equipment.csv');
    const result = await writeLedgerCsv(model, file, { encoding: 'gbk', sheet: 'equipment', defects: true });
    const lines = iconv.decode(readFileSync(file), 'gbk').split('\r\n');
    expect(lines[0]).toMatch(/^张家港市塘桥分局特种设备台账（2020年专项整治）,+$/);
    expect(lines[2]!.split(',')).toEqual(EQUIPMENT_COLUMNS.map((c) => c[1]));
    expect(lines).toHaveLength(result.sheets[0]!.lastRow + 1); // last line ends with CRLF
    for (const issue of [...result.defects!.errors, ...result.defects!.warnings]) {
      expect(issue.sheet).toBe('equipment');
      const cells = lines[issue.row - 1]!.split(',');
      expect(cells[lines[2]!.split(',').indexOf(issue.column)], issue.code).toBe(issue.value);
    }
  });

  it('writes UTF-8 with a BOM, or without', async () => {
    const withBom = await writeLedgerCsv(model, temp.file('m1.csv'), { encoding: 'utf8', sheet: 'managers', titleRows: 0 });
    const bytes = readFileSync(withBom.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(MANAGER_COLUMNS.map((c) => c[1]).join(','));
    const plain = await writeLedgerCsv(model, temp.file('m2.csv'), { encoding: 'utf8', sheet: 'managers', bom: false });
    expect(readFileSync(plain.file).toString('utf8').startsWith('张家港市')).toBe(true);
  });
});
