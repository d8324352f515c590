import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { equipmentQuerySql } from './equipment-query.ts';
import { insertPieces, insertUnit } from './testing/fixtures.ts';

// 2026-11-28 01:00 in Zhangjiagang, still the 27th in UTC: "today" is China's date
const now = () => new Date('2026-11-27T17:00:00Z');
let t: TestCore;
afterEach(() => t?.cleanup());

async function core() {
  t = await districtCore({ now });
  return t.core.ctx.database.sqlite;
}

describe('inspection status', () => {
  it('is 超期 before the as-of date, 临期 up to and including dueSoonDays ahead, else 正常, 未知 without a date', async () => {
    const sqlite = await core();
    const unit = insertUnit(sqlite, { name: '检验测试公司' });
    const dates: [string | null, string][] = [
      ['2026-11-27', 'overdue'], // yesterday
      ['2026-11-28', 'due'], // today: still allowed, but due
      ['2026-12-28', 'due'], // exactly 30 days ahead
      ['2026-12-29', 'ok'],
      [null, 'unknown'],
      ['', 'unknown'],
    ];
    for (const [next, status] of dates) insertPieces(sqlite, unit, 1, { next, location: status });
    const page = await t.ok('equipment.query', { sort: [{ colId: 'nextInspectionDate', sort: 'asc' }] });
    expect(page.rows.map((r) => [r.nextInspectionDate, r.inspectionStatus])).toEqual([
      [null, 'unknown'], // SQLite sorts NULL, then empty text, first
      ['', 'unknown'],
      ['2026-11-27', 'overdue'],
      ['2026-11-28', 'due'],
      ['2026-12-28', 'due'],
      ['2026-12-29', 'ok'],
    ]);
    for (const status of ['overdue', 'due', 'ok', 'unknown'] as const) {
      const rows = (await t.ok('equipment.query', { inspection: status })).rows;
      expect(rows.map((r) => r.inspectionStatus)).toEqual(dates.filter(([, s]) => s === status).map(() => status));
    }
    // the same pieces a day later, and with a shorter window
    expect((await t.ok('equipment.query', { inspection: 'overdue', asOf: '2026-11-29' })).total).toBe(2);
    await t.ok('settings.update', { registry: { dueSoonDays: 7 } });
    expect((await t.ok('equipment.query', { inspection: 'due' })).rows.map((r) => r.nextInspectionDate)).toEqual(['2026-11-28']);

    const summary = await t.ok('registry.summary', {});
    expect(summary).toMatchObject({ asOf: '2026-11-28', equipmentInUse: 6, inspection: { overdue: 1, due: 1, ok: 2, unknown: 2 } });
    expect((await t.ok('units.get', { id: unit })).overdueCount).toBe(1);
  });
});

describe('equipment.query', () => {
  async function sample() {
    const sqlite = await core();
    const a = insertUnit(sqlite, { name: '张家港市塘桥精密机械有限公司' });
    const b = insertUnit(sqlite, { name: '张家港市鹿苑纺织有限公司', districtId: 'seed-district-04' });
    insertPieces(sqlite, a, 1, { equipmentCode: '31103205820190001A', registrationNo: '梯11苏E00001(17)', next: '2027-03-01', location: '1号楼', updatedAt: '2026-01-01T00:00:01Z' });
    insertPieces(sqlite, a, 1, { kind: '4000', category: '4100', variety: null, registrationCode: '41003205822015010001', next: '2026-10-01', location: '一号车间', updatedAt: '2026-01-01T00:00:02Z' });
    insertPieces(sqlite, a, 1, { status: 'stopped', location: '100%_仓库', next: '2027-01-15', updatedAt: '2026-01-01T00:00:03Z' });
    insertPieces(sqlite, b, 1, { kind: '5000', category: '5100', variety: '5110', location: '成品仓库', next: '2026-12-10', updatedAt: '2026-01-01T00:00:04Z', extra: { 维保单位: '某电梯公司', 联系人身份证: '11010519491231002X', 备注: '联系 13812345678' } });
    const [gone] = insertPieces(sqlite, b, 1, { updatedAt: '2026-01-01T00:00:05Z' });
    sqlite.prepare("UPDATE equipment SET deleted_at = '2026-02-01T00:00:00Z' WHERE id = ?").run(gone);
    return { a, b };
  }
  const locations = (page: { rows: { location: string | null }[] }) => page.rows.map((r) => r.location);

  it('pages live rows, newest change first, with catalogue names and unit columns', async () => {
    await sample();
    const first = await t.ok('equipment.query', { startRow: 0, endRow: 2 });
    expect(first.total).toBe(4);
    expect(locations(first)).toEqual(['成品仓库', '100%_仓库']);
    expect(locations(await t.ok('equipment.query', { startRow: 2, endRow: 10 }))).toEqual(['一号车间', '1号楼']);
    expect(first.rows[0]).toMatchObject({
      kindCode: '5000', kindName: '场（厂）内专用机动车辆', categoryName: '机动工业车辆', varietyName: '叉车',
      unitName: '张家港市鹿苑纺织有限公司', districtName: '锦丰', status: 'in_use', inspectionStatus: 'due',
    });
  });

  it('keeps unmodelled ledger columns, with personal data masked', async () => {
    await sample();
    const [row] = (await t.ok('equipment.query', { startRow: 0, endRow: 1 })).rows;
    expect(row!.extra).toEqual({ 维保单位: '某电梯公司', 联系人身份证: '1101**********002X', 备注: '联系 138****5678' });
  });

  it('sorts by an allow-listed column with a stable tie-breaker, and refuses others', async () => {
    await sample();
    expect(locations(await t.ok('equipment.query', { sort: [{ colId: 'nextInspectionDate', sort: 'asc' }] }))).toEqual(['一号车间', '成品仓库', '100%_仓库', '1号楼']);
    expect(locations(await t.ok('equipment.query', { sort: [{ colId: 'nextInspectionDate', sort: 'desc' }] }))).toEqual(['1号楼', '100%_仓库', '成品仓库', '一号车间']);
    // unit names by pinyin: 鹿苑 (lu) before 塘桥 (tang), though 塘 comes first by code point
    expect(locations(await t.ok('equipment.query', { sort: [{ colId: 'unitName', sort: 'asc' }, { colId: 'location', sort: 'asc' }] }))).toEqual(['成品仓库', '100%_仓库', '1号楼', '一号车间']);
    expect(locations(await t.ok('equipment.query', { sort: [{ colId: 'kindCode', sort: 'asc' }] }))).toEqual(['1号楼', '100%_仓库', '一号车间', '成品仓库']);
    expect(await t.core.call('equipment.query', { sort: [{ colId: 'extra', sort: 'asc' }] })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('filters by unit, district, status, kind', async () => {
    const { a } = await sample();
    expect((await t.ok('equipment.query', { unitId: a })).total).toBe(3);
    expect(locations(await t.ok('equipment.query', { districtId: 'seed-district-04' }))).toEqual(['成品仓库']);
    expect(locations(await t.ok('equipment.query', { status: ['stopped'] }))).toEqual(['100%_仓库']);
    expect((await t.ok('equipment.query', { status: ['in_use', 'stopped'] })).total).toBe(4);
    expect(locations(await t.ok('equipment.query', { kindCode: '4000' }))).toEqual(['一号车间']);
    expect(locations(await t.ok('equipment.query', { unitId: a, status: ['in_use'], inspection: 'overdue' }))).toEqual(['一号车间']);
  });

  it('searches codes, registration numbers, unit names, their initials and locations', async () => {
    await sample();
    const search = async (q: string) => locations(await t.ok('equipment.query', { search: q }));
    expect(await search('3110320582019')).toEqual(['1号楼']);
    expect(await search('31103205820190001a')).toEqual(['1号楼']); // codes typed in lower case
    expect(await search('41003205822015')).toEqual(['一号车间']);
    expect(await search('苏E00001')).toEqual(['1号楼']);
    expect(await search('鹿苑纺织')).toEqual(['成品仓库']);
    expect(await search('ZJGSTQ')).toEqual(['100%_仓库', '一号车间', '1号楼']); // 张家港市塘桥…
    expect(await search('车间')).toEqual(['一号车间']);
    expect(await search('%')).toEqual(['100%_仓库']); // a literal %, not a wildcard
    expect(await search('_')).toEqual(['100%_仓库']);
    expect((await t.ok('equipment.query', { search: '塘桥', startRow: 1, endRow: 2 })).total).toBe(3);
  });
});

describe('equipment grid query plans', () => {
  it('walks indexes for the default order, a unit, the next inspection date and a kind, with no sort of the table', async () => {
    t = await districtCore({ now });
    const dates = { asOf: '2026-11-28', dueLimit: '2026-12-28' };
    const plan = (filter: Parameters<typeof equipmentQuerySql>[0], which: 'idsSql' | 'countSql' = 'idsSql') => {
      const q = equipmentQuerySql(filter, dates);
      const sql = which === 'idsSql' ? `${q.idsSql} LIMIT ? OFFSET ?` : q.countSql;
      const params = which === 'idsSql' ? [...q.params, 100, 0] : q.params;
      return (t.core.ctx.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    const byDefault = plan({});
    expect(byDefault).toMatch(/SCAN e USING COVERING INDEX equipment_live_updated/);
    expect(byDefault).not.toMatch(/TEMP B-TREE/);
    // without a date filter or a search the total is summed from the kept counts, not the pieces
    for (const filter of [{}, { status: ['in_use' as const] }, { kindCode: '3000' }, { unitId: 'u1' }, { districtId: 'seed-district-04' }]) {
      const count = plan(filter, 'countSql');
      expect(count).toMatch(/equipment_unit_counts|\bc\b/);
      expect(count).not.toMatch(/\be\b/);
    }
    // a date filter counts from the date index
    expect(plan({ inspection: 'overdue' }, 'countSql')).toMatch(/SEARCH e USING COVERING INDEX equipment_live_next/);

    expect(plan({ unitId: 'u1' })).toMatch(/SEARCH e USING (COVERING )?INDEX equipment_unit \(unit_id=\?\)/);

    for (const sort of ['asc', 'desc'] as const) {
      const byNext = plan({ sort: [{ colId: 'nextInspectionDate', sort }] });
      expect(byNext).toMatch(/SCAN e USING COVERING INDEX equipment_live_next/);
      expect(byNext).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan({ inspection: 'overdue' })).toMatch(/SEARCH e USING COVERING INDEX equipment_live_next \(next_inspection_date>\? AND next_inspection_date<\?\)/);

    const byKind = plan({ kindCode: '3000' });
    expect(byKind).toMatch(/SEARCH e USING COVERING INDEX equipment_live_kind \(kind_code=\?\)/);
    expect(byKind).not.toMatch(/TEMP B-TREE/);
    expect(plan({ sort: [{ colId: 'kindCode', sort: 'asc' }] })).toMatch(/SCAN e USING COVERING INDEX equipment_live_kind/);

    // by unit name: units in (name_sort, id) order, each unit's pieces from the unit index, sorted
    // only within the unit (no sort step over the table), ascending and descending, with a filter
    for (const sort of ['asc', 'desc'] as const) {
      for (const filter of [{}, { status: ['in_use' as const] }]) {
        const byUnit = plan({ ...filter, sort: [{ colId: 'unitName', sort }] });
        expect(byUnit).toMatch(/SCAN u USING COVERING INDEX units_name_sort/);
        expect(byUnit).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?/);
        expect(byUnit).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    }
    // a district: its units' pieces gathered from the covering unit index, never a table read
    const byDistrict = plan({ districtId: 'seed-district-04' });
    expect(byDistrict).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?\)/);
    expect(byDistrict).not.toMatch(/SCAN e\b/);
  });
});

describe('a date filter read by walking the order', () => {
  it('gives the same pages and totals as gathering the date range, for every status, filter and sort', async () => {
    const sqlite = await core();
    const node = (await t.ok('node.get', {}))!.id;
    insertModel(sqlite, generateDistrict({ seed: 5, units: 40 }), { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
    const dates = { asOf: '2026-11-28', dueLimit: '2026-12-28' };
    const ids = (filter: Parameters<typeof equipmentQuerySql>[0], walk: boolean) => {
      const q = equipmentQuerySql(filter, dates, { walk });
      return sqlite.prepare(q.idsSql.replace('SELECT e.rowid', 'SELECT e.id')).pluck().all(...q.params) as string[];
    };
    let pages = 0;
    for (const inspection of ['overdue', 'due', 'ok', 'unknown'] as const) {
      for (const extra of [{}, { status: ['in_use' as const] }, { kindCode: '3000' }, { sort: [{ colId: 'unitName' as const, sort: 'asc' as const }] }]) {
        const filter = { inspection, ...extra };
        const gathered = ids(filter, false);
        expect({ filter, ids: ids(filter, true) }).toEqual({ filter, ids: gathered });
        for (const startRow of [0, 30]) {
          const page = await t.ok('equipment.query', { ...filter, startRow, endRow: startRow + 30 });
          expect({ filter, startRow, total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({ filter, startRow, total: gathered.length, ids: gathered.slice(startRow, startRow + 30) });
          pages += page.rows.length ? 1 : 0;
        }
      }
    }
    expect(pages).toBeGreaterThan(20);
    // walked: the default order's index, no sort; sorted by the date itself: still its range
    const plan = (filter: Parameters<typeof equipmentQuerySql>[0]) => {
      const q = equipmentQuerySql(filter, dates, { walk: true });
      return (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.idsSql} LIMIT 100`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    expect(plan({ inspection: 'overdue' })).toMatch(/SCAN e USING (COVERING )?INDEX equipment_(live_)?updated/);
    expect(plan({ inspection: 'overdue' })).not.toMatch(/TEMP B-TREE/);
    expect(plan({ inspection: 'due', sort: [{ colId: 'nextInspectionDate', sort: 'desc' }] })).toMatch(/equipment_live_next \(next_inspection_date>\? AND next_inspection_date<\?\)/);
  }, 60_000);
});
