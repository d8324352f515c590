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
    expect(values(1)).toEqual(['错误原因', '工作表', '行号', ...headers]);
    expect(sheet.rowCount).toBe(4);
    const [bad, status, date] = [values(2), values(3), values(4)];
    expect(bad[0]).toMatch(/^统一社会信用代码：统一社会信用代码校验位错误/);
    expect(bad.slice(1, 3)).toEqual(['设备台账', 4]);
    expect(bad.slice(3)).toEqual(row(2, { 统一社会信用代码: '91320582000000001A', 投入使用日期: commissioned }).map((v) => v ?? undefined)); // as in the file: the date is still a date
    expect(status[0]).toMatch(/^设备状态：/);
    expect(date[0]).toMatch(/^下次检验日期：.*该日期将不导入/);

    // the office fixes the cells and imports the report itself
    sheet.getCell('G2').value = uscc(1);
    sheet.getCell('O3').value = '在用';
    sheet.getCell('Q4').value = '2025-03-01';
    await workbook.xlsx.writeFile(reportFile);
    const again = await t.ok('ledger.preview', { source: { kind: 'path', path: reportFile } });
    expect(again).toMatchObject({ errors: [], warnings: [], equipment: { inserted: 2, updated: 1, unchanged: 0 } });
    // 错误原因 / 工作表 / 行号 are ours: not extra attributes
    expect(again.sheets[0]!.columns.filter((c) => c.ignored).map((c) => c.header)).toEqual(['错误原因', '工作表', '行号', '序号']);
    await t.ok('ledger.apply', { planId: again.planId });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 1, equipment: 4 });
    const extras = t.core.ctx.database.sqlite.prepare('SELECT DISTINCT extra FROM equipment ORDER BY extra').all() as { extra: string }[];
    expect(extras.map((e) => Object.keys(JSON.parse(e.extra)))).toEqual([['维保单位'], ['维保单位'], ['维保单位'], ['维保单位']]);
  });

  it('has nothing to export when every row imported', async () => {
    t = await districtCore();
    const file = `${t.dir}/ok.xlsx`;
    await writeXlsx(file, [{ name: 'S', rows: [equipmentHeader, equipmentRow(1)] as never }]);
    const preview = await t.ok('ledger.preview', { source: { kind: 'path', path: file } });
    expect(await t.core.call('ledger.errorReport', { planId: preview.planId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
