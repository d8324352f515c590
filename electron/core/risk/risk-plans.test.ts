import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';

// 检查计划 aimed at the district's 高 / 较高 units: the scope resolves to the units at those
// levels when the plan is saved (highest score first) and keeps them afterwards.
let t: TestCore;
const now = () => new Date('2026-11-28T02:00:00Z');
afterEach(() => t?.cleanup());
const sqlite = () => t.core.ctx.database.sqlite;

/** 25 overdue elevators (30) + size (5) + no A manager on list 1 (20) = 55 较高; a major hazard makes it 65 高. */
async function riskyUnit(name: string, major: boolean, districtId = 'seed-district-03'): Promise<string> {
  const id = insertUnit(sqlite(), { name, districtId });
  insertPieces(sqlite(), id, 25, { next: '2026-06-01' });
  if (major) await t.ok('hazards.create', { unitId: id, description: '曳引机制动器失效', level: 'major', foundBy: '陈监察', foundOn: '2026-11-20' });
  return id;
}

const planInput = (scope: unknown) => ({
  title: '高风险单位专项检查',
  type: 'special',
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  scope,
  checklistKey: 'common',
  checklistVersion: 1,
  team: [],
});

describe('plans aimed at risk levels', () => {
  it('resolves to the district’s units at the chosen levels and keeps them when a level changes', async () => {
    t = await districtCore({ now });
    const high = await riskyUnit('张家港市塘桥高风险机械有限公司', true);
    const higher = await riskyUnit('张家港市塘桥更高风险有限公司', true);
    insertPieces(sqlite(), higher, 1, { kind: '9000', category: '9100', variety: '9110', next: '2027-06-01' }); // a ropeway: +5
    const elevated = await riskyUnit('张家港市塘桥较高风险有限公司', false);
    const low = insertUnit(sqlite(), { name: '张家港市塘桥低风险有限公司' });
    insertPieces(sqlite(), low, 3, { next: '2027-06-01' });
    // a 高 unit of another district is never in this office's scope
    const elsewhere = insertUnit(sqlite(), { name: '张家港市锦丰高风险有限公司', districtId: 'seed-district-04' });
    insertPieces(sqlite(), elsewhere, 25, { next: '2026-06-01' });
    sqlite().prepare("INSERT INTO hazards (id, origin_node, created_at, updated_at, district_id, unit_id, description, level, found_by, found_on, state) VALUES ('h-x', 'x', 't', 't', 'seed-district-04', ?, '外区', 'major', '某', '2026-11-01', 'found')").run(elsewhere);

    const options = await t.ok('inspections.planOptions', {});
    expect(options.riskCounts).toEqual({ high: 2, elevated: 1, general: 0, low: 1 });
    const highOnly = await t.ok('inspections.resolveScope', { scope: { kind: 'risk_level', levels: ['high'] } });
    expect(highOnly.map((u) => u.id)).toEqual([higher, high]);
    expect((await t.ok('inspections.resolveScope', { scope: { kind: 'risk_level', levels: ['high', 'elevated'] } })).map((u) => u.id)).toEqual([higher, high, elevated]);

    const plan = await t.ok('inspections.createPlan', planInput({ kind: 'risk_level', levels: ['high'] }));
    expect(plan).toMatchObject({ scopeKind: 'risk_level', scopeRiskLevels: ['high'], unitCount: 2 });
    expect(plan.units.map((u) => u.id).sort()).toEqual([high, higher].sort());

    // the unit gets its manager and drops to 较高: the plan under way still visits it
    insertManager(sqlite(), high, { name: '张三', certificateNo: 'TSZ3205001', expiry: '2028-01-01' });
    expect((await t.ok('risk.unit', { unitId: high })).level).toBe('elevated');
    const again = await t.ok('inspections.getPlan', { id: plan.id });
    expect(again.units.map((u) => u.id).sort()).toEqual([high, higher].sort());
    // saving it unchanged keeps the units it fixed; naming other levels resolves afresh
    const kept = await t.ok('inspections.updatePlan', { id: plan.id, version: plan.version, ...planInput({ kind: 'risk_level', levels: ['high'] }) });
    expect(kept.unitCount).toBe(2);
    const widened = await t.ok('inspections.updatePlan', { id: plan.id, version: kept.version, ...planInput({ kind: 'risk_level', levels: ['elevated', 'high'] }) });
    expect(widened).toMatchObject({ scopeRiskLevels: ['high', 'elevated'], unitCount: 3 });
  });

  it('refuses a plan whose levels hold no unit, naming the levels', async () => {
    t = await districtCore({ now });
    const low = insertUnit(sqlite(), { name: '张家港市塘桥低风险有限公司' });
    insertPieces(sqlite(), low, 3, { next: '2027-06-01' });
    const result = await t.core.call('inspections.createPlan', planInput({ kind: 'risk_level', levels: ['high', 'elevated'] }));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: '检查范围内没有使用单位：本辖区目前没有风险等级为高、较高的使用单位。请选择其他范围。' });
    expect(await t.core.call('inspections.createPlan', planInput({ kind: 'risk_level', levels: [] }))).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('请至少选择一个风险等级') });
    expect(sqlite().prepare('SELECT count(*) FROM inspection_plans').pluck().get()).toBe(0);
  });
});
