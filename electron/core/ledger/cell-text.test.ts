import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { unitLimits } from '../../api/schemas/field-limits.ts';
import { count, equipmentHeader, equipmentRow, uscc, writeXlsx, writeZip } from './test-fixtures.ts';

// Text cells of a ledger before their values are read: the form's length limits,
// characters lost to a broken encoding, and invisible characters that make two
// names look alike. Real files (xlsx and CSV bytes) through ledger.preview/apply.

let t: TestCore;
afterEach(() => t?.cleanup());

const preview = (file: string) => t.ok('ledger.preview', { source: { kind: 'path', path: file } });
const sqlite = () => t.core.ctx.database.sqlite;

describe('text cells of a ledger', () => {
  it('refuses a value longer than the form allows, naming row and column; a value at the limit imports', async () => {
    t = await districtCore();
    const file = `${t.dir}/长.xlsx`;
    const huge = '张'.repeat(1_048_576);
    await writeXlsx(file, [
      {
        name: '设备台账',
        rows: [
          equipmentHeader,
          equipmentRow(1, 1, { 使用单位名称: huge }),
          equipmentRow(2, 2, { 使用单位名称: '甲'.repeat(unitLimits.name + 1) }),
          equipmentRow(3, 3, { 使用单位名称: '乙'.repeat(unitLimits.name) }),
          equipmentRow(4, 4, { 设备使用地点: '丙'.repeat(201) }),
        ] as never,
      },
    ]);
    const plan = await preview(file);
    expect(plan.errors.map((e) => [e.row, e.column, e.columnLetter, e.code])).toEqual([
      [2, '使用单位名称', 'C', 'TOO_LONG'],
      [3, '使用单位名称', 'C', 'TOO_LONG'],
      [5, '设备使用地点', 'K', 'TOO_LONG'],
    ]);
    expect(plan.errors[0]!.message).toBe('内容有 1048576 个字符，超过“使用单位名称”的上限 100 个字符（与录入表单的上限相同）。请删减后重新导入');
    expect(plan.errors[2]!.message).toContain('上限 200 个字符');
    // the report names the value, it does not repeat a million characters
    expect(plan.errors[0]!.value).toBe(`${'张'.repeat(100)}…（共 1048576 个字符）`);
    expect(JSON.stringify(plan).length).toBeLessThan(20_000);
    expect(plan.equipment.inserted).toBe(1);

    await t.ok('ledger.apply', { planId: plan.planId });
    const names = sqlite().prepare('SELECT name FROM units').all() as { name: string }[];
    expect(names).toEqual([{ name: '乙'.repeat(100) }]);
  });

  it('removes bidi overrides and zero-width characters with a warning, so one unit cannot pass for another', async () => {
    t = await districtCore();
    const file = `${t.dir}/隐形.xlsx`;
    await writeXlsx(file, [
      {
        name: '设备台账',
        rows: [
          equipmentHeader,
          equipmentRow(1, 1, { 使用单位名称: '张家港市\u200b塘桥\u202e机械\u202c有限公司' }),
          equipmentRow(2, 2, { 设备使用地点: '\u2066一号楼\u2069' }),
          equipmentRow(3, 3),
        ] as never,
      },
    ]);
    const plan = await preview(file);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, '使用单位名称', 'INVISIBLE_CHARS'],
      [3, '设备使用地点', 'INVISIBLE_CHARS'],
    ]);
    expect(plan.warnings[0]!.message).toContain('3 个看不见的控制字符');
    expect(plan.warnings[0]!.message).toContain('将删除后按“张家港市塘桥机械有限公司”导入');
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(sqlite().prepare('SELECT name FROM units ORDER BY uscc').pluck().all()[0]).toBe('张家港市塘桥机械有限公司');
    expect(sqlite().prepare("SELECT location FROM equipment WHERE internal_no = 'DT-2'").pluck().get()).toBe('一号楼');
    // no stored text holds an invisible character
    const leftovers = sqlite().prepare("SELECT count(*) FROM units WHERE name GLOB '*[\u200b\u202e\u202c\u2066\u2069]*'").pluck().get();
    expect(leftovers).toBe(0);
  });

  it('reports a character lost to broken UTF-8 in an xlsx as an error at its cell', async () => {
    t = await districtCore();
    const file = `${t.dir}/坏编码.xlsx`;
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const cell = (ref: string, text: string | Buffer) =>
      Buffer.concat([Buffer.from(`<c r="${ref}" t="inlineStr"><is><t>`), typeof text === 'string' ? Buffer.from(text) : text, Buffer.from('</t></is></c>')]);
    const row = (n: number, values: (string | Buffer)[]) =>
      Buffer.concat([Buffer.from(`<row r="${n}">`), ...values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${n}`, v)), Buffer.from('</row>')]);
    const header = ['使用单位名称', '统一社会信用代码', '设备类别', '设备代码'];
    // 张家港 with the last byte of 港 (E6 B8 AF) lost: not valid UTF-8
    const broken = Buffer.concat([Buffer.from('张家'), Buffer.from([0xe6, 0xb8]), Buffer.from('机械厂')]);
    const sheet = Buffer.concat([
      Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
      row(1, header),
      row(2, [broken, uscc(1), '曳引驱动乘客电梯', '31103205822015000001']),
      row(3, ['张家港塘桥五金厂', uscc(2), '曳引驱动乘客电梯', '31103205822015000002']),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    writeZip(file, [
      ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`],
      ['xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="设备台账" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}</Relationships>`],
      ['xl/worksheets/sheet1.xml', sheet],
    ]);
    const plan = await preview(file);
    expect(plan.errors.map((e) => [e.sheet, e.row, e.column, e.columnLetter, e.code])).toEqual([['设备台账', 2, '使用单位名称', 'A', 'TEXT_ENCODING']]);
    expect(plan.errors[0]!.message).toContain('文字编码已损坏');
    expect(plan.equipment.inserted).toBe(1);
    await t.ok('ledger.apply', { planId: plan.planId });
    expect(sqlite().prepare("SELECT count(*) FROM units WHERE name LIKE '%\uFFFD%'").pluck().get()).toBe(0);
    expect(count(sqlite(), 'units')).toBe(1);
  });

  it('reads a UTF-8 CSV with a damaged byte as UTF-8 and reports that cell; a GBK CSV is still GBK', async () => {
    t = await districtCore();
    const header = '使用单位名称,统一社会信用代码,设备类别,设备代码\r\n';
    const rows = [
      `张家港塘桥第一机械厂,${uscc(1)},曳引驱动乘客电梯,31103205822015000001\r\n`,
      `张家港塘桥第二机械厂,${uscc(2)},曳引驱动乘客电梯,31103205822015000002\r\n`,
      `张家港塘桥第三机械厂,${uscc(3)},曳引驱动乘客电梯,31103205822015000003\r\n`,
    ];
    // 第二 loses a byte of 二 (E4 BA 8C → E4 8C)
    const damaged = Buffer.from(rows[1]!).toString('hex').replace('e4ba8c', 'e48c');
    for (const bom of [false, true]) {
      const file = `${t.dir}/损坏${bom ? '-bom' : ''}.csv`;
      writeFileSync(
        file,
        Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(header), Buffer.from(rows[0]!), Buffer.from(damaged, 'hex'), Buffer.from(rows[2]!)]),
      );
      const plan = await preview(file);
      expect(plan.sheets[0]!.kind).toBe('equipment');
      expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '使用单位名称', 'TEXT_ENCODING']]);
      expect(plan.equipment.inserted).toBe(2);
    }
    const iconv = (await import('iconv-lite')).default;
    const gbk = `${t.dir}/gbk.csv`;
    writeFileSync(gbk, iconv.encode(header + rows.join(''), 'gbk'));
    const plan = await preview(gbk);
    expect(plan).toMatchObject({ errors: [], equipment: { inserted: 3 } });
  });
});
