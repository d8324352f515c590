import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { managerQuerySql } from './manager-query.ts';
import { insertManager, insertUnit } from './testing/fixtures.ts';

const now = () => new Date('2026-11-28T02:00:00Z');
const ID = '11010519491231002X';
let t: TestCore;
afterEach(() => t?.cleanup());

async function sample() {
  t = await districtCore({ now });
  const { sqlite } = t.core.ctx.database;
  const a = insertUnit(sqlite, { name: '张家港市塘桥精密机械有限公司' });
  const b = insertUnit(sqlite, { name: '张家港市妙桥针织有限公司' });
  insertManager(sqlite, a, { name: '张三', certificateNo: 'TSZ3205001', expiry: '2026-11-27', idNumber: ID, phone: '0512-58123456', extra: { 身份证号码: ID } }); // expired yesterday
  insertManager(sqlite, a, { name: '李四', certificateNo: 'TSZ3205002', itemCode: 'A3', expiry: '2026-11-28' }); // expiring: today is the last day
  insertManager(sqlite, a, { name: '王五', certificateNo: 'TSZ3205003', expiry: '2027-02-26' }); // exactly 90 days ahead: expiring
  insertManager(sqlite, b, { name: '赵六', certificateNo: 'TSZ3205004', itemCode: 'Q2', expiry: '2027-02-27' }); // valid
  insertManager(sqlite, b, { name: '钱七', certificateNo: null, expiry: null, phone: '13812345678' });
  return { a, b };
}
const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('managers.query', () => {
  it('gives each certificate its status on the as-of date', async () => {
    await sample();
    const rows = (await t.ok('managers.query', { sort: [{ colId: 'name', sort: 'asc' }] })).rows;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.certificateStatus]))).toEqual({ 张三: 'expired', 李四: 'expiring', 王五: 'expiring', 赵六: 'valid', 钱七: 'unknown' });
    expect(names(await t.ok('managers.query', { certificate: 'expiring' })).sort()).toEqual(['李四', '王五'].sort());
    expect(names(await t.ok('managers.query', { certificate: 'expired' }))).toEqual(['张三']);
    expect(names(await t.ok('managers.query', { certificate: 'valid' }))).toEqual(['赵六']);
    expect(names(await t.ok('managers.query', { certificate: 'unknown' }))).toEqual(['钱七']);
    expect(names(await t.ok('managers.query', { certificate: 'expired', asOf: '2026-11-29' })).sort()).toEqual(['张三', '李四'].sort());
    expect((await t.ok('registry.summary', {})).managersExpiringSoon).toBe(2);
  });

  it('shows ID numbers and phones masked only, in the row and in the extra columns', async () => {
    await sample();
    const page = await t.ok('managers.query', {});
    const zhang = page.rows.find((r) => r.name === '张三')!;
    expect(zhang).toMatchObject({ idNumberMasked: '1101**********002X', phoneMasked: '051******3456', extra: { 身份证号码: '1101**********002X' } });
    expect(page.rows.find((r) => r.name === '钱七')).toMatchObject({ phoneMasked: '138****5678', idNumberMasked: null });
    const json = JSON.stringify(page);
    expect(json).not.toContain(ID);
    expect(json).not.toContain('13812345678');
    expect(json).not.toContain('58123456');
    expect(Object.keys(zhang)).not.toContain('idNumber');
  });

  it('filters by unit and item (A finds the legacy A1–A8), searches names, initials, certificates and units', async () => {
    const { b } = await sample();
    expect(names(await t.ok('managers.query', { unitId: b })).sort()).toEqual(['赵六', '钱七'].sort());
    expect(names(await t.ok('managers.query', { itemCode: 'a', sort: [{ colId: 'certificateNo', sort: 'asc' }] }))).toEqual(['钱七', '张三', '李四', '王五']); // no certificate number sorts first
    expect(names(await t.ok('managers.query', { itemCode: 'Q2' }))).toEqual(['赵六']);
    const search = async (q: string) => names(await t.ok('managers.query', { search: q, sort: [{ colId: 'name', sort: 'asc' }] }));
    expect(await search('王五')).toEqual(['王五']);
    expect(await search('ZS')).toEqual(['张三']); // pinyin initials
    expect(await search('tsz3205004')).toEqual(['赵六']);
    expect((await search('妙桥')).sort()).toEqual(['赵六', '钱七'].sort());
  });

  it('pages and sorts in SQLite', async () => {
    await sample();
    const sorted = { sort: [{ colId: 'expiryDate', sort: 'desc' }] };
    expect(names(await t.ok('managers.query', { ...sorted, startRow: 0, endRow: 2 }))).toEqual(['赵六', '王五']);
    const rest = await t.ok('managers.query', { ...sorted, startRow: 2, endRow: 5 });
    expect(names(rest)).toEqual(['李四', '张三', '钱七']);
    expect(rest.total).toBe(5);
  });

  it('walks indexes for the default order, a unit and an item', async () => {
    t = await districtCore({ now });
    const dates = { asOf: '2026-11-28', expiringLimit: '2027-02-26' };
    const plan = (filter: Parameters<typeof managerQuerySql>[0]) => {
      const q = managerQuerySql(filter, dates);
      return (t.core.ctx.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.idsSql} LIMIT 100 OFFSET 0`).all(...q.params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    };
    expect(plan({})).toMatch(/SCAN m USING INDEX safety_managers_updated/);
    expect(plan({})).not.toMatch(/TEMP B-TREE/);
    expect(plan({ unitId: 'u1' })).toMatch(/SEARCH m USING INDEX safety_managers_unit \(unit_id=\?\)/);
    expect(plan({ itemCode: 'A' })).toMatch(/SEARCH m USING INDEX safety_managers_item_expiry \(item_code=\?\)/);
  });
});
