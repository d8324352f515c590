import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { insertManager, insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { unitQuerySql } from '../units/unit-query.ts';
import { DEFAULT_RULE } from './rule.ts';

// 风险分级 on a real SQLite file of the 塘桥 office. The clock is China 10:00 on `day`.
let t: TestCore;
let day = '2026-11-28';
const now = () => new Date(`${day}T02:00:00Z`);
afterEach(() => t?.cleanup());

const sqlite = () => t.core.ctx.database.sqlite;
const unitRow = async (id: string) => (await t.ok('units.get', { id }));

/**
 * A unit with every kind of fact: 25 elevators inspected in time, 3 overdue, 2 boilers,
 * 40 gas cylinders (in use but neither screened nor heavy), a stopped overdue piece (no
 * fact at all), an open major hazard, a general one past its deadline, a complaint found
 * true in June, one found true 14 months ago and one unfounded. No manager yet.
 */
async function heavyUnit(): Promise<string> {
  const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '张家港市塘桥重工有限公司', uscc: '91330100716105852F' });
  insertPieces(sqlite(), unit.id, 25, { next: '2027-06-01' });
  insertPieces(sqlite(), unit.id, 3, { next: '2026-10-01' });
  insertPieces(sqlite(), unit.id, 2, { kind: '1000', category: '1100', variety: '1110', next: '2027-03-01' });
  insertPieces(sqlite(), unit.id, 40, { kind: '2000', category: '2300', variety: '2310', next: '2027-03-01' });
  insertPieces(sqlite(), unit.id, 1, { status: 'stopped', next: '2020-01-01' });
  await t.ok('hazards.create', { unitId: unit.id, description: '锅炉安全阀失效', level: 'major', foundBy: '陈监察', foundOn: '2026-11-20' });
  const general = await t.ok('hazards.create', { unitId: unit.id, description: '电梯机房未上锁', level: 'general', foundBy: '陈监察', foundOn: '2026-10-08' });
  await t.ok('hazards.transition', { id: general.id, version: general.version, action: 'order', orderedOn: '2026-10-09', deadline: '2026-10-20' });
  for (const [receivedOn, handledOn, outcome] of [
    ['2026-05-20', '2026-06-01', 'substantiated'],
    ['2025-09-10', '2025-10-01', 'substantiated'],
    ['2026-07-01', '2026-07-10', 'unfounded'],
  ] as const) {
    const c = await t.ok('complaints.create', { receivedOn, channel: 'phone', content: '举报电梯困人', unitId: unit.id, anonymous: true });
    await t.ok('complaints.handle', { id: c.id, version: c.version, handlingResult: '已现场核查', outcome, handledOn });
  }
  return unit.id;
}

describe('risk scoring', () => {
  it('scores a unit from its facts, with every factor a line of the breakdown and the rule version', async () => {
    t = await districtCore({ now });
    const unitId = await heavyUnit();
    const risk = await t.ok('risk.unit', { unitId });
    expect(risk).toMatchObject({ unitId, unitName: '张家港市塘桥重工有限公司', districtName: '塘桥', score: 75, level: 'high', ruleVersion: 1, asOf: '2026-11-28' });
    expect(risk.breakdown).toEqual([
      { code: 'overdue-inspection', factor: '超期未检设备', fact: '3 台（每台 5 分）', points: 15 },
      { code: 'hazard-open-major', factor: '未闭环重大隐患', fact: '1 处（每处 10 分）', points: 10 },
      { code: 'hazard-open-general', factor: '未闭环一般隐患', fact: '1 处（每处 3 分）', points: 3 },
      { code: 'hazard-overdue-major', factor: '逾期未整改重大隐患（加分）', fact: '0 处（每处 15 分）', points: 0 },
      { code: 'hazard-overdue-general', factor: '逾期未整改一般隐患（加分）', fact: '1 处（每处 5 分）', points: 5 },
      { code: 'heavy-kinds', factor: '重点设备（锅炉、压力容器、压力管道、大型游乐设施、客运索道等）', fact: '锅炉 2 台×3 分', points: 6 },
      { code: 'size', factor: '在用设备总数', fact: '70 台（50 台及以上档）', points: 8 },
      { code: 'no-valid-a-manager', factor: '清单一单位无有效 A 证安全管理员', fact: '清单一单位，无持有效 A 证的安全管理员', points: 20 },
      { code: 'complaints', factor: '近 12 个月查实的投诉举报', fact: '1 件（每件 8 分）', points: 8 },
      { code: 'demo-passed', factor: '示范单位（验收通过）', fact: '不是示范单位', points: 0 },
    ]);
    expect(risk.breakdown.reduce((n, l) => n + l.points, 0)).toBe(risk.score);
    // the grid row carries the same level, score and version
    expect(await unitRow(unitId)).toMatchObject({ riskLevel: 'high', riskScore: 75, riskRuleVersion: 1 });
  });

  it('rescores only the units whose facts changed, whoever wrote the rows', async () => {
    t = await districtCore({ now });
    const unitId = await heavyUnit();
    const quiet = await t.ok('units.create', { districtId: 'seed-district-03', name: '张家港市塘桥安静有限公司', uscc: '91110000600037341L' });
    expect(await t.ok('risk.refresh', { full: true })).toMatchObject({ mode: 'full', units: 2 });
    expect(await t.ok('risk.refresh', {})).toMatchObject({ mode: 'none', units: 0 });

    // a valid A manager written as the ledger import writes rows (raw SQL, no service): −20
    insertManager(sqlite(), unitId, { name: '张三', certificateNo: 'TSZ3205001', expiry: '2028-01-01' });
    expect(sqlite().prepare('SELECT unit_id FROM risk_dirty').pluck().all()).toEqual([unitId]);
    expect(await unitRow(unitId)).toMatchObject({ riskScore: 55, riskLevel: 'elevated' });
    expect(sqlite().prepare('SELECT count(*) FROM risk_dirty').pluck().get()).toBe(0);

    // an expired certificate is no manager: the score goes back up
    sqlite().prepare('UPDATE safety_managers SET expiry_date = ? WHERE unit_id = ?').run('2026-11-27', unitId);
    expect(await t.ok('risk.refresh', {})).toMatchObject({ mode: 'changed', units: 1 });
    expect((await t.ok('risk.unit', { unitId })).score).toBe(75);

    // closing the hazards takes their points off; the quiet unit was never rescored
    const quietBefore = sqlite().prepare('SELECT computed_at FROM unit_risk WHERE unit_id = ?').pluck().get(quiet.id);
    sqlite().prepare("UPDATE hazards SET state = 'closed' WHERE unit_id = ?").run(unitId);
    expect((await t.ok('risk.unit', { unitId })).score).toBe(75 - 18);
    expect(sqlite().prepare('SELECT computed_at FROM unit_risk WHERE unit_id = ?').pluck().get(quiet.id)).toBe(quietBefore);

    // a deleted unit leaves the scores
    await t.ok('units.delete', { id: quiet.id, version: (await unitRow(quiet.id)).version });
    expect(await t.ok('risk.distribution', {})).toMatchObject({ counts: { high: 0, elevated: 1, general: 0, low: 0 } });
  });

  it('asks for an A manager only of list-1 units, by the screening settings', async () => {
    t = await districtCore({ now });
    const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '张家港市塘桥气体有限公司', uscc: '91110000600037341L' });
    insertPieces(sqlite(), unit.id, 19, { next: '2027-06-01' });
    insertPieces(sqlite(), unit.id, 5, { kind: '2000', category: '2300', variety: '2310', next: '2027-06-01' }); // cylinders: not screened
    insertPieces(sqlite(), unit.id, 3, { status: 'stopped', next: '2027-06-01' });
    const line = async () => (await t.ok('risk.unit', { unitId: unit.id })).breakdown.find((l) => l.code === 'no-valid-a-manager');
    expect(await line()).toMatchObject({ fact: '不在清单一（不适用）', points: 0 });
    // stopped pieces counted too (a setting): 22 screened, on list 1, no manager
    await t.ok('settings.update', { registry: { countedStatuses: ['in_use', 'stopped'] } });
    expect(await line()).toMatchObject({ fact: '清单一单位，无持有效 A 证的安全管理员', points: 20 });
  });

  it('rescores every unit on a new day: an inspection date passes without any write', async () => {
    t = await districtCore({ now });
    const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '张家港市塘桥电梯用户', uscc: '91110000600037341L' });
    insertPieces(sqlite(), unit.id, 4, { next: '2026-11-30' });
    expect(await unitRow(unit.id)).toMatchObject({ riskScore: 0, riskLevel: 'low' });
    day = '2026-12-01';
    expect(await unitRow(unit.id)).toMatchObject({ riskScore: 20, riskLevel: 'general', overdueCount: 4 });
    expect(sqlite().prepare('SELECT as_of FROM risk_state').pluck().get()).toBe('2026-12-01');
  });

  it('keeps every rule version: a change rescores all units with the new version, the old stays readable', async () => {
    t = await districtCore({ now });
    const unitId = await heavyUnit();
    expect((await unitRow(unitId)).riskRuleVersion).toBe(1);
    const auditBefore = sqlite().prepare("SELECT count(*) FROM audit_log WHERE call = 'risk.updateRule'").pluck().get();

    const stricter = { ...DEFAULT_RULE, thresholds: { high: 80, elevated: 50, general: 20 }, heavyKinds: { ...DEFAULT_RULE.heavyKinds, perPiece: { ...DEFAULT_RULE.heavyKinds.perPiece, '1000': 5 } } };
    const v2 = await t.ok('risk.updateRule', { rule: stricter, note: '锅炉加重' });
    expect(v2).toMatchObject({ version: 2, note: '锅炉加重', createdBy: 'tester' });
    const risk = await t.ok('risk.unit', { unitId });
    expect(risk).toMatchObject({ score: 79, level: 'elevated', ruleVersion: 2 });
    expect(risk.breakdown.find((l) => l.code === 'heavy-kinds')).toMatchObject({ fact: '锅炉 2 台×5 分', points: 10 });

    // the same rule again is no new version
    expect((await t.ok('risk.updateRule', { rule: stricter })).version).toBe(2);
    const versions = await t.ok('risk.ruleVersions', {});
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.rule.thresholds).toEqual(DEFAULT_RULE.thresholds);
    expect(sqlite().prepare("SELECT count(*) FROM audit_log WHERE call = 'risk.updateRule'").pluck().get()).toBe(Number(auditBefore) + 1);

    // thresholds out of order are refused with the reason, and nothing changes
    const bad = await t.core.call('risk.updateRule', { rule: { ...stricter, thresholds: { high: 30, elevated: 40, general: 10 } } });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(bad.ok ? '' : bad.message).toContain('高 > 较高 > 一般 > 0');
    expect((await t.ok('risk.rule', {})).version).toBe(2);
  });

  it('filters and sorts the units grid by risk through the index', async () => {
    t = await districtCore({ now });
    const heavy = await heavyUnit();
    const names = ['甲', '乙', '丙'];
    const ids = names.map((n) => insertUnit(sqlite(), { name: `张家港市塘桥${n}公司` }));
    insertPieces(sqlite(), ids[0]!, 5, { next: '2026-01-01' }); // 25 overdue points: 一般
    insertPieces(sqlite(), ids[1]!, 8, { next: '2026-01-01' }); // 40 (capped 30) + size 0: 一般
    insertPieces(sqlite(), ids[2]!, 12, { next: '2027-01-01' }); // size 2: 低
    const page = await t.ok('units.query', { sort: [{ colId: 'riskScore', sort: 'desc' }] });
    expect(page.rows.map((r) => [r.name, r.riskLevel, r.riskScore])).toEqual([
      ['张家港市塘桥重工有限公司', 'high', 75],
      ['张家港市塘桥乙公司', 'general', 30],
      ['张家港市塘桥甲公司', 'general', 25],
      ['张家港市塘桥丙公司', 'low', 2],
    ]);
    const general = await t.ok('units.query', { riskLevels: ['general'], sort: [{ colId: 'riskLevel', sort: 'asc' }] });
    expect(general).toMatchObject({ total: 2 });
    expect(general.rows.map((r) => r.name)).toEqual(['张家港市塘桥甲公司', '张家港市塘桥乙公司']);
    expect((await t.ok('units.query', { riskLevels: ['high', 'elevated'] })).rows.map((r) => r.id)).toEqual([heavy]);

    const plan = (input: Parameters<typeof unitQuerySql>[0]) => {
      const { idsSql, params } = unitQuerySql(input);
      return (sqlite().prepare(`EXPLAIN QUERY PLAN ${idsSql} LIMIT ? OFFSET ?`).all(...params, 100, 0) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    const byScore = plan({ sort: [{ colId: 'riskScore', sort: 'desc' }] });
    expect(byScore).toMatch(/SCAN r USING (COVERING )?INDEX unit_risk_score/);
    expect(byScore).not.toMatch(/TEMP B-TREE/);
    const oneLevel = plan({ riskLevels: ['high'], sort: [{ colId: 'riskScore', sort: 'desc' }] });
    expect(oneLevel).toMatch(/unit_risk_level/);
  });

  it('keeps a snapshot of the distribution per month', async () => {
    day = '2026-11-28';
    t = await districtCore({ now });
    const unit = await t.ok('units.create', { districtId: 'seed-district-03', name: '张家港市塘桥电梯用户', uscc: '91110000600037341L' });
    insertPieces(sqlite(), unit.id, 8, { next: '2026-12-15' });
    expect((await t.ok('risk.distribution', {})).counts).toEqual({ high: 0, elevated: 0, general: 0, low: 1 });
    day = '2026-12-20';
    const december = await t.ok('risk.distribution', {});
    expect(december).toMatchObject({ asOf: '2026-12-20', ruleVersion: 1, districtId: 'seed-district-03', counts: { high: 0, elevated: 0, general: 1, low: 0 } });
    expect(december.months).toEqual([
      { month: '2026-11', high: 0, elevated: 0, general: 0, low: 1, ruleVersions: [1] },
      { month: '2026-12', high: 0, elevated: 0, general: 1, low: 0, ruleVersions: [1] },
    ]);
    expect((await t.ok('dashboard.get', {})).risk?.months).toHaveLength(2);
  });
});
