import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { equipmentHeader, equipmentRow, managerHeader, managerRow, writeXlsx } from '../../core/ledger/test-fixtures.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { qkl } from '../../../tests/support/cli.ts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

async function setup() {
  const t = tempDir();
  temps.push(t);
  const db = t.file('塘桥.sqlite');
  expect((await qkl('init', '--db', db, '--role', 'district', '--name', '塘桥分局')).code).toBe(0);
  const ledger = t.file('台账.xlsx');
  await writeXlsx(ledger, [
    { name: '设备台账', rows: [['塘桥分局设备台账'], equipmentHeader, equipmentRow(1), equipmentRow(2), equipmentRow(3, 2, { 设备状态: '在修' }), equipmentRow(1)] as never },
    { name: '安全管理人员', rows: [managerHeader, managerRow(1)] as never },
  ]);
  return { t, db, ledger };
}

describe('qkl import-ledger', () => {
  it('--dry-run --json prints the report and writes nothing; then imports through the same calls', async () => {
    const { db, ledger } = await setup();
    const dry = await qkl('import-ledger', '--db', db, ledger, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out);
    expect(report).toMatchObject({
      dryRun: true,
      units: { inserted: 1, updated: 0, unchanged: 0 },
      equipment: { inserted: 2, updated: 0, unchanged: 0 },
      managers: { inserted: 1, updated: 0, unchanged: 0 },
      duplicatesFolded: 1,
      warnings: [],
    });
    expect(report.errors).toEqual([
      { sheet: '设备台账', row: 5, column: '设备状态', columnLetter: 'L', value: '在修', code: 'STATUS_UNKNOWN', message: expect.stringContaining('在用') },
    ]);
    expect(JSON.parse((await qkl('stats', '--db', db, '--json')).out)).toMatchObject({ units: 0, equipment: 0, managers: 0 });

    const real = await qkl('import-ledger', '--db', db, ledger, '--json');
    expect(real.code).toBe(0);
    expect(JSON.parse(real.out)).toMatchObject({ dryRun: false, equipment: { inserted: 2 }, errors: report.errors });
    expect(JSON.parse((await qkl('stats', '--db', db, '--json')).out)).toMatchObject({ units: 1, equipment: 2, managers: 1 });

    const again = await qkl('import-ledger', '--db', db, ledger, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ units: { unchanged: 1 }, equipment: { inserted: 0, unchanged: 2 }, managers: { unchanged: 1 } });
  });

  it('lists every update with its fields in --json and applies an identity change only with --accept-identity-changes', async () => {
    const { t, db, ledger } = await setup();
    expect((await qkl('import-ledger', '--db', db, ledger)).code).toBe(0);
    const changed = t.file('新台账.xlsx');
    await writeXlsx(changed, [{ name: '设备台账', rows: [equipmentHeader, equipmentRow(1, 1, { 使用登记证编号: '梯11苏E77777(17)', 设备状态: '停用' })] as never }]);

    const dry = JSON.parse((await qkl('import-ledger', '--db', db, changed, '--dry-run', '--json')).out);
    // every field of the report stays; updates and the held change are added
    expect(Object.keys(dry).sort()).toEqual(
      ['dryRun', 'duplicatesFolded', 'equipment', 'errors', 'fileName', 'managers', 'needsMapping', 'planId', 'rowsRead', 'sheets', 'units', 'updates', 'warnings'].sort(),
    );
    expect(dry.updates).toEqual([
      {
        sheet: '设备台账',
        row: 2,
        entity: 'equipment',
        key: '311032058220150001',
        changes: [
          { field: 'registrationNo', before: '梯11苏E00001(17)', after: '梯11苏E77777(17)' },
          { field: 'status', before: 'in_use', after: 'stopped' },
        ],
      },
    ]);
    expect(dry.warnings).toEqual([
      { sheet: '设备台账', row: 2, column: '使用登记证编号', columnLetter: 'J', value: '梯11苏E77777(17)', code: 'IDENTITY_CHANGED', message: expect.stringContaining('--accept-identity-changes') },
    ]);
    expect(dry.equipment).toEqual({ inserted: 0, updated: 0, unchanged: 0 });

    const held = await qkl('import-ledger', '--db', db, changed);
    expect(held.out).toContain('识别字段变化待确认：1 行未更新');
    expect(held.out).toContain('registrationNo：梯11苏E00001(17) → 梯11苏E77777(17)');
    const status = async () => JSON.parse((await qkl('call', 'equipment.query', '--db', db, '--input', '{}')).out).rows.find((r: { internalNo: string }) => r.internalNo === 'DT-1');
    expect(await status()).toMatchObject({ registrationNo: '梯11苏E00001(17)', status: 'in_use' });

    const acceptedDry = JSON.parse((await qkl('import-ledger', '--db', db, changed, '--dry-run', '--json', '--accept-identity-changes')).out);
    expect(acceptedDry.equipment).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const accepted = JSON.parse((await qkl('import-ledger', '--db', db, changed, '--json', '--accept-identity-changes')).out);
    expect(accepted).toMatchObject({ dryRun: false, equipment: { updated: 1 } });
    expect(await status()).toMatchObject({ registrationNo: '梯11苏E77777(17)', status: 'stopped' });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { db, ledger } = await setup();
    const result = await qkl('import-ledger', '--db', db, ledger);
    expect(result.code).toBe(0);
    expect(result.out).toContain('已导入：台账.xlsx');
    expect(result.out).toContain('特种设备：新增 2，更新 0，未变 0');
    expect(result.out).toContain('完全重复的行：1 行');
    expect(result.out).toMatch(/设备台账 第 5 行 设备状态（L 列）“在修”：/);
  });

  it('exits non-zero with one Chinese line when the file cannot be read', async () => {
    const { t, db } = await setup();
    const broken = t.file('坏.xlsx');
    writeFileSync(broken, 'not a spreadsheet');
    for (const argv of [
      ['import-ledger', '--db', db, broken, '--json'],
      ['import-ledger', '--db', db, t.file('没有这个文件.xlsx')],
    ]) {
      const result = await qkl(...argv);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(/^错误：/);
      expect(result.err.split('\n')).toHaveLength(1);
    }
    expect((await qkl('import-ledger', '--db', db, broken)).err).toContain('无法读取文件“坏.xlsx”');
    expect((await qkl('import-ledger', '--db', db)).code).toBe(2);
  });

  it('exits non-zero naming the columns it could not find', async () => {
    const { t, db } = await setup();
    const odd = t.file('odd.xlsx');
    await writeXlsx(odd, [{ name: 'S', rows: [['企业', '信用号', '设备类别', '设备代码'], ['甲', 'x', '电梯', '31103205822015000001']] }]);
    const result = await qkl('import-ledger', '--db', db, odd);
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('“使用单位名称”') });
    expect(result.err).toContain('“统一社会信用代码”');
  });
});
