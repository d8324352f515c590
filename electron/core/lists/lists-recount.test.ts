import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { countedPieceSql, validACertificateSql } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';

// lists.get and registry.summary read the kept counts in one grouped statement each; here they
// must answer exactly what a pass over every piece answers (the computation they replaced):
// list 1 in order with each unit's count and counts by kind, list 2, and the summary's two
// numbers, on a seeded district that also holds another district's units, under several settings.

let t: TestCore;
afterEach(() => t?.cleanup());
const now = () => new Date('2026-12-01T02:00:00Z');
const zh = new Intl.Collator('zh-CN');

function recount(t: TestCore, asOf: string) {
  const { sqlite } = t.core.ctx.database;
  const settings = getRegistrySettings(t.core.ctx);
  const counted = countedPieceSql(settings);
  // this node's district only (the other district's units are held but not listed here)
  const rows = sqlite
    .prepare(
      `SELECT e.unit_id AS unitId, ifnull(e.kind_code, '') AS kind, count(*) AS n FROM equipment e JOIN units u ON u.id = e.unit_id
       WHERE ${counted.sql} AND u.deleted_at IS NULL AND u.district_id = 'seed-district-03' GROUP BY 1, 2`,
    )
    .all(...counted.params) as { unitId: string; kind: string; n: number }[];
  const byUnit = new Map<string, { count: number; countsByKind: Record<string, number> }>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? { count: 0, countsByKind: {} };
    u.count += r.n;
    u.countsByKind[r.kind] = r.n;
    byUnit.set(r.unitId, u);
  }
  const names = new Map((sqlite.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  const units = [...byUnit]
    .filter(([, u]) => u.count >= settings.screeningThreshold)
    .map(([unitId, u]) => ({ unitId, name: names.get(unitId)!, ...u }))
    .sort((a, b) => b.count - a.count || zh.compare(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
  const valid = validACertificateSql(asOf);
  const managers = sqlite
    .prepare(`SELECT m.id FROM safety_managers m WHERE m.unit_id IN (SELECT value FROM json_each(?)) AND ${valid.sql} ORDER BY m.id`)
    .pluck()
    .all(JSON.stringify(units.map((u) => u.unitId)), ...valid.params) as string[];
  return { units, managers };
}

async function expectRecount(t: TestCore, step: string) {
  const lists = await t.ok('lists.get', {});
  const summary = await t.ok('registry.summary', {});
  const expected = recount(t, lists.asOf);
  expect({ step, units: lists.units.map((u) => ({ unitId: u.unitId, name: u.name, count: u.count, countsByKind: u.countsByKind })) }).toEqual({ step, units: expected.units });
  expect({ step, managers: lists.managers.map((m) => m.managerId).sort() }).toEqual({ step, managers: expected.managers });
  expect({ step, list1: summary.list1Units, list2: summary.list2Managers }).toEqual({ step, list1: expected.units.length, list2: expected.managers.length });
  return expected;
}

describe('two lists and the home page against a recount of every piece', () => {
  it('give the same units, counts by kind, order and managers under several settings', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const node = (await t.ok('node.get', {}))!.id;
    insertModel(sqlite, generateDistrict({ seed: 7, units: 120 }), { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
    // another district's units on this node: the lists keep to the node's own district
    insertModel(sqlite, generateDistrict({ seed: 8, units: 30, districtName: '锦丰' }), { nodeId: 'office-04', districtId: 'seed-district-04', now: new Date('2026-01-02T00:00:00Z') });
    // a deleted unit with live pieces is not listed; deleted pieces are not counted
    const [gone] = sqlite.prepare("SELECT u.id FROM units u JOIN equipment e ON e.unit_id = u.id WHERE u.district_id = 'seed-district-03' GROUP BY u.id ORDER BY count(*) DESC LIMIT 1").pluck().all() as string[];
    sqlite.prepare("UPDATE units SET deleted_at = '2026-02-01T00:00:00Z' WHERE id = ?").run(gone);
    sqlite.prepare("UPDATE equipment SET deleted_at = '2026-02-01T00:00:00Z' WHERE rowid % 17 = 0").run();

    const first = await expectRecount(t, 'defaults');
    expect(first.units.length).toBeGreaterThan(10);
    expect(first.managers.length).toBeGreaterThan(5);
    expect(first.units.some((u) => Object.keys(u.countsByKind).length > 1)).toBe(true);

    await t.ok('settings.update', { registry: { countedStatuses: ['in_use', 'stopped'], excludedCodes: [], screeningThreshold: 10 } });
    const wider = await expectRecount(t, 'stopped counted, nothing excluded, threshold 10');
    expect(wider.units.length).toBeGreaterThan(first.units.length);
    await t.ok('settings.update', { registry: { countedStatuses: ['in_use'], excludedCodes: ['2300', '3000', 'F000'], screeningThreshold: 20 } });
    await expectRecount(t, 'elevators and accessories excluded too');
  }, 60_000);
});
