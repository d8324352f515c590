import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { listScope } from './list-scope.ts';
import * as reference from './testing/two-lists-reference.ts';
import { buildTwoLists, screenedUnits } from './two-lists.ts';

// buildTwoLists reads list 1 with the risk scores in one statement, buckets the managers by
// unit and builds each answer object once (the home page's lists.get at 200,000 pieces,
// scripts/bench/equipment-query.ts). Here it must give exactly what the computation it replaced
// gives (testing/two-lists-reference.ts): the same JSON text, so the same values, the same order
// of units, managers and kinds, and the same key order of the --json output.

let t: TestCore;
afterEach(() => t?.cleanup());
const now = () => new Date('2026-12-01T02:00:00Z');

function expectSameAsReference(t: TestCore, step: string, asOf: string) {
  const { ctx } = t.core;
  // the fast path first: it must bring the risk scores up to date itself before reading them
  const fast = buildTwoLists(ctx, asOf);
  const slow = reference.buildTwoLists(ctx, asOf);
  expect({ step, lists: JSON.stringify(fast) }).toEqual({ step, lists: JSON.stringify(slow) });
  const settings = getRegistrySettings(ctx);
  const scope = listScope(ctx);
  expect({ step, screened: JSON.stringify(screenedUnits(ctx, settings, scope)) }).toEqual({
    step,
    screened: JSON.stringify(reference.screenedUnits(ctx, settings, scope)),
  });
  return fast;
}

describe('two lists against the computation they replaced', () => {
  it('give the same answer, in the same order, on a generated district with ties and odd codes, under several settings and dates', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const node = (await t.ok('node.get', {}))!.id;
    insertModel(sqlite, generateDistrict({ seed: 5, units: 150 }), { nodeId: node, districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
    insertModel(sqlite, generateDistrict({ seed: 6, units: 30, districtName: '锦丰' }), { nodeId: 'office-04', districtId: 'seed-district-04', now: new Date('2026-01-02T00:00:00Z') });

    // equal counts, ordered by name then id; managers of one name ordered by certificate number,
    // missing ones first; pieces with no kind ('') and accessories (F000) among the kinds
    const twins = [insertUnit(sqlite, { name: '同名公司' }), insertUnit(sqlite, { name: '同名公司' }), insertUnit(sqlite, { name: '阿同数公司' })];
    for (const unit of twins) {
      insertPieces(sqlite, unit, 21);
      insertPieces(sqlite, unit, 2, { kind: 'F000', category: '7310', variety: null });
    }
    const [noKind] = insertPieces(sqlite, twins[0]!, 1, { kind: '2000', category: '2100', variety: null });
    sqlite.prepare('UPDATE equipment SET kind_code = NULL, category_code = NULL WHERE id = ?').run(noKind);
    insertPieces(sqlite, twins[1]!, 1, { status: 'stopped' });
    for (const certificateNo of ['TS-B', null, 'TS-A', 'TS-C']) insertManager(sqlite, twins[0]!, { name: '张伟', certificateNo, expiry: '2028-01-01' });
    insertManager(sqlite, twins[0]!, { name: '李娜', certificateNo: 'TS-A1', itemCode: 'A1', expiry: '2027-06-30', idNumber: '11010519491231002X', phone: '0512 5678 1234' });
    insertManager(sqlite, twins[1]!, { name: '张伟', certificateNo: 'TS-A', expiry: '2026-12-01' });
    const first = expectSameAsReference(t, 'defaults', '2026-12-01');
    expect(first.units.length).toBeGreaterThan(10);
    expect(first.managers.length).toBeGreaterThan(10);
    expect(first.units.filter((u) => u.name === '同名公司').map((u) => u.count)).toEqual([24, 23]);
    expect(first.units.find((u) => u.unitId === twins[0])).toMatchObject({ countsByKind: { '': 1, '3000': 21, F000: 2 }, managerCount: 5 });
    expect(first.managers.filter((m) => m.name === '张伟' && m.unitName === '同名公司').map((m) => m.certificateNo)).toEqual(
      twins[0]! < twins[1]! ? [null, 'TS-A', 'TS-B', 'TS-C', 'TS-A'] : ['TS-A', null, 'TS-A', 'TS-B', 'TS-C'],
    );
    expect(first.units.some((u) => u.riskLevel !== null)).toBe(true);
    expect(first.countsByKind.at(-1)).toMatchObject({ kindCode: '', kindName: '未分类' });

    // other dates: managers expire (and were valid before)
    expectSameAsReference(t, 'a later date', '2027-07-01');
    expectSameAsReference(t, 'an earlier date', '2025-01-01');

    // a write after the scores were read: the risk of the changed unit is rescored before it is shown
    insertPieces(sqlite, twins[2]!, 40, { next: '2026-01-01' });
    expectSameAsReference(t, 'after a write', '2026-12-01');

    await t.ok('settings.update', { registry: { countedStatuses: ['in_use', 'stopped'], excludedCodes: [], screeningThreshold: 10, safetyBodyThreshold: 30 } });
    expectSameAsReference(t, 'stopped counted, nothing excluded, threshold 10', '2026-12-01');
    await t.ok('settings.update', { registry: { countedStatuses: ['in_use'], excludedCodes: ['2300', '3000', 'F000'], screeningThreshold: 20 } });
    expectSameAsReference(t, 'elevators and accessories excluded too', '2026-12-01');
    await t.ok('settings.update', { registry: { screeningThreshold: 10_000 } });
    expect(expectSameAsReference(t, 'nothing reaches the threshold', '2026-12-01')).toMatchObject({ units: [], managers: [], countsByKind: [] });
  }, 60_000);

  it('give the same answer on the bureau, over every district', async () => {
    t = await districtCore({ now, init: false });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    const { sqlite } = t.core.ctx.database;
    insertModel(sqlite, generateDistrict({ seed: 9, units: 60 }), { nodeId: 'office-03', districtId: 'seed-district-03', now: new Date('2026-01-01T00:00:00Z') });
    insertModel(sqlite, generateDistrict({ seed: 10, units: 60, districtName: '锦丰' }), { nodeId: 'office-04', districtId: 'seed-district-04', now: new Date('2026-01-02T00:00:00Z') });
    const lists = expectSameAsReference(t, 'bureau', '2026-12-01');
    expect(lists.districtName).toBe('全市');
    expect(lists.units.length).toBeGreaterThan(5);
  }, 60_000);
});
