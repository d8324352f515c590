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
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(values).toContain('合计：1 个小组，监察人员 0 人，成员单位 5 家，安全管理员 5 人');
    expect(values).toMatch(/填表人：.*审核人：.*日期：/);
  });

  it('gives managers’ phones in full on the 工作联系表 only, and audits whose, not the numbers', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const lead = addUnit(sqlite(), { name: '张家港市塘桥牵头机械有限公司', pieces: 60, managerName: '张三', managerIdNumber: ID, managerPhone: '13812345678' });
    const others = addUnits(sqlite(), 4, { prefix: '塘桥' });
    const [zhang] = await t.ok('blocks.managers', { unitIds: [lead] });
    await t.ok('blocks.save', { name: '甲组', memberUnitIds: [lead, ...others], leadUnitId: lead, supervisorManagerIds: [zhang!.managerId] });
    const audits = () => Number((sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE call LIKE 'chain.%'").get() as { n: number }).n);

    const screen = await t.ok('chain.roster', {});
    expect(JSON.stringify(screen)).not.toContain('13812345678');
    expect(screen.blocks[0]!.units[0]!.managers[0]).toMatchObject({ phone: null, phoneMasked: '138****5678' });
    expect(audits()).toBe(0);

    const sheet = await t.ok('chain.roster', { contactSheet: true });
    expect(sheet.blocks[0]!.units[0]!.managers[0]).toMatchObject({ name: '张三', phone: '13812345678', phoneMasked: '138****5678', idNumberMasked: '1101**********002X' });
    expect(sheet.blocks[0]!.supervisors[0]).toMatchObject({ name: '张三', phone: '13812345678' });
    expect(JSON.stringify(sheet)).not.toContain(ID); // ID numbers stay masked
    const entry = sqlite().prepare("SELECT call, table_name AS tableName, row_ids AS rowIds, after FROM audit_log WHERE call = 'chain.roster'").get() as Record<string, string>;
    expect(entry).toMatchObject({ tableName: 'safety_managers' });
    expect(JSON.parse(entry['rowIds']!)).toContain(zhang!.managerId);
    expect(JSON.parse(entry['after']!)).toMatchObject({ contactSheet: true, asOf: '2026-11-28' });
    expect(entry['after']).not.toContain('13812345678');

    const read = async (input: object) => {
      const file = await t.ok('chain.exportXlsx', input);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      return workbook.getWorksheet('工作联系名册')!.getSheetValues().flat().map(String).join('|');
    };
    const full = await read({ contactSheet: true });
    expect(full).toContain('13812345678');
    expect(full).not.toContain(ID);
    expect(audits()).toBe(2);
    const masked = await read({});
    expect(masked).not.toContain('13812345678');
    expect(masked).toContain('138****5678');
  });
});
