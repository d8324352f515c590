import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { readTable } from './sheet-table.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('reading a small table from a workbook', () => {
  it('skips a long cover sheet and finds the header under title rows on the next sheet', async () => {
    const t = tempDir();
    temps.push(t);
    const book = new ExcelJS.Workbook();
    const cover = book.addWorksheet('说明');
    for (let i = 0; i < 3000; i++) cover.addRow([`说明第${i}行`, 'x'.repeat(50)]);
    const sheet = book.addWorksheet('题库');
    sheet.addRow(['2026年监督员题库']);
    sheet.addRow([]);
    sheet.addRow(['题号', '题型', ' 题 干 ', '答案（标准）']);
    sheet.addRow([1, '判断', '题一', '对']);
    sheet.addRow([2, '判断', '题二', '错']);
    await book.xlsx.writeFile(t.file('two.xlsx'));
    const table = await readTable(t.file('two.xlsx'), 'two.xlsx', '题干', '题库');
    expect(table.headerRow).toBe(3);
    expect(table.rows.map((r) => r.number)).toEqual([4, 5]);
    expect([...table.columns.keys()]).toEqual(['题号', '题型', '题干', '答案']);
  });

  it('says which header it looked for when there is none', async () => {
    const t = tempDir();
    temps.push(t);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    await book.xlsx.writeFile(t.file('none.xlsx'));
    await expect(readTable(t.file('none.xlsx'), 'none.xlsx', '准考证号', '答题卡')).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: '“none.xlsx”中找不到答题卡的表头（应有“准考证号”列）。' });
  });
});
