import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { hostileBundle, syncColumns } from '../../../tests/support/hostile-bundle.ts';
import { equipmentHeader, equipmentRow, managerHeader, managerRow, uscc, writeXlsx } from '../ledger/test-fixtures.ts';
import { nameSortKey } from '../pinyin.ts';
import { insertManager, insertPieces, insertUnit, testUscc } from '../registry/testing/fixtures.ts';

// Names sort by pinyin (name_sort, kept by triggers) in the three registry grids, and
// every writer leaves the right key: the form, the ledger import, a bundle merge.

const TANGQIAO = 'seed-district-03';
let t: TestCore;
afterEach(() => t?.cleanup());

const keyOf = (table: 'units' | 'safety_managers', id: string) =>
  (t.core.ctx.database.sqlite.prepare(`SELECT name_sort AS k FROM ${table} WHERE id = ?`).get(id) as { k: string | null }).k;

describe('pinyin order in the grids', () => {
  it('sorts units, managers and equipment by the pinyin of the names, both ways', async () => {
    t = await districtCore();
    const { sqlite } = t.core.ctx.database;
    // created in code-point order (先 < 张 < 章 < 西 < 阿 < 陈); pinyin order is 阿 陈 西 先 张 章
    const ids = ['先锋电梯', '张家港机械', '章丘锅炉', '西安重工', '阿里物流', '陈氏化工'].map((name) => insertUnit(sqlite, { name }));
    ids.forEach((id) => insertPieces(sqlite, id, 1));
    insertManager(sqlite, ids[0]!, { name: '曾小明' });
    insertManager(sqlite, ids[1]!, { name: '陈明' });
    insertManager(sqlite, ids[2]!, { name: '张三' });
    insertManager(sqlite, ids[3]!, { name: '阿强' });
    const pinyin = ['阿里物流', '陈氏化工', '西安重工', '先锋电梯', '张家港机械', '章丘锅炉'];
    const units = async (sort: 'asc' | 'desc') => (await t.ok('units.query', { startRow: 0, endRow: 100, sort: [{ colId: 'name', sort }] })).rows.map((r) => r.name);
    expect(await units('asc')).toEqual(pinyin);
    expect(await units('desc')).toEqual([...pinyin].reverse());
    const equipment = await t.ok('equipment.query', { startRow: 0, endRow: 100, sort: [{ colId: 'unitName', sort: 'asc' }] });
    expect(equipment.rows.map((r) => r.unitName)).toEqual(pinyin);
    const managers = await t.ok('managers.query', { startRow: 0, endRow: 100, sort: [{ colId: 'name', sort: 'asc' }] });
    expect(managers.rows.map((r) => r.name)).toEqual(['阿强', '陈明', '曾小明', '张三']); // 曾 as a surname: zeng
    const byUnit = await t.ok('managers.query', { startRow: 0, endRow: 100, sort: [{ colId: 'unitName', sort: 'asc' }] });
    expect(byUnit.rows.map((r) => r.unitName)).toEqual(['西安重工', '先锋电梯', '张家港机械', '章丘锅炉']);
  });

  it('sorts units by their counts: 检验超期, 检验临期, 计入台数, 安全管理员', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const { sqlite } = t.core.ctx.database;
    const a = insertUnit(sqlite, { name: '甲公司' });
    const b = insertUnit(sqlite, { name: '乙公司' });
    const c = insertUnit(sqlite, { name: '丙公司' });
    insertPieces(sqlite, a, 3, { next: '2026-11-01' }); // overdue
    insertPieces(sqlite, b, 1, { next: '2026-11-01' });
    insertPieces(sqlite, b, 2, { next: '2026-12-10' }); // due within 30 days
    insertPieces(sqlite, b, 1, { next: '2027-06-01' });
    insertPieces(sqlite, c, 5, { kind: '2000', category: '2300', variety: '2310', next: '2027-06-01' }); // cylinders: in use, not counted
    insertPieces(sqlite, c, 1, { next: '2027-06-01' });
    insertPieces(sqlite, c, 1, { next: '2026-12-10' });
    insertManager(sqlite, c, { name: '张三' });
    insertManager(sqlite, c, { name: '李四' });
    insertManager(sqlite, a, { name: '王五' });
    const order = async (colId: string, sort: 'asc' | 'desc') =>
      (await t.ok('units.query', { startRow: 0, endRow: 100, sort: [{ colId, sort }] })).rows.map((r) => r.name);
    expect(await order('overdueCount', 'desc')).toEqual(['甲公司', '乙公司', '丙公司']); // 3, 1, 0
    expect(await order('overdueCount', 'asc')).toEqual(['丙公司', '乙公司', '甲公司']);
    expect(await order('dueSoonCount', 'desc')).toEqual(['乙公司', '丙公司', '甲公司']); // 2, 1, 0
    expect(await order('screenedCount', 'desc')).toEqual(['乙公司', '甲公司', '丙公司']); // 4, 3, 2
    expect(await order('equipmentInUse', 'desc')).toEqual(['丙公司', '乙公司', '甲公司']); // 7, 4, 3
    expect(await order('managerCount', 'desc')).toEqual(['丙公司', '甲公司', '乙公司']); // 2, 1, 0
    expect(await order('managerCount', 'asc')).toEqual(['乙公司', '甲公司', '丙公司']);
    // a page in the middle of a count sort is the same rows as the whole list's middle
    const page = await t.ok('units.query', { startRow: 1, endRow: 2, sort: [{ colId: 'managerCount', sort: 'desc' }] });
    expect(page).toMatchObject({ total: 3, rows: [{ name: '甲公司', managerCount: 1, overdueCount: 3 }] });
  });
});

describe('the sort key on every write path', () => {
  it('is set and follows a rename through the form', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', { districtId: TANGQIAO, name: '张家港市塘桥机械有限公司', uscc: testUscc(7001) });
    expect(keyOf('units', unit.id)).toBe(nameSortKey('张家港市塘桥机械有限公司'));
    await t.ok('units.update', { id: unit.id, version: 1, data: { districtId: TANGQIAO, name: '重庆啤酒张家港有限公司', uscc: testUscc(7001) } });
    expect(keyOf('units', unit.id)).toBe(nameSortKey('重庆啤酒张家港有限公司'));
    expect(keyOf('units', unit.id)!.startsWith('~chong2重')).toBe(true);
  });

  it('is set by the ledger import, for units and managers, and follows a rename on re-import', async () => {
    t = await districtCore();
    const file = `${t.dir}/ledger.xlsx`;
    const write = (unitName: string, person: string) =>
      writeXlsx(file, [
        { name: '设备台账', rows: [equipmentHeader, equipmentRow(1, 1, { 使用单位名称: unitName })] as never },
        { name: '安全管理人员', rows: [managerHeader, managerRow(1, 1, { 使用单位名称: unitName, 姓名: person })] as never },
      ]);
    // a new name under the same credit code is an identity change, written once accepted
    const apply = async () =>
      t.ok('ledger.apply', { planId: (await t.ok('ledger.preview', { source: { kind: 'path', path: file } })).planId, acceptIdentityChanges: 'all' });
    await write('长江润发机械有限公司', '单田芳');
    await apply();
    const { sqlite } = t.core.ctx.database;
    const row = () => sqlite.prepare('SELECT u.id AS unitId, u.name_sort AS unitKey, m.id AS managerId, m.name_sort AS managerKey FROM units u JOIN safety_managers m ON m.unit_id = u.id WHERE u.uscc = ?').get(uscc(1)) as Record<string, string>;
    expect(row()).toMatchObject({ unitKey: nameSortKey('长江润发机械有限公司'), managerKey: nameSortKey('单田芳', 'person') });
    expect(row()['managerKey']!.startsWith('~shan4单')).toBe(true);
    await write('长江润发重工有限公司', '曾小明');
    await apply();
    expect(row()).toMatchObject({ unitKey: nameSortKey('长江润发重工有限公司'), managerKey: nameSortKey('曾小明', 'person') });
  });
});

describe('the sort key of rows merged from a bundle', () => {
  let bureau: ExchangeNode;
  let office: ExchangeNode;
  beforeAll(async () => {
    bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
    office = await exchangeNode('district', '塘桥分局', TANGQIAO);
    await trustEachOther(office, bureau);
  });
  afterAll(() => [bureau, office].forEach((n) => n.cleanup()));

  it('is computed on receipt when the sender sent none (an older program) or a wrong one', async () => {
    const without = { ...syncColumns(office.id), district_id: TANGQIAO, name: '西安重工张家港分公司', uscc: testUscc(8001) };
    const wrong = { ...syncColumns(office.id), district_id: TANGQIAO, name: '阿里物流张家港分公司', uscc: testUscc(8002), name_sort: 'zzz' };
    const manager = { ...syncColumns(office.id), unit_id: wrong.id, name: '曾小明', name_sort: null };
    const file = await hostileBundle(office, bureau, { units: [without, wrong], safety_managers: [manager] });
    const [result] = await bureau.ok('bundles.import', { paths: [file] });
    expect(result).toMatchObject({ status: 'imported' });
    const key = (table: string, id: string) => (bureau.core.ctx.database.sqlite.prepare(`SELECT name_sort AS k FROM ${table} WHERE id = ?`).get(id) as { k: string }).k;
    expect(key('units', without.id)).toBe(nameSortKey(without.name));
    expect(key('units', wrong.id)).toBe(nameSortKey(wrong.name));
    expect(key('safety_managers', manager.id)).toBe(nameSortKey('曾小明', 'person'));
    const page = await bureau.ok('units.query', { startRow: 0, endRow: 10, sort: [{ colId: 'name', sort: 'asc' }] });
    expect(page.rows.map((r) => r.name)).toEqual(['阿里物流张家港分公司', '西安重工张家港分公司']);
  });
});
