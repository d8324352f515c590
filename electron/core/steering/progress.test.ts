import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import type { Progress } from '../../api/schemas/steering.ts';
import { certificate, city, clock, fileInCityReview, JINFENG, NANFENG, now, TANGQIAO, unitWithPieces, type City } from './testing/city.ts';

// Targets and the rollout board at the bureau, from the offices' real bundles: every
// district of the list appears — 塘桥 and 锦丰 reporting, 南丰 enrolled but silent
// (未报送), the others never enrolled (未启用).

let c: City;
let nanfeng: ExchangeNode;
let units: { pilot: string; rolloutA: string; rolloutB: string; rolloutC: string; jinfeng: string };

beforeAll(async () => {
  clock.day = '2026-11-02';
  c = await city();
  const { bureau, tangqiao, jinfeng } = c;
  units = {
    pilot: unitWithPieces(tangqiao, TANGQIAO, '塘桥示范电梯有限公司', [{ n: 30, next: '2027-06-01' }]),
    rolloutA: unitWithPieces(tangqiao, TANGQIAO, '塘桥推广甲公司', [{ n: 3, next: '2027-06-01' }]),
    rolloutB: unitWithPieces(tangqiao, TANGQIAO, '塘桥推广乙公司', [{ n: 2, next: '2027-06-01' }]),
    rolloutC: unitWithPieces(tangqiao, TANGQIAO, '塘桥推广丙公司', [{ n: 1, next: '2027-06-01' }]),
    jinfeng: unitWithPieces(jinfeng, JINFENG, '锦丰化工有限公司', [{ n: 5, next: '2027-06-01' }]),
  };
  certificate(tangqiao, TANGQIAO, '王建国', '2026-11-01');
  const pilot = await fileInCityReview(tangqiao, units.pilot, 'pilot');
  const a = await fileInCityReview(tangqiao, units.rolloutA, 'rollout');
  await fileInCityReview(tangqiao, units.rolloutB, 'rollout');
  // 丙 is still in 自查
  const c3 = await tangqiao.ok('acceptance.create', { unitId: units.rolloutC, phase: 'rollout', inspectorName: '陈监察' });
  await tangqiao.ok('acceptance.transition', { id: c3.id, version: c3.version, action: 'start' });
  await c.send(tangqiao, bureau);
  await c.send(jinfeng, bureau);
  await bureau.ok('acceptance.decide', { fileId: pilot.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-11-10' });
  await bureau.ok('acceptance.decide', { fileId: a.id, outcome: 'pass', confirmContradictions: true, comments: '已逐项核实', decidedOn: '2026-11-12' });
  nanfeng = await exchangeNode('district', '南丰分局', NANFENG, undefined, now);
  await trustEachOther(nanfeng, bureau);
}, 120_000);
afterAll(() => {
  c.cleanup();
  nanfeng.cleanup();
});

const row = (p: Progress, districtId: string) => p.rows.find((r) => r.districtId === districtId)!;

describe('targets', () => {
  it('applies the defaults to pilot districts only, until a district has its own', async () => {
    const targets = await c.bureau.ok('steering.targets', {});
    expect(targets).toHaveLength(16);
    expect(targets.find((t) => t.districtId === TANGQIAO)).toMatchObject({ districtName: '塘桥', pilotDistrict: true, rolloutTarget: 5, supervisorsTarget: 10, rolloutOwn: null, version: 0 });
    expect(targets.find((t) => t.districtName === '杨舍')).toMatchObject({ pilotDistrict: false, rolloutTarget: null, supervisorsTarget: null });
    await c.bureau.ok('steering.updateSettings', { rolloutDefault: 8 });
    expect((await c.bureau.ok('steering.targets', {})).find((t) => t.districtId === JINFENG)?.rolloutTarget).toBe(8);
    expect((await c.bureau.refused('steering.updateSettings', { rolloutDefault: 11 })).message).toContain('5–10');
  });

  it('sets a district’s pilot unit from its own units and its numbers, checked and versioned', async () => {
    const candidates = await c.bureau.ok('steering.pilotCandidates', { districtId: TANGQIAO });
    expect(candidates.map((u) => [u.name, u.equipmentInUse, u.acceptanceState])).toEqual([
      ['塘桥示范电梯有限公司', 30, 'passed'],
      ['塘桥推广甲公司', 3, 'passed'],
      ['塘桥推广乙公司', 2, 'city_review'],
      ['塘桥推广丙公司', 1, 'self_check'],
    ]);
    expect((await c.bureau.ok('steering.pilotCandidates', { districtId: TANGQIAO, search: '乙' })).map((u) => u.name)).toEqual(['塘桥推广乙公司']);
    const base = { districtId: TANGQIAO, version: 0, pilotUnitId: units.pilot, rolloutTarget: 6, supervisorsTarget: 3, note: '11 月底前完成推广' };
    const refused = async (input: unknown) => c.bureau.refused('steering.saveTarget', input);
    expect((await refused({ ...base, pilotUnitId: units.jinfeng })).message).toBe('“锦丰化工有限公司”不属于塘桥，试点单位须从本辖区的使用单位中选择。');
    expect((await refused({ ...base, rolloutTarget: 4 })).message).toContain('5–10');
    expect((await refused({ ...base, rolloutTarget: 11 })).message).toContain('5–10');
    expect((await refused({ ...base, version: 3 })).code).toBe('CONFLICT');
    expect((await c.tangqiao.refused('steering.saveTarget', base)).code).toBe('FORBIDDEN');
    const saved = await c.bureau.ok('steering.saveTarget', base);
    expect(saved).toMatchObject({ pilotUnitName: '塘桥示范电梯有限公司', rolloutTarget: 6, rolloutOwn: 6, supervisorsTarget: 3, version: 1, note: '11 月底前完成推广' });
    expect((await refused(base)).code).toBe('CONFLICT');
    const audit = c.bureau.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'steering.saveTarget'").all() as Array<{ after: string }>;
    expect(audit.map((a) => JSON.parse(a.after) as { rollout_target: number })).toMatchObject([{ rollout_target: 6 }]);
  });
});

describe('the rollout board', () => {
  it('shows every district with its office, pilot unit, rollout and supervisors against the targets', async () => {
    const board = await c.bureau.ok('steering.progress', {});
    expect(board.rows).toHaveLength(16);
    expect(row(board, TANGQIAO)).toMatchObject({
      office: { state: 'reporting', nodes: [{ nodeName: '塘桥分局' }] },
      pilot: { unitName: '塘桥示范电梯有限公司', fromFile: false, state: 'passed', plaqueNo: '张特示〔2026〕第001号' },
      rollout: { target: 6, accepted: 1, inProgress: 2 },
      supervisors: { target: 3, trained: 1 },
    });
    expect(row(board, TANGQIAO).office.lastImportedAt).toMatch(/^2026-11-02T/);
    // 锦丰 has no pilot file yet, and the default rollout count of a pilot district
    expect(row(board, JINFENG)).toMatchObject({ office: { state: 'reporting' }, pilot: null, rollout: { target: 8, accepted: 0, inProgress: 0 }, supervisors: { target: 10, trained: 0 } });
    expect(row(board, NANFENG)).toMatchObject({ office: { state: 'silent', nodes: [{ nodeName: '南丰分局' }], lastImportedAt: null } });
    const dongcheng = board.rows.find((r) => r.districtName === '东城')!;
    expect(dongcheng).toMatchObject({ office: { state: 'unenrolled', nodes: [] }, pilot: null });
    expect(board.rows.filter((r) => r.office.state === 'unenrolled')).toHaveLength(13);
  });

  it('takes the pilot unit from the district’s pilot file until the bureau names one, and shows a revoked key', async () => {
    await c.bureau.ok('steering.saveTarget', { districtId: TANGQIAO, version: 1, pilotUnitId: null, rolloutTarget: 6, supervisorsTarget: 3, note: null });
    const board = await c.bureau.ok('steering.progress', {});
    expect(row(board, TANGQIAO).pilot).toMatchObject({ unitName: '塘桥示范电梯有限公司', fromFile: true, state: 'passed' });
    const key = (await c.bureau.ok('keys.trusted', {})).find((k) => k.nodeId === nanfeng.id)!;
    await c.bureau.ok('keys.revoke', { keyId: key.keyId, reason: '电脑报废' });
    expect(row(await c.bureau.ok('steering.progress', {}), NANFENG).office.state).toBe('revoked');
    expect((await c.jinfeng.refused('steering.progress', {})).code).toBe('FORBIDDEN');
  });
});
