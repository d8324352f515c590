import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { countsForScreening, generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';

// 2026-11-28 10:00 in Zhangjiagang (02:00 UTC)
const now = () => new Date('2026-11-28T02:00:00Z');
const ID = '11010519491231002X';
let t: TestCore;
afterEach(() => t?.cleanup());

async function core() {
  t = await districtCore({ now });
  return t.core.ctx.database.sqlite;
}

describe('list 1: the 20-unit screening', () => {
  it('counts gas cylinders out: 19 elevators + 5 cylinders is not listed, 20 elevators is', async () => {
    const sqlite = await core();
    const short = insertUnit(sqlite, { name: '十九台电梯公司' });
    insertPieces(sqlite, short, 19);
    insertPieces(sqlite, short, 5, { kind: '2000', category: '2300', variety: '2310' });
    insertPieces(sqlite, short, 2, { kind: '2000', category: '2300', variety: '23T0' });
    const full = insertUnit(sqlite, { name: '二十台电梯公司' });
    insertPieces(sqlite, full, 20);

    const lists = await t.ok('lists.get', {});
    expect(lists.units.map((u) => [u.name, u.count])).toEqual([['二十台电梯公司', 20]]);
    expect(lists).toMatchObject({ asOf: '2026-11-28', districtName: '塘桥', threshold: 20 });
    expect(lists.titles.units).toBe('特种设备使用单位清单（在用 20 台及以上，不含气瓶）');
    expect(lists.titles.authority).toBe('张家港市市场监督管理局塘桥分局');
    expect((await t.ok('registry.summary', {})).list1Units).toBe(1);
  });

  it('counts only the counted statuses, and no tombstones', async () => {
    const sqlite = await core();
    const unit = insertUnit(sqlite, { name: '停用较多公司' });
    insertPieces(sqlite, unit, 17);
    insertPieces(sqlite, unit, 1, { status: 'stopped' });
    insertPieces(sqlite, unit, 1, { status: 'scrapped' });
    insertPieces(sqlite, unit, 1, { status: 'cancelled' });
    const [gone] = insertPieces(sqlite, unit, 3);
    sqlite.prepare("UPDATE equipment SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(gone);
    expect((await t.ok('lists.get', {})).units).toEqual([]); // 17 + 2 live in use = 19

    await t.ok('settings.update', { registry: { countedStatuses: ['in_use', 'stopped'] } });
    const lists = await t.ok('lists.get', {});
    expect(lists.units.map((u) => u.count)).toEqual([20]);
    expect(lists.titles.units).toContain('在用、停用 20 台及以上');
  });

  it('follows the threshold setting, and flags 50+ for a safety management body', async () => {
    const sqlite = await core();
    const small = insertUnit(sqlite, { name: '小公司' });
    insertPieces(sqlite, small, 12);
    const big = insertUnit(sqlite, { name: '大公司' });
    insertPieces(sqlite, big, 50, { kind: '4000', category: '4100', variety: null });
    expect((await t.ok('lists.get', {})).units.map((u) => [u.name, u.needsSafetyBody])).toEqual([['大公司', true]]);

    await t.ok('settings.update', { registry: { screeningThreshold: 10, safetyBodyThreshold: 51 } });
    const lists = await t.ok('lists.get', {});
    expect(lists.units.map((u) => [u.name, u.count, u.needsSafetyBody])).toEqual([
      ['大公司', 50, false],
      ['小公司', 12, false],
    ]);
    expect(lists.threshold).toBe(10);
    expect(lists.countsByKind).toEqual([
      { kindCode: '3000', kindName: '电梯', count: 12 },
      { kindCode: '4000', kindName: '起重机械', count: 50 },
    ]);
    expect(lists.units[1]!.countsByKind).toEqual({ '3000': 12 });
  });

  it('follows the catalogue tree: 7310 安全阀 sits under F000, not under 7000', async () => {
    const sqlite = await core();
    const unit = insertUnit(sqlite, { name: '阀门较多公司' });
    insertPieces(sqlite, unit, 19);
    insertPieces(sqlite, unit, 1, { kind: 'F000', category: '7310', variety: null });
    expect((await t.ok('lists.get', {})).units.map((u) => u.countsByKind)).toEqual([{ '3000': 19, F000: 1 }]);

    await t.ok('settings.update', { registry: { excludedCodes: ['2300', '7000'] } });
    expect((await t.ok('lists.get', {})).units).toHaveLength(1);
    await t.ok('settings.update', { registry: { excludedCodes: ['2300', 'F000'] } });
    const lists = await t.ok('lists.get', {});
    expect(lists.units).toHaveLength(0);
    expect(lists.titles.units).toBe('特种设备使用单位清单（在用 20 台及以上，不含气瓶、安全附件）');
    await t.ok('settings.update', { registry: { excludedCodes: ['7310'] } });
    expect((await t.ok('lists.get', {})).units).toHaveLength(0);
  });
});

describe('list 2: certified safety managers', () => {
  it('lists valid A certificates of listed units on the as-of date, legacy A1–A8 included, ID numbers masked', async () => {
    const sqlite = await core();
    const listed = insertUnit(sqlite, { name: '甲公司' });
    insertPieces(sqlite, listed, 25);
    const notListed = insertUnit(sqlite, { name: '乙公司' });
    insertPieces(sqlite, notListed, 3);
    insertManager(sqlite, listed, { name: '张三', certificateNo: 'TS-A-001', expiry: '2026-11-28', idNumber: ID, phone: '13812345678' });
    insertManager(sqlite, listed, { name: '李四', certificateNo: 'TS-A-002', expiry: '2026-11-27' }); // expired the day before
    insertManager(sqlite, listed, { name: '王五', certificateNo: 'TS-A3-003', itemCode: 'A3', expiry: '2028-05-01' });
    insertManager(sqlite, listed, { name: '赵六', certificateNo: 'TS-A-004', expiry: null }); // no expiry: not valid
    insertManager(sqlite, listed, { name: '钱七', certificateNo: 'TS-Q2-005', itemCode: 'Q2', expiry: '2029-01-01' });
    insertManager(sqlite, notListed, { name: '孙八', certificateNo: 'TS-A-006', expiry: '2029-01-01' });

    const lists = await t.ok('lists.get', {});
    expect(lists.managers.map((m) => [m.name, m.certificateNo, m.itemCode])).toEqual([
      ['王五', 'TS-A3-003', 'A3'],
      ['张三', 'TS-A-001', 'A'],
    ]);
    expect(lists.units[0]!.managerCount).toBe(2);
    const zhang = lists.managers.find((m) => m.name === '张三')!;
    expect(zhang).toMatchObject({ idNumberMasked: '1101**********002X', phoneMasked: '138****5678', uscc: lists.units[0]!.uscc, unitName: '甲公司' });
    expect(JSON.stringify(lists)).not.toContain(ID);
    expect(JSON.stringify(lists)).not.toContain('13812345678');

    // the day after 张三's expiry he drops off; a year earlier 李四 was still valid
    expect((await t.ok('lists.get', { asOf: '2026-11-29' })).managers.map((m) => m.name)).toEqual(['王五']);
    expect((await t.ok('lists.get', { asOf: '2025-11-28' })).managers.map((m) => m.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    expect(await t.ok('registry.summary', {})).toMatchObject({ list1Units: 1, list2Managers: 2 });
  });

  it('refuses a date that does not exist', async () => {
    await core();
    expect(await t.core.call('lists.get', { asOf: '2026-02-30' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('names the whole city on the bureau', async () => {
    t = await districtCore({ now, init: false });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    const lists = await t.ok('lists.get', {});
    expect(lists).toMatchObject({ districtName: '全市', units: [], managers: [] });
    expect(lists.titles.authority).toBe('张家港市市场监督管理局');
  });
});

describe('two lists on a generated district', () => {
  it('agree with an independent count of the sample model', async () => {
    t = await districtCore({ now: () => new Date('2026-12-01T02:00:00Z') });
    const model = generateDistrict({ seed: 11, units: 120 });
    const node = (await t.ok('node.get', {}))!;
    insertModel(t.core.ctx.database.sqlite, model, { nodeId: node.id, districtId: 'seed-district-03' });

    const counts = new Map<number, number>();
    for (const e of model.equipment) if (countsForScreening(e)) counts.set(e.unitIndex, (counts.get(e.unitIndex) ?? 0) + 1);
    const listed = [...counts].filter(([, n]) => n >= 20).map(([i]) => i);
    const lists = await t.ok('lists.get', { asOf: model.asOf });
    expect(lists.units.map((u) => u.uscc).sort()).toEqual(listed.map((i) => model.units[i]!.uscc).sort());
    expect(lists.units.map((u) => u.count)).toEqual([...lists.units.map((u) => u.count)].sort((a, b) => b - a));

    const valid = model.managers.filter((m) => listed.includes(m.unitIndex) && /^A[1-8]?$/.test(m.itemCode) && m.expiryDate >= model.asOf);
    expect(lists.managers.map((m) => m.certificateNo).sort()).toEqual(valid.map((m) => m.certificateNo).sort());
    expect(lists.managers.length).toBeGreaterThan(0);
    for (const m of lists.managers) expect(m.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await t.ok('registry.summary', { asOf: model.asOf })).toMatchObject({ list1Units: lists.units.length, list2Managers: lists.managers.length });
  });

  it('keeps to this node’s district', async () => {
    const sqlite = await core();
    insertPieces(sqlite, insertUnit(sqlite, { name: '本辖区公司' }), 20);
    insertPieces(sqlite, insertUnit(sqlite, { name: '锦丰的公司', districtId: 'seed-district-04' }), 30);
    const lists = await t.ok('lists.get', {});
    expect(lists.units.map((u) => u.name)).toEqual(['本辖区公司']);
    expect(await t.ok('registry.summary', {})).toMatchObject({ units: 1, equipmentInUse: 20, list1Units: 1 });
  });
});
