import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { addAcceptanceFile, addUnit, addUnits } from '../blocks/testing/fixtures.ts';
import { blockWithLead } from '../hazards/testing/fixtures.ts';

// The overview's figures on a real SQLite file of the 塘桥 office, on 2026-03-02 (China):
// each figure is checked against the page it summarises (hazards.stats, blocks.list, the acceptance board).
let t: TestCore;
afterEach(() => t?.cleanup());
const now = () => new Date('2026-03-02T02:00:00Z');

describe('dashboard.get at a district office', () => {
  it('counts overdue and due inspections by equipment kind, hazards by state, blocks with problems and demo-unit progress', async () => {
    t = await districtCore({ now });
    const sqlite = t.core.ctx.database.sqlite;
    const { units, blockId, inspectorId } = await blockWithLead(t);
    // a second block of 4 members: too small, a problem to fix
    const small = addUnits(sqlite, 4, { prefix: '乐余', pieces: 20 });
    await t.ok('blocks.save', { name: '塘桥第二组', memberUnitIds: small, leadUnitId: small[0] });
    // cranes: 3 overdue; elevators: 2 overdue (besides the block units' on-time pieces)
    addUnit(sqlite, { name: '张家港市塘桥起重设备厂', pieces: 5, overdue: 3, kind: { kind: '4000', category: '4100', variety: '4110' } });
    addUnit(sqlite, { name: '张家港市塘桥电梯用户', pieces: 4, overdue: 2 });
    addAcceptanceFile(sqlite, units[0]!, 'passed');
    addAcceptanceFile(sqlite, units[1]!, 'self_check');
    const h = await t.ok('hazards.create', { unitId: units[2], description: '电梯门锁失效', level: 'major', foundBy: '陈监察', foundOn: '2026-02-12' });
    await t.ok('hazards.transition', { id: h.id, version: h.version, action: 'order', orderedOn: '2026-02-12', workingDays: 5 });
    await t.ok('hazards.create', { unitId: units[3], description: '叉车灯光不全', level: 'general', foundBy: '陈监察', foundOn: '2026-03-01' });
    // an elevator inspection under way (team of one: flagged, still counted) and a complaint waiting to be handled
    const plan = await t.ok('inspections.createPlan', {
      title: '2026年电梯专项检查',
      type: 'special',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scope: { kind: 'block', blockId },
      checklistKey: 'elevator',
      checklistVersion: 1,
      team: [{ kind: 'inspector', id: inspectorId }],
    });
    await t.ok('inspections.setPlanState', { id: plan.id, version: plan.version, state: 'active' });
    await t.ok('complaints.create', { receivedOn: '2026-03-02', channel: '12345', anonymous: true, content: '电梯经常困人', unitId: units[4] });

    const dashboard = await t.ok('dashboard.get', {});
    expect(dashboard.asOf).toBe('2026-03-02');
    expect(dashboard.inspectionByKind).toEqual([
      { kindCode: '4000', kindName: '起重机械', overdue: 3, due: 0 },
      { kindCode: '3000', kindName: '电梯', overdue: 2, due: 0 },
    ]);
    const stats = await t.ok('hazards.stats', {});
    expect(dashboard.hazards).toEqual({ open: 2, overdue: 1, escalated: 0, byState: stats.byState });
    expect(dashboard.hazards.byState.filter((s) => s.count > 0)).toEqual([
      { state: 'found', count: 1 },
      { state: 'ordered', count: 1 },
    ]);
    const blocks = await t.ok('blocks.list', {});
    expect(dashboard.blocks.active).toBe(blocks.blocks.length);
    expect(dashboard.blocks.problems).toEqual([{ blockId: expect.any(String), name: '塘桥第二组', districtName: '塘桥', problems: ['成员 4 家，少于 5 家', '未指定负责的监察人员'] }]);
    const inspections = await t.ok('inspections.stats', {});
    expect(dashboard.inspections).toEqual({ plansActive: 1, recordsThisMonth: 0, ordersOpen: 0, ordersOverdue: 0 });
    expect(dashboard.inspections.plansActive).toBe(inspections.plansActive);
    const complaints = await t.ok('complaints.stats', {});
    expect(dashboard.complaints).toEqual({ open: 1, overdue: 0, rewardsProposed: 0 });
    expect(dashboard.complaints.open).toBe(complaints.all.open);
    expect(dashboard.acceptance).toEqual({ candidates: 1, inReview: 0, accepted: 1, returned: 0, revoked: 0 });
    expect(dashboard.exams).toEqual([]);
    // 20…25 pieces in the first block, 20…23 in the second, 5 cranes, 4 elevators: as the registry counts them
    const summary = await t.ok('registry.summary', {});
    expect(dashboard.offices[0]).toMatchObject({ equipmentInUse: summary.equipmentInUse, inspectionOverdue: summary.inspection.overdue });
    expect(dashboard.offices).toEqual([
      { districtId: 'seed-district-03', districtName: '塘桥', units: 12, equipmentInUse: 135 + 86 + 5 + 4, inspectionOverdue: 5, hazardsOpen: 2, hazardsOverdue: 1, blocks: 2, blocksWithProblems: 1, demoAccepted: 1 },
    ]);
  });
});

describe('dashboard.get at the city bureau', () => {
  it('has one row per office with data, and the city totals are their sums', async () => {
    t = await districtCore({ init: false, now });
    await t.ok('node.init', { role: 'bureau', name: '市局特设科' });
    const sqlite = t.core.ctx.database.sqlite;
    addUnit(sqlite, { name: '张家港市塘桥电梯用户', pieces: 4, overdue: 2 });
    const leyu = addUnit(sqlite, { name: '张家港市乐余起重设备厂', pieces: 6, overdue: 1, kind: { kind: '4000', category: '4100', variety: '4110' } });
    sqlite.prepare("UPDATE units SET district_id = 'seed-district-06' WHERE id = ?").run(leyu);
    const dashboard = await t.ok('dashboard.get', {});
    expect(dashboard.offices.map((o) => [o.districtName, o.units, o.equipmentInUse, o.inspectionOverdue])).toEqual([
      ['塘桥', 1, 4, 2],
      ['乐余', 1, 6, 1],
    ]);
    expect(dashboard.inspectionByKind.reduce((n, k) => n + k.overdue, 0)).toBe(3);
  });
});
