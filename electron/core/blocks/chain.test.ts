import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { addUnit, addUnits } from './testing/fixtures.ts';

let t: TestCore;
afterEach(() => t?.cleanup());
const sqlite = () => t.core.ctx.database.sqlite;
const ID = '11010519491231002X';

describe('the chain (链)', () => {
  it('lists each block’s inspectors, member units’ managers (masked) and supervisors, and flags what is missing', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const lead = addUnit(sqlite(), { name: '张家港市塘桥牵头机械有限公司', pieces: 60, managerName: '张三', managerIdNumber: ID, managerPhone: '13812345678' });
    const expiring = addUnit(sqlite(), { name: '张家港市塘桥临期纺织有限公司', pieces: 25, managerName: '李四', managerExpiry: '2027-01-15' });
    const none = addUnit(sqlite(), { name: '张家港市塘桥无证物流有限公司', pieces: 22, managerExpiry: null });
    const others = addUnits(sqlite(), 3, { prefix: '塘桥' });
    const chen = await t.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS0001', phone: '0512-58123456' });
    const [zhang] = await t.ok('blocks.managers', { unitIds: [lead] });
    expect(zhang).toMatchObject({ name: '张三', phoneMasked: '138****5678', certified: true });
    const withInspector = await t.ok('blocks.save', {
      name: '甲组',
      memberUnitIds: [lead, expiring, none, ...others],
      leadUnitId: lead,
      inspectorIds: [chen.id],
      supervisorManagerIds: [zhang!.managerId],
    });
    await t.ok('blocks.save', { name: '乙组', memberUnitIds: addUnits(sqlite(), 5, { prefix: '乙' }) });

    const roster = await t.ok('chain.roster', {});
    expect(roster).toMatchObject({ asOf: '2026-11-28', districtName: '塘桥', authority: '张家港市市场监督管理局塘桥分局', expiringDays: 90 });
    expect(roster.blocks.map((b) => b.name)).toEqual(['甲组', '乙组']);
    const block = roster.blocks[0]!;
    expect(block).toMatchObject({ blockId: withInspector.id, leadUnitName: '张家港市塘桥牵头机械有限公司' });
    expect(block.inspectors).toEqual([{ inspectorId: chen.id, name: '陈监察', enforcementNo: 'JS0001', phone: '0512-58123456' }]);
    expect(block.units[0]).toMatchObject({ unitId: lead, isLead: true });
    expect(block.units[0]!.managers).toEqual([
      expect.objectContaining({ name: '张三', idNumberMasked: '1101**********002X', phoneMasked: '138****5678', certificate: 'valid', isSupervisor: true }),
    ]);
    expect(block.supervisors).toEqual([expect.objectContaining({ name: '张三', unitName: '张家港市塘桥牵头机械有限公司', phoneMasked: '138****5678' })]);
    expect(JSON.stringify(roster)).not.toContain(ID);
    expect(JSON.stringify(roster)).not.toContain('13812345678');

    expect(roster.problems.map((p) => [p.code, p.blockName, p.message])).toEqual([
      ['certificate-expiring', '甲组', '“张家港市塘桥临期纺织有限公司”的安全管理员李四的证书将于 2027-01-15 到期'],
      ['unit-without-manager', '甲组', '“张家港市塘桥无证物流有限公司”没有持有效证书的安全管理员'],
      ['no-inspector', '乙组', '小组“乙组”未指定负责的监察人员'],
    ]);
  });

  it('exports the roster as xlsx with a problems sheet', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const units = addUnits(sqlite(), 5, { prefix: '塘桥', managerIdNumber: ID });
    await t.ok('blocks.save', { name: '甲组', memberUnitIds: units, leadUnitId: units[0] });
    const file = await t.ok('chain.exportXlsx', { asOf: '2026-11-28' });
    expect(file.fileName).toBe('工作联系名册_塘桥_2026-11-28.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['工作联系名册', '问题']);
    const sheet = workbook.getWorksheet('工作联系名册')!;
    expect(String(sheet.getCell('A1').value)).toContain('张家港市市场监督管理局塘桥分局');
    const values = sheet.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('（未指定）');
    expect(values).toContain('1101**********002X');
    expect(values).not.toContain(ID);
    expect(workbook.getWorksheet('问题')!.getCell('A4').value).toBe('甲组');
  });
});
