import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { writeLedgerCsv } from '../../../scripts/sample-data/write-csv.ts';
import { writeLedgerXlsx } from '../../../scripts/sample-data/write-xlsx.ts';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { count, equipmentHeader, equipmentRow, managerHeader, managerRow, uscc, writeXlsx } from './test-fixtures.ts';

let t: TestCore;
afterEach(() => t?.cleanup());
const path = (source: string) => ({ source: { kind: 'path', path: source } });

describe('importing a generated district ledger', () => {
  it('reports every defect once, with its sheet, Excel row, column and code, and imports every other row', async () => {
    t = await districtCore();
    const model = generateDistrict({ seed: 3, units: 40 });
    const file = `${t.dir}/ledger.xlsx`;
    // generic sheet names and header variants: sheets must be known by what their headers mean
    const written = await writeLedgerXlsx(model, file, { defects: true, headerVariants: true, sheetNames: { equipment: 'Sheet1', managers: 'Sheet2' } });
    const expected = written.defects!;

    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
      ['Sheet1', 'equipment', 3],
      ['Sheet2', 'managers', 3],
    ]);
    expect(preview.needsMapping).toBe(false);

    // The generator's expected report is exact: every entry, and nothing else (DATE_INVALID
    // and the model's legacy A1 certificate are warnings: those rows are imported).
    const key = (e: { sheet: string; row: number; column: string; code: string; value: string }) => `${e.sheet}|${e.row}|${e.column}|${e.code}|${e.value}`;
    expect(preview.errors.map(key).sort()).toEqual(expected.errors.map(key).sort());
    expect(preview.warnings.map(key).sort()).toEqual(expected.warnings.map(key).sort());
    for (const e of preview.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);

    expect(preview.duplicatesFolded).toBe(expected.folded.length);
    expect(preview.equipment).toEqual({ inserted: expected.imported.equipment!, updated: 0, unchanged: 0 });
    expect(preview.managers).toEqual({ inserted: expected.imported.managers!, updated: 0, unchanged: 0 });
    expect(preview.units.inserted).toBe(model.units.length);
    expect(count(t.core.ctx.database.sqlite, 'equipment')).toBe(0); // preview writes nothing

    const applied = await t.ok('ledger.apply', { planId: preview.planId });
    expect(applied).toMatchObject({ dryRun: false, equipment: preview.equipment, errors: preview.errors });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: model.units.length, equipment: expected.imported.equipment!, managers: expected.imported.managers! });

    // unknown columns are kept as extra attributes, named by their header
    const { sqlite } = t.core.ctx.database;
    const withMaintainer = sqlite.prepare("SELECT extra FROM equipment WHERE extra LIKE '%维保单位%' LIMIT 1").get() as { extra: string };
    expect(Object.keys(JSON.parse(withMaintainer.extra))).toContain('维保单位');
    // normalised values: credit codes upper case and half width, dates ISO
    const units = sqlite.prepare('SELECT uscc, name_initials AS initials FROM units').all() as { uscc: string; initials: string }[];
    for (const u of units) expect(u.uscc).toMatch(/^[0-9A-Z]{18}$/);
    expect(units.every((u) => /^[0-9a-z]+$/.test(u.initials))).toBe(true);
    const dates = sqlite.prepare('SELECT DISTINCT next_inspection_date AS d FROM equipment WHERE next_inspection_date IS NOT NULL').all() as { d: string }[];
    for (const { d } of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads the same ledger saved as GBK and UTF-8 CSV with the same result as the xlsx', async () => {
    t = await districtCore();
    const model = generateDistrict({ seed: 5, units: 25 });
    const counts = [];
    for (const encoding of ['gbk', 'utf8'] as const) {
      const equipment = await writeLedgerCsv(model, `${t.dir}/设备-${encoding}.csv`, { encoding, sheet: 'equipment', defects: true });
      const managers = await writeLedgerCsv(model, `${t.dir}/人员-${encoding}.csv`, { encoding, sheet: 'managers' });
      const e = await t.ok('ledger.preview', path(equipment.file));
      expect(e.sheets[0]).toMatchObject({ kind: 'equipment', headerRow: 3 });
      expect(e.errors.map((x) => [x.row, x.code])).toEqual(equipment.defects!.errors.map((x) => [x.row, x.code]));
      counts.push(e.equipment);
      // each CSV is imported on its own: managers need their units, so the equipment goes first
      if (encoding === 'gbk') {
        await t.ok('ledger.apply', { planId: e.planId });
        const m = await t.ok('ledger.preview', path(managers.file));
        expect(m).toMatchObject({ errors: [], managers: { inserted: model.managers.length } });
      }
    }
    expect(counts[0]).toEqual({ inserted: expect.any(Number), updated: 0, unchanged: 0 });
    // the UTF-8 file after the GBK one: the same rows, now all in the database
    expect(counts[1]).toEqual({ inserted: 0, updated: 0, unchanged: counts[0]!.inserted });
  });
});

describe('import rules on small ledgers', () => {
  async function importRows(rows: unknown[][], managers?: unknown[][], name = 'ledger.xlsx') {
    const file = `${t.dir}/${name}`;
    const sheets = [{ name: '设备台账', rows: [['某分局特种设备台账'], equipmentHeader, ...rows] as never, merges: ['A1:S1'] }];
    if (managers) sheets.push({ name: '安全管理人员', rows: [managerHeader, ...managers] as never, merges: [] });
    await writeXlsx(file, sheets);
    return file;
  }

  it('folds exact repeats and refuses a later, different row with the same 设备代码', async () => {
    t = await districtCore();
    const first = equipmentRow(1);
    const file = await importRows([first, equipmentRow(2), [...first], equipmentRow(1, 1, { 设备使用地点: '二号车间' })]);
    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.duplicatesFolded).toBe(1);
    expect(preview.equipment.inserted).toBe(2);
    expect(preview.errors).toEqual([
      expect.objectContaining({ sheet: '设备台账', row: 6, column: '设备代码', columnLetter: 'H', code: 'EQUIPMENT_CODE_CONFLICT', message: expect.stringContaining('第 3 行') }),
    ]);
  });

  it('names the earlier row on another sheet when a later sheet repeats its 设备代码 with other content', async () => {
    t = await districtCore();
    const file = `${t.dir}/two-sheets.xlsx`;
    const first = equipmentRow(1);
    await writeXlsx(file, [
      { name: '设备台账', rows: [equipmentHeader, first, equipmentRow(2)] as never, merges: [] },
      { name: '补充台账', rows: [equipmentHeader, [...first], equipmentRow(2, 1, { 设备使用地点: '二号车间' }), equipmentRow(3)] as never, merges: [] },
    ]);
    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.duplicatesFolded).toBe(1);
    expect(preview.equipment.inserted).toBe(3);
    expect(preview.errors).toEqual([
      expect.objectContaining({ sheet: '补充台账', row: 3, code: 'EQUIPMENT_CODE_CONFLICT', message: expect.stringContaining('在工作表“设备台账”第 3 行已出现') }),
    ]);
  });

  it('skips rows of another district with a warning and refuses a district it does not know', async () => {
    t = await districtCore();
    const file = await importRows([equipmentRow(1), equipmentRow(2, 2, { 所属分局: '锦丰分局' }), equipmentRow(3, 3, { 所属分局: '火星' }), equipmentRow(4, 4, { 所属分局: null })]);
    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.equipment.inserted).toBe(2); // 塘桥 and the empty cell (this node's district)
    expect(preview.warnings).toEqual([expect.objectContaining({ row: 4, code: 'DISTRICT_OTHER', message: expect.stringContaining('锦丰') })]);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 5, code: 'DISTRICT_UNKNOWN', value: '火星' })]);
  });

  it('on the bureau node files each row under the district it names, and needs that column', async () => {
    t = await districtCore({ init: false });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    const file = await importRows([
      equipmentRow(1),
      equipmentRow(2, 2, { 所属分局: '锦丰分局' }),
      equipmentRow(3, 3, { 所属分局: '张家港市市场监督管理局乐余分局', 统一社会信用代码: '320582000123456' }),
      equipmentRow(4, 4, { 所属分局: null }),
    ]);
    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.equipment.inserted).toBe(3);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 6, column: '所属分局', code: 'REQUIRED_MISSING' })]);
    expect(preview.warnings).toEqual([expect.objectContaining({ row: 5, code: 'USCC_LEGACY' })]);
    await t.ok('ledger.apply', { planId: preview.planId });
    const rows = t.core.ctx.database.sqlite.prepare('SELECT d.name, u.uscc_legacy AS legacy FROM units u JOIN districts d ON d.id = u.district_id ORDER BY d.sort_order').all();
    expect(rows).toEqual([
      { name: '塘桥', legacy: 0 },
      { name: '锦丰', legacy: 0 },
      { name: '乐余', legacy: 1 },
    ]);
    // without the column the bureau cannot import at all
    const headerless = `${t.dir}/no-district.xlsx`;
    await writeXlsx(headerless, [{ name: 'S', rows: [equipmentHeader.filter((h) => h !== '所属分局'), equipmentRow(1).filter((_, i) => i !== 1)] as never }]);
    expect(await t.ok('ledger.preview', path(headerless))).toMatchObject({ needsMapping: true, sheets: [{ missingRequired: ['districtName'] }] });
  });

  it('finds a manager’s unit by credit code, or by a unique name when the code is absent', async () => {
    t = await districtCore();
    const file = await importRows(
      [equipmentRow(1, 1), equipmentRow(2, 2)],
      [managerRow(1, 1), managerRow(2, 2, { 统一社会信用代码: null }), managerRow(3, 9), managerRow(4, 1, { 统一社会信用代码: null, 使用单位名称: '不存在的公司' })],
    );
    const preview = await t.ok('ledger.preview', path(file));
    expect(preview.managers.inserted).toBe(2);
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['安全管理人员', 4, '统一社会信用代码', 'UNIT_NOT_FOUND'],
      ['安全管理人员', 5, '使用单位名称', 'UNIT_NOT_FOUND'],
    ]);
    await t.ok('ledger.apply', { planId: preview.planId });
    const rows = t.core.ctx.database.sqlite.prepare('SELECT m.name_initials AS initials, u.uscc FROM safety_managers m JOIN units u ON u.id = m.unit_id ORDER BY m.certificate_no').all();
    expect(rows).toEqual([
      { initials: expect.stringMatching(/^z/), uscc: uscc(1) },
      { initials: expect.stringMatching(/^z/), uscc: uscc(2) },
    ]);
  });

  it('does not change rows another node owns: an error row for equipment, a warning for the unit', async () => {
    t = await districtCore();
    const file = await importRows([equipmentRow(1), equipmentRow(2)]);
    await t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', path(file))).planId });
    const { sqlite } = t.core.ctx.database;
    sqlite.prepare("UPDATE equipment SET origin_node = 'bureau-node'").run();
    sqlite.prepare("UPDATE units SET origin_node = 'bureau-node'").run();
    const renamed = { 使用单位名称: '改了名的公司' };
    const changed = await importRows([equipmentRow(1, 1, { ...renamed, 设备状态: '停用' }), equipmentRow(2, 1, renamed), equipmentRow(3, 1, renamed)], undefined, 'newer.xlsx');
    const preview = await t.ok('ledger.preview', path(changed));
    expect(preview.equipment).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, code: 'NOT_OWNER', message: expect.stringContaining('其他节点') })]);
    expect(preview.warnings).toEqual([expect.objectContaining({ row: 3, code: 'NOT_OWNER' })]);
  });

  it('refuses a path chosen by a page: the UI imports staged files only', async () => {
    t = await districtCore();
    const file = await importRows([equipmentRow(1)]);
    const web = { ...t.core.ctx, host: 'web' as const };
    const { previewLedger } = await import('./preview.ts');
    await expect(previewLedger(web, { source: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { readFileSync } = await import('node:fs');
    const staged = await t.ok('files.stage', { name: '台账.xlsx', contentBase64: readFileSync(file).toString('base64') });
    const preview = await t.ok('ledger.preview', { source: { kind: 'staged', id: staged.id } });
    expect(preview).toMatchObject({ fileName: '台账.xlsx', equipment: { inserted: 1 } });
  });

  it('says a damaged file cannot be read, changing nothing', async () => {
    t = await districtCore();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = await importRows(Array.from({ length: 200 }, (_, i) => equipmentRow(i + 1)));
    const bytes = readFileSync(file);
    // keep the zip directory, damage the compressed sheet in the middle
    for (let i = 2000; i < 2400 && i < bytes.length - 200; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
    writeFileSync(file, bytes);
    const result = await t.core.call('ledger.preview', path(file));
    expect(result).toMatchObject({ ok: false, code: 'UNREADABLE_FILE', message: expect.stringContaining('无法读取文件') });
  });
});
