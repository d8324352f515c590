import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { levelLabels } from '../risk/score.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';

const now = () => new Date('2026-11-28T02:00:00Z');
const ID = '11010519491231002X';
let t: TestCore;
afterEach(() => t?.cleanup());

function allText(sheet: ExcelJS.Worksheet): string {
  const out: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell((cell) => out.push(String(cell.text))));
  return out.join('\n');
}

describe('lists.exportXlsx', () => {
  it('writes both lists as an official-looking, printable workbook with nothing personal in full', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const a = insertUnit(sqlite, { name: '张家港市塘桥甲机械有限公司', address: '塘桥镇人民路 1 号' });
    insertPieces(sqlite, a, 30);
    insertPieces(sqlite, a, 22, { kind: '4000', category: '4100', variety: null });
    insertPieces(sqlite, a, 9, { kind: '2000', category: '2300', variety: '2310' }); // not counted
    const b = insertUnit(sqlite, { name: '张家港市塘桥乙纺织有限公司' });
    insertPieces(sqlite, b, 20, { kind: '5000', category: '5100', variety: '5110' });
    insertManager(sqlite, a, { name: '张三', certificateNo: 'TS-A-001', issued: '2024-03-01', expiry: '2028-02-29', idNumber: ID, phone: '13812345678', extra: { 身份证复印件: ID } });

    const file = await t.ok('lists.exportXlsx', {});
    expect(file.fileName).toBe('两项清单_塘桥_2026-11-28.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['使用单位清单', '安全管理员清单']);

    const units = workbook.getWorksheet('使用单位清单')!;
    expect(units.getCell('A1').value).toBe('张家港市市场监督管理局塘桥分局　特种设备使用单位清单（在用 20 台及以上，不含气瓶）');
    expect(units.getCell('A1').isMerged).toBe(true);
    expect(units.getCell('A1').font?.bold).toBe(true);
    expect(units.getCell('A2').value).toBe('截至 2026-11-28　共 2 家');
    const header = (units.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '使用单位名称', '统一社会信用代码', '单位地址', '设备数量（台）', '其中：电梯', '其中：起重机械', '其中：场（厂）内专用机动车辆', '需设安全管理机构', '持证安全管理员（人）', '风险等级']);
    expect(units.getRow(3).getCell(2).font?.bold).toBe(true);
    expect(units.getRow(3).getCell(2).border?.bottom?.style).toBe('thin');
    // the 风险等级 column is the unit's current level, as risk.unit explains it
    const riskA = await t.ok('risk.unit', { unitId: a });
    const riskB = await t.ok('risk.unit', { unitId: b });
    expect((units.getRow(4).values as unknown[]).slice(1)).toEqual([1, '张家港市塘桥甲机械有限公司', expect.any(String), '塘桥镇人民路 1 号', 52, 30, 22, 0, '是', 1, levelLabels[riskA.level]]);
    expect(units.getRow(5).getCell(11).value).toBe(levelLabels[riskB.level]);
    expect((units.getRow(5).values as unknown[]).slice(2, 6)).toEqual(['张家港市塘桥乙纺织有限公司', expect.any(String), undefined, 20]);
    expect((units.getRow(6).values as unknown[]).slice(1)).toEqual(['合计', '2 家', undefined, undefined, 72, 30, 22, 20, '1 家', 1]);
    expect(units.getColumn(2).width).toBeGreaterThan(20);
    expect(units.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3', fitToWidth: 1 });
    const text = allText(units);
    expect(text).toContain('按设备种类统计');
    expect(text).toMatch(/起重机械\n22/);
    expect(text).toContain('注：其中 1 家未配备持有效 A 证的安全管理员。');

    const managers = workbook.getWorksheet('安全管理员清单')!;
    expect(managers.getCell('A1').value).toBe('张家港市市场监督管理局塘桥分局　特种设备安全管理员清单（持 A 证且在有效期内）');
    expect(managers.getCell('A2').value).toBe('截至 2026-11-28　共 1 人');
    expect((managers.getRow(4).values as unknown[]).slice(1)).toEqual([1, '张三', '1101**********002X', '张家港市塘桥甲机械有限公司', expect.any(String), 'A', 'TS-A-001', '2024-03-01', '2028-02-29', '138****5678']);
    expect(managers.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:3' });
    for (const sheet of workbook.worksheets) {
      expect(allText(sheet)).not.toContain(ID);
      expect(allText(sheet)).not.toContain('13812345678');
    }
  });

  it('writes empty lists when nothing reaches the threshold', async () => {
    t = await districtCore({ now });
    const file = await t.ok('lists.exportXlsx', { asOf: '2026-12-31' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('使用单位清单')!.getCell('A2').value).toBe('截至 2026-12-31　共 0 家');
  });
});
