import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { verifyAuditChain } from '../audit.ts';
import { dbSnapshot, equipmentHeader, equipmentRow, idNumber, managerHeader, managerRow, uscc, writeXlsx } from './test-fixtures.ts';

// Re-imports never change a record silently: every update is listed with its fields,
// and one that changes an identifying field is held back until the user accepts it.

let t: TestCore;
afterEach(() => t?.cleanup());

async function ledger(name: string, equipment: unknown[][], managers: unknown[][] = [], extraHeader?: string): Promise<string> {
  const file = `${t.dir}/${name}`;
  const header = extraHeader ? [...equipmentHeader, extraHeader] : equipmentHeader;
  await writeXlsx(file, [
    { name: '设备台账', rows: [header, ...equipment] as never },
    { name: '安全管理人员', rows: [managerHeader, ...managers] as never },
  ]);
  return file;
}

const preview = (file: string, extra: object = {}) => t.ok('ledger.preview', { source: { kind: 'path', path: file }, ...extra });
const sqlite = () => t.core.ctx.database.sqlite;
async function reportLines(planId: string, fields?: string[]): Promise<unknown[][]> {
  const file = await t.ok('ledger.updatesReport', { planId, ...(fields ? { fields } : {}) });
  expect(file.fileName).toBe('again-更新明细.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual(['工作表', '行号', '类型', '识别编号', '字段', '原值', '新值', '处理']);
  return rows.slice(1);
}
const registrationNo = (internalNo: string) => sqlite().prepare('SELECT registration_no FROM equipment WHERE internal_no = ?').pluck().get(internalNo);

describe('re-import of changed rows', () => {
  it('holds back a changed 使用登记证编号 until accepted for its row, and lists every update with before and after', async () => {
    t = await districtCore();
    // The first file has a conflicting duplicate (row 5: the same 设备代码 as row 3, another 使用登记证编号): it is refused.
    const first = await preview(
      await ledger('first.xlsx', [equipmentRow(1), equipmentRow(2), equipmentRow(3), equipmentRow(2, 1, { 使用登记证编号: '梯11苏E99999(17)', 设备使用地点: '2号楼（已移装）' })]),
    );
    expect(first.errors.map((e) => [e.row, e.code])).toEqual([[5, 'EQUIPMENT_CODE_CONFLICT']]);
    await t.ok('ledger.apply', { planId: first.planId });

    // The office sends the refused row back, with a location change on another row.
    const file = await ledger('again.xlsx', [
      equipmentRow(2, 1, { 使用登记证编号: '梯11苏E99999(17)', 设备使用地点: '2号楼（已移装）' }),
      equipmentRow(3, 1, { 设备使用地点: '3号楼东' }),
    ]);
    const plan = await preview(file);
    expect(plan.equipment).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(plan.updates).toEqual([
      {
        sheet: '设备台账',
        row: 2,
        entity: 'equipment',
        key: '311032058220150002',
        changes: [
          { field: 'registrationNo', before: '梯11苏E00002(17)', after: '梯11苏E99999(17)' },
          { field: 'location', before: '1号楼', after: '2号楼(已移装)' },
        ],
      },
      { sheet: '设备台账', row: 3, entity: 'equipment', key: '311032058220150003', changes: [{ field: 'location', before: '1号楼', after: '3号楼东' }] },
    ]);
    expect(plan.warnings).toEqual([
      {
        sheet: '设备台账',
        row: 2,
        column: '使用登记证编号',
        columnLetter: 'J',
        value: '梯11苏E99999(17)',
        code: 'IDENTITY_CHANGED',
        message: expect.stringContaining('使用登记证编号将由“梯11苏E00002(17)”改为“梯11苏E99999(17)”（本行按设备代码“311032058220150002”对应到已有的设备）'),
      },
    ]);
    expect(plan.warnings[0]!.message).toContain('本行暂不更新');

    // The same list as xlsx, one line per changed field, filtered as the wizard's grid is.
    expect(await reportLines(plan.planId)).toEqual([
      ['设备台账', 2, '特种设备', '311032058220150002', '使用登记证编号', '梯11苏E00002(17)', '梯11苏E99999(17)', '暂不更新（识别字段改变，待确认）'],
      ['设备台账', 2, '特种设备', '311032058220150002', '设备使用地点', '1号楼', '2号楼(已移装)', '暂不更新（识别字段改变，待确认）'],
      ['设备台账', 3, '特种设备', '311032058220150003', '设备使用地点', '1号楼', '3号楼东', '将更新'],
    ]);
    expect((await reportLines(plan.planId, ['registrationNo'])).map((l) => l[4])).toEqual(['使用登记证编号']);

    // Applied without acceptance: only the location of row 3 changes.
    const applied = await t.ok('ledger.apply', { planId: plan.planId });
    expect((await reportLines(plan.planId)).map((l) => l[7])).toEqual(['未更新（识别字段改变，未确认）', '未更新（识别字段改变，未确认）', '已更新']);
    expect(applied.equipment).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(applied.warnings[0]!.message).toContain('本行未更新');
    expect(registrationNo('DT-2')).toBe('梯11苏E00002(17)');
    expect(sqlite().prepare("SELECT location FROM equipment WHERE internal_no = 'DT-3'").pluck().get()).toBe('3号楼东');

    // The next preview still holds it; accepted for its row, it is written and audited.
    const again = await preview(file);
    expect(again.updates.map((u) => u.row)).toEqual([2]);
    const accepted = await t.ok('ledger.apply', { planId: again.planId, acceptIdentityChanges: [{ sheet: '设备台账', row: 2 }] });
    expect(accepted.equipment).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(accepted.warnings[0]!.message).toContain('已确认接受，已更新');
    expect(registrationNo('DT-2')).toBe('梯11苏E99999(17)');
    const audit = sqlite().prepare("SELECT before, after FROM audit_log WHERE call = 'ledger.apply' ORDER BY seq DESC LIMIT 1").get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ registrationNo: '梯11苏E00002(17)', location: '1号楼' });
    expect(JSON.parse(audit.after)).toMatchObject({ registrationNo: '梯11苏E99999(17)', location: '2号楼(已移装)' });
    expect(verifyAuditChain(t.core.ctx)).toMatchObject({ ok: true });
  });

  it('a unit renamed under its credit code is held; accepted at preview, the counts and the warning say so', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await preview(await ledger('a.xlsx', [equipmentRow(1), equipmentRow(2)]))).planId });
    const renamed = await ledger('b.xlsx', [equipmentRow(1, 1, { 使用单位名称: '张家港市塘桥精密机械有限公司' }), equipmentRow(2, 1, { 使用单位名称: '张家港市塘桥精密机械有限公司' })]);
    const held = await preview(renamed);
    expect(held.units).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(held.updates).toEqual([
      {
        sheet: '设备台账',
        row: 2,
        entity: 'unit',
        key: uscc(1),
        changes: [{ field: 'unitName', before: '张家港市塘桥第1机械有限公司', after: '张家港市塘桥精密机械有限公司' }],
      },
    ]);
    expect(held.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[2, '使用单位名称', 'IDENTITY_CHANGED']]);
    const before = dbSnapshot(sqlite());
    await t.ok('ledger.apply', { planId: held.planId });
    expect(dbSnapshot(sqlite())).toBe(before); // nothing else changed, so nothing was written at all

    const accepted = await preview(renamed, { acceptIdentityChanges: 'all' });
    expect(accepted.units).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(accepted.warnings[0]!.message).toContain('已确认接受，将更新');
    await t.ok('ledger.apply', { planId: accepted.planId });
    expect(sqlite().prepare('SELECT name FROM units').pluck().all()).toEqual(['张家港市塘桥精密机械有限公司']);
  });

  it('lists manager updates with personal data masked, holds a new ID number on a certificate, and refuses to accept a row that holds nothing', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await preview(await ledger('a.xlsx', [equipmentRow(1)], [managerRow(1), managerRow(2)]))).planId });
    const plan = await preview(
      await ledger('b.xlsx', [equipmentRow(1)], [managerRow(1, 1, { 身份证号: idNumber(9), 联系电话: '13912345678' }), managerRow(2, 1, { 有效期至: '2031-01-09' })]),
    );
    expect(plan.updates).toEqual([
      {
        sheet: '安全管理人员',
        row: 2,
        entity: 'manager',
        key: 'TS-A-000001',
        changes: [
          { field: 'idNumber', before: `3205**********${idNumber(1).slice(-4)}`, after: `3205**********${idNumber(9).slice(-4)}` },
          { field: 'phone', before: '138****0001', after: '139****5678' },
        ],
      },
      { sheet: '安全管理人员', row: 3, entity: 'manager', key: 'TS-A-000002', changes: [{ field: 'expiryDate', before: '2027-01-09', after: '2031-01-09' }] },
    ]);
    expect(JSON.stringify(plan)).not.toContain(idNumber(9));
    expect(plan.warnings.map((w) => [w.sheet, w.row, w.column, w.code, w.value])).toEqual([['安全管理人员', 2, '身份证号', 'IDENTITY_CHANGED', `3205**********${idNumber(9).slice(-4)}`]]);
    expect(plan.managers).toMatchObject({ updated: 1 });

    const stray = await t.core.call('ledger.apply', { planId: plan.planId, acceptIdentityChanges: [{ sheet: '安全管理人员', row: 3 }] });
    expect(stray).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('第 3 行没有待确认的识别字段变化') });
    await t.ok('ledger.apply', { planId: plan.planId, acceptIdentityChanges: 'all' });
    expect(sqlite().prepare("SELECT id_number FROM safety_managers WHERE certificate_no = 'TS-A-000001'").pluck().get()).toBe(idNumber(9));
  });

  it('lists a changed extra attribute by its header; filling an empty identity field is not held', async () => {
    t = await districtCore();
    await t.ok('ledger.apply', { planId: (await preview(await ledger('a.xlsx', [[...equipmentRow(1, 1, { 注册代码: null }), '甲维保']], [], '维保单位'))).planId });
    const plan = await preview(await ledger('b.xlsx', [[...equipmentRow(1, 1, { 注册代码: '31103205822017090001' }), '乙维保']], [], '维保单位'));
    expect(plan.warnings).toEqual([]);
    expect(plan.updates[0]!.changes).toEqual([
      { field: 'registrationCode', before: null, after: '31103205822017090001' },
      { field: 'extra.维保单位', before: '甲维保', after: '乙维保' },
    ]);
    expect(plan.equipment.updated).toBe(1);
  });
});
