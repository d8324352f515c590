import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { equipmentHeader, equipmentRow, uscc, writeXlsx } from './test-fixtures.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

const headers = [...equipmentHeader, '维保单位'];
const row = (i: number, overrides: Record<string, unknown> = {}) => [...equipmentRow(i, 1, overrides as never), `维保${i}`];

describe('error report', () => {
  it('gives back the problem rows as they were, with 错误原因; fixed, they import cleanly', async () => {
    t = await districtCore();
    const file = `${t.dir}/台账.xlsx`;
    const commissioned = new Date(Date.UTC(2017, 2, 1));
    await writeXlsx(file, [
      {
        name: '设备台账',
        rows: [
          ['张家港市塘桥分局特种设备台账'],
          headers,
          row(1),
          row(2, { 统一社会信用代码: '91320582000000001A', 投入使用日期: commissioned }), // wrong check digit
          row(3, { 设备状态: '在修' }),
          row(4, { 下次检验日期: '2025-02-30' }), // imported without the date: still worth fixing
        ],
        merges: ['A1:T1'],
        dateColumns: [19],
      },
    ]);
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'USCC_CHECK'],
      [5, 'STATUS_UNKNOWN'],
    ]);
    await t.ok('ledger.apply', { planId: preview.planId });

    const report = await t.ok('ledger.errorReport', { planId: preview.planId });
    expect(report).toMatchObject({ fileName: '台账-问题行.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const reportFile = `${t.dir}/${report.fileName}`;
    writeFileSync(reportFile, Buffer.from(report.contentBase64, 'base64'));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reportFile);
    const sheet = workbook.getWorksheet('设备台账')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['错误原因', '导入情况', '工作表', '行号', ...headers]);
    expect(sheet.rowCount).toBe(4);
    const [bad, status, date] = [values(2), values(3), values(4)];
    expect(bad[0]).toMatch(/^统一社会信用代码：统一社会信用代码校验位错误/);
    expect(bad.slice(1, 4)).toEqual(['不导入（有错误）', '设备台账', 4]);
    expect(bad.slice(4)).toEqual(row(2, { 统一社会信用代码: '91320582000000001A', 投入使用日期: commissioned }).map((v) => v ?? undefined)); // as in the file: the date is still a date
    expect(status[0]).toMatch(/^设备状态：/);
    expect(date[0]).toMatch(/^下次检验日期：.*该日期将不导入/);
    expect(date[1]).toBe('导入（有提示，请核对）');

    // the office fixes the cells and imports the report itself
    sheet.getCell('H2').value = uscc(1);
    sheet.getCell('P3').value = '在用';
    sheet.getCell('R4').value = '2025-03-01';
    await workbook.xlsx.writeFile(reportFile);
    const again = await t.ok('ledger.preview', { source: { kind: 'path', path: reportFile } });
    expect(again).toMatchObject({ errors: [], warnings: [], equipment: { inserted: 2, updated: 1, unchanged: 0 } });
    // 错误原因 / 工作表 / 行号 are ours: not extra attributes
    expect(again.sheets[0]!.columns.filter((c) => c.ignored).map((c) => c.header)).toEqual(['错误原因', '导入情况', '工作表', '行号', '序号']);
    await t.ok('ledger.apply', { planId: again.planId });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 1, equipment: 4 });
    const extras = t.core.ctx.database.sqlite.prepare('SELECT DISTINCT extra FROM equipment ORDER BY extra').all() as { extra: string }[];
    expect(extras.map((e) => Object.keys(JSON.parse(e.extra)))).toEqual([['维保单位'], ['维保单位'], ['维保单位'], ['维保单位']]);
  });

  it('gives back both rows of a conflicting pair (the earlier one marked) and every warning row; re-imported, the pair conflicts again and nothing is overwritten', async () => {
    t = await districtCore();
    const file = `${t.dir}/冲突.xlsx`;
    await writeXlsx(file, [
      {
        name: '设备台账',
        rows: [
          equipmentHeader,
          equipmentRow(1),
          equipmentRow(2),
          equipmentRow(3, 1, { 设备类别: '不是设备', 设备品种: '曳引驱动乘客电梯' }), // an unknown category beside a known variety: a warning
          equipmentRow(2, 1, { 使用登记证编号: '梯11苏E99999(17)' }), // the same 设备代码 as row 3, another registration
          equipmentRow(5),
        ] as never,
      },
    ]);
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([[5, 'EQUIPMENT_CODE_CONFLICT']]);
    expect(preview.warnings.map((w) => [w.row, w.code])).toEqual([[4, 'CATEGORY_UNKNOWN']]);
    await t.ok('ledger.apply', { planId: preview.planId });

    const report = await t.ok('ledger.errorReport', { planId: preview.planId });
    const reportFile = `${t.dir}/${report.fileName}`;
    writeFileSync(reportFile, Buffer.from(report.contentBase64, 'base64'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reportFile);
    const sheet = workbook.getWorksheet('设备台账')!;
    const rows = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 5));
    expect(sheet.rowCount).toBe(4);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['导入（冲突两行中较早的一行，请核对）', '设备台账', 3],
      ['导入（有提示，请核对）', '设备台账', 4],
      ['不导入（有错误）', '设备台账', 5],
    ]);
    expect(rows[0]![0]).toBe('设备代码“311032058220150002”与第 5 行相同，但两行内容不同：本行是较早的一行，照常导入；第 5 行不导入。请核对两行，保留正确的一行、删除另一行后再导入');
    expect(rows[1]![0]).toMatch(/^设备类别：设备类别“不是设备”在《特种设备目录》中找不到/);

    // The report imported as it is: the pair conflicts again; the registration number stays.
    const again = await t.ok('ledger.preview', { source: { kind: 'path', path: reportFile } });
    expect(again.errors.map((e) => [e.row, e.code])).toEqual([[4, 'EQUIPMENT_CODE_CONFLICT']]);
    expect(again.updates).toEqual([]);
    await t.ok('ledger.apply', { planId: again.planId });
    const registration = t.core.ctx.database.sqlite.prepare("SELECT registration_no FROM equipment WHERE internal_no = 'DT-2'").pluck().get();
    expect(registration).toBe('梯11苏E00002(17)');
  });

  it('has nothing to export when every row imported', async () => {
    t = await districtCore();
    const file = `${t.dir}/ok.xlsx`;
    await writeXlsx(file, [{ name: 'S', rows: [equipmentHeader, equipmentRow(1)] as never }]);
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    expect(await t.core.call('ledger.errorReport', { planId: preview.planId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
