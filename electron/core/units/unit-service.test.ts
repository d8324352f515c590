import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { insertPieces } from '../registry/testing/fixtures.ts';
import { RegistrySettings } from '../../api/schemas/settings.ts';
import { unitQuerySql, unitsByRowidsSql } from './unit-query.ts';
import { unitReadWith } from './unit-rows.ts';

const TANGQIAO = 'seed-district-03';
const valid = { districtId: TANGQIAO, name: '张家港市塘桥某机械有限公司', uscc: '91330100716105852F' };
let t: TestCore;
afterEach(() => t?.cleanup());

describe('units', () => {
  it('creates a unit with a normalised credit code and reads it back from the file', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', { ...valid, uscc: ' ９１３３０１００７１６１０５８５２ｆ ', address: '  塘桥镇 ' });
    expect(unit).toMatchObject({ uscc: '91330100716105852F', usccLegacy: false, districtName: '塘桥', address: '塘桥镇', version: 1 });
    expect(unit.originNode).toBe((await t.ok('node.get', {}))!.id);
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 1 });
  });

  it('refuses a wrong check digit with a Chinese message naming the field, saving nothing', async () => {
    t = await districtCore();
    const result = await t.core.call('units.create', { ...valid, uscc: '91330100716105852A' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'uscc' } });
    expect(result.ok ? '' : result.message).toContain('第 18 位应为“F”');
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 0 });
    expect(t.core.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 }); // node.init only
  });

  it('checks the contact phone like every phone of the app: "12" refused on create and edit, a landline tidied', async () => {
    t = await districtCore();
    expect(await t.core.call('units.create', { ...valid, contactPhone: '12' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'contactPhone' }, message: expect.stringContaining('电话号码格式不正确') });
    const unit = await t.ok('units.create', { ...valid, contactPhone: '０５１２－５８１２３４５６' });
    expect(unit.contactPhone).toBe('0512-58123456');
    expect(await t.core.call('units.update', { id: unit.id, version: unit.version, data: { ...valid, contactPhone: '1391234' } })).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'contactPhone' } });
  });

  it('accepts a legacy 15-digit number, flagged', async () => {
    t = await districtCore();
    expect(await t.ok('units.create', { ...valid, uscc: '320582000123456' })).toMatchObject({ usccLegacy: true });
  });

  it('refuses the same credit code twice in a district, but allows it again after deletion', async () => {
    t = await districtCore();
    const first = await t.ok('units.create', valid);
    expect(await t.core.call('units.create', { ...valid, name: '另一家' })).toMatchObject({ ok: false, code: 'DUPLICATE' });
    await t.ok('units.delete', { id: first.id, version: first.version });
    expect(await t.ok('units.create', valid)).toMatchObject({ uscc: valid.uscc });
  });

  it('keeps a district node to its own district', async () => {
    t = await districtCore();
    expect(await t.core.call('units.create', { ...valid, districtId: 'seed-district-04' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('updates with optimistic versions and audits before and after', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', valid);
    const data = { ...valid, name: '改名后的公司' };
    const updated = await t.ok('units.update', { id: unit.id, version: 1, data });
    expect(updated).toMatchObject({ name: '改名后的公司', version: 2 });
    expect(await t.core.call('units.update', { id: unit.id, version: 1, data })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const audit = t.core.ctx.database.sqlite.prepare("SELECT before, after, actor FROM audit_log WHERE call = 'units.update'").get() as Record<string, string>;
    expect(JSON.parse(audit['before']!).name).toBe(valid.name);
    expect(JSON.parse(audit['after']!).name).toBe('改名后的公司');
    expect(audit['actor']).toBe('tester');
  });

  it('refuses to change a row another node owns', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', valid);
    t.core.ctx.database.sqlite.prepare("UPDATE units SET origin_node = 'other-node' WHERE id = ?").run(unit.id);
    expect(await t.core.call('units.update', { id: unit.id, version: 1, data: valid })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.core.call('units.delete', { id: unit.id, version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('deletes as a tombstone, with the unit’s equipment and managers', async () => {
    t = await districtCore();
    const unit = await t.ok('units.create', valid);
    const { sqlite } = t.core.ctx.database;
    const now = new Date().toISOString();
    sqlite
      .prepare("INSERT INTO equipment (id, origin_node, created_at, updated_at, unit_id, status) VALUES (?, 'n', ?, ?, ?, 'in_use')")
      .run('e1', now, now, unit.id);
    sqlite
      .prepare("INSERT INTO safety_managers (id, origin_node, created_at, updated_at, unit_id, name) VALUES ('m1', 'n', ?, ?, ?, '张三')")
      .run(now, now, unit.id);
    expect(await t.ok('units.get', { id: unit.id })).toMatchObject({ equipmentInUse: 1, managerCount: 1 });

    const deleted = await t.ok('units.delete', { id: unit.id, version: 1 });
    expect(deleted).toMatchObject({ equipmentDeleted: 1, managersDeleted: 1 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 1 }); // still there, as a tombstone
    expect(sqlite.prepare('SELECT deleted_at IS NOT NULL AS gone, version FROM equipment').get()).toEqual({ gone: 1, version: 2 });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 0, equipment: 0, managers: 0 });
    expect(await t.core.call('units.get', { id: unit.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('pages, searches and sorts from SQLite', async () => {
    t = await districtCore();
    const codes = ['91110000600037341L', '91330100716105852F', '320582000123451', '320582000123452', '320582000123453'];
    for (const [i, uscc] of codes.entries()) {
      await t.ok('units.create', { ...valid, uscc, name: `单位${i}号`, address: i % 2 ? '塘桥镇人民路' : '妙桥' });
    }
    const page = await t.ok('units.query', { startRow: 0, endRow: 2, sort: [{ colId: 'name', sort: 'desc' }] });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual(['单位4号', '单位3号']);
    expect((await t.ok('units.query', { startRow: 4, endRow: 10, sort: [{ colId: 'name', sort: 'desc' }] })).rows.map((r) => r.name)).toEqual(['单位0号']);
    expect((await t.ok('units.query', { search: '人民路' })).total).toBe(2);
    expect((await t.ok('units.query', { search: '91110000600037341l' })).rows.map((r) => r.name)).toEqual(['单位0号']);
    expect((await t.ok('units.query', { search: '%' })).total).toBe(0);
    expect((await t.ok('units.query', { search: 'DW3H' })).rows.map((r) => r.name)).toEqual(['单位3号']); // pinyin initials
    expect(await t.core.call('units.query', { sort: [{ colId: 'name; DROP TABLE units', sort: 'asc' }] })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('pages the grid through indexes, not a sort of the whole table', async () => {
    t = await districtCore();
    const plan = (input: Parameters<typeof unitQuerySql>[0]) => {
      const { idsSql, params } = unitQuerySql(input);
      return (t.core.ctx.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${idsSql} LIMIT ? OFFSET ?`).all(...params, 100, 0) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    };
    const defaultOrder = plan({ startRow: 0, endRow: 100 });
    expect(defaultOrder).toMatch(/SCAN u USING INDEX units_updated/);
    expect(defaultOrder).not.toMatch(/TEMP B-TREE/);
    const byName = plan({ startRow: 0, endRow: 100, sort: [{ colId: 'name', sort: 'asc' }] });
    expect(byName).toMatch(/SCAN u USING INDEX units_name_sort/);
    expect(byName).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    // a count sort computes that one count per unit (an index search each), not the row's five
    const byInUse = plan({ startRow: 0, endRow: 100, sort: [{ colId: 'screenedCount', sort: 'desc' }] });
    expect(byInUse.match(/SEARCH e /g)).toHaveLength(1);
    expect(byInUse).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\? AND status=\?\)/);
    // 超期 / 临期: one pass over the date range of the covering index, not a search per unit
    for (const colId of ['overdueCount', 'dueSoonCount'] as const) {
      const byDate = plan({ startRow: 0, endRow: 100, sort: [{ colId, sort: 'desc' }] });
      expect(byDate).toMatch(/SEARCH e USING COVERING INDEX equipment_live_next \(next_inspection_date>\? AND next_inspection_date<\?\)/);
      expect(byDate.match(/SEARCH e /g)).toHaveLength(1);
    }
  });

  it('shows the screening count and flags, and inspection counts, per unit', async () => {
    t = await districtCore({ now: () => new Date('2026-11-28T02:00:00Z') });
    const unit = await t.ok('units.create', valid);
    const { sqlite } = t.core.ctx.database;
    insertPieces(sqlite, unit.id, 19, { next: '2027-06-01' });
    insertPieces(sqlite, unit.id, 5, { kind: '2000', category: '2300', variety: '2310', next: '2026-11-27' }); // cylinders: counted out, but overdue
    insertPieces(sqlite, unit.id, 1, { status: 'stopped', next: '2020-01-01' }); // not in use: neither counted nor overdue
    insertPieces(sqlite, unit.id, 1, { kind: 'F000', category: '7310', variety: null, next: '2026-12-28' }); // safety valve: counted, due
    const row = (await t.ok('units.query', {})).rows[0]!;
    expect(row).toMatchObject({ equipmentInUse: 25, screenedCount: 20, needsCertifiedManager: true, needsSafetyBody: false, overdueCount: 5, dueSoonCount: 1 });
    expect(await t.ok('units.get', { id: unit.id })).toMatchObject({ screenedCount: 20, overdueCount: 5 });

    await t.ok('settings.update', { registry: { screeningThreshold: 21, safetyBodyThreshold: 20, excludedCodes: ['2300', 'F000'] } });
    expect(await t.ok('units.get', { id: unit.id })).toMatchObject({ screenedCount: 19, needsCertifiedManager: false, needsSafetyBody: false });
  });

  it('counts each page row’s pieces from the equipment_unit index, not the table', async () => {
    t = await districtCore();
    const read = unitReadWith(RegistrySettings.parse({}), '2026-01-01');
    const plan = (t.core.ctx.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${unitsByRowidsSql(read)}`).all(...read.selectParams, '[1,2]') as { detail: string }[]).map((r) => r.detail);
    expect(plan.filter((d) => /SEARCH e /.test(d))).toEqual(Array(4).fill('SEARCH e USING COVERING INDEX equipment_unit (unit_id=? AND status=?)'));
  });

  it('refuses calls before the node is initialised', async () => {
    t = await districtCore({ init: false });
    expect(await t.core.call('units.create', valid)).toMatchObject({ ok: false, code: 'NOT_INITIALIZED' });
  });
});
