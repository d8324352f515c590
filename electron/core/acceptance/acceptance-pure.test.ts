import { describe, expect, it } from 'vitest';
import { checklistItems, loadChecklist, parseChecklist } from './checklist.ts';
import { formatPlaqueNo } from './plaque.ts';
import { loadOperatorRules, parseOperatorRules } from './operator-rules.ts';
import type { UnitFacts } from './prefill-facts.ts';
import { prefillOutcome } from './prefill.ts';
import { accessoryDueDates, extraDate } from './prefill-inspection.ts';
import { allowedActions, effectiveState, nextState } from './state.ts';

describe('checklist template v1', () => {
  const template = loadChecklist('v1');
  it('has the six areas of the annex, each named system and procedure its own item', () => {
    expect(template.areas.map((a) => a.title)).toEqual(['管理责任', '使用登记', '定期检验', '相关制度', '设备安全技术档案', '人员资格和档案']);
    const titles = template.areas.flatMap((a) => a.items.map((i) => i.title));
    for (const name of ['安全生产责任制度', '岗位责任制度', '安全教育和培训制度', '维护保养管理制度', '安全生产会议制度', '定期自查及隐患整改制度', '事故应急预案', '事故处理制度', '操作规程', '维护保养规程', '运行故障处理规程', '重点监控设备监控措施', '合格证', '检验合格报告', '铭牌资料', '维护保养记录', '巡检记录', '作业人员证件档案', '安全培训档案']) {
      expect(titles, name).toContain(name);
    }
    expect(template.areas[3]!.items).toHaveLength(12);
    expect(template.areas[4]!.items).toHaveLength(6);
    const items = checklistItems(template);
    expect(items.get('2.2')).toMatchObject({ prefill: 'registration', veto: true });
    expect(items.get('3.2')).toMatchObject({ prefill: 'inspection', veto: true });
    expect(items.get('6.1')).toMatchObject({ prefill: 'managers' });
    expect([...items.values()].every((i) => i.evidence && i.check)).toBe(true);
  });
  it('v2 asks evidence for 2.2 and 3.2, names the safety accessories, and checks 6.1 against the operators', () => {
    const v2 = checklistItems(loadChecklist('v2'));
    expect(loadChecklist().version).toBe('v2');
    expect([...v2.keys()]).toEqual([...items.keys()]);
    expect(v2.get('2.2')).toMatchObject({ veto: true, prefill: 'registration', evidenceRequired: true });
    expect(v2.get('3.2')).toMatchObject({ veto: true, prefill: 'inspection', evidenceRequired: true, evidence: expect.stringContaining('压力表') });
    expect(v2.get('6.1')).toMatchObject({ veto: true, prefill: 'operators' });
    expect(v2.get('1.1')).toMatchObject({ prefill: 'managers' });
  });
  const items = checklistItems(template);
  it('refuses a broken template and an unknown version', () => {
    expect(() => parseChecklist({ ...template, areas: [{ ...template.areas[0]!, items: [{ ...template.areas[0]!.items[0]!, code: '2.1' }] }] })).toThrow(/不属于/);
    expect(() => loadChecklist('v9')).toThrow(/v9/);
  });
});

describe('state machine', () => {
  it('walks created → self-check → district review → city review and back with the bureau’s decisions', () => {
    expect(nextState('created', 'start', 'office')).toEqual({ ok: true, to: 'self_check' });
    expect(nextState('self_check', 'submit_city', 'office')).toMatchObject({ ok: false });
    expect(nextState('district_review', 'submit_city', 'office')).toEqual({ ok: true, to: 'city_review' });
    expect(nextState('city_review', 'pass', 'office')).toMatchObject({ ok: false, reason: expect.stringContaining('市局') });
    expect(allowedActions('city_review', 'office')).toEqual([]);
    expect(allowedActions('city_review', 'bureau')).toEqual(['pass', 'return', 'revoke']);
    expect(allowedActions('returned', 'office')).toEqual(['submit', 'rectify', 'cancel']);
  });
  it('completes the office’s state with the decision of the same round only', () => {
    const d = (round: number, outcome: 'pass' | 'return' | 'revoke', at: string) => ({ round, outcome, createdAt: at });
    expect(effectiveState('city_review', 1, [])).toBe('city_review');
    expect(effectiveState('city_review', 1, [d(1, 'return', 'a')])).toBe('returned');
    expect(effectiveState('city_review', 2, [d(1, 'return', 'a')])).toBe('city_review');
    expect(effectiveState('city_review', 2, [d(1, 'return', 'a'), d(2, 'pass', 'b')])).toBe('passed');
    expect(effectiveState('recheck', 2, [d(2, 'pass', 'b')])).toBe('recheck');
    expect(effectiveState('recheck', 2, [d(2, 'pass', 'b'), d(2, 'revoke', 'c')])).toBe('revoked');
  });
});

describe('plaque numbers', () => {
  it('fills year and zero-padded serial', () => {
    expect(formatPlaqueNo('张特示〔{year}〕第{seq:000}号', 2026, 1)).toBe('张特示〔2026〕第001号');
    expect(formatPlaqueNo('ZJG-{year}-{seq}', 2027, 12)).toBe('ZJG-2027-12');
  });
});

describe('prefill from the registry', () => {
  const facts: UnitFacts = {
    equipment: [
      { label: 'E1', status: 'in_use', registrationNo: '梯11苏E00001(17)', nextInspectionDate: '2027-01-01' },
      { label: 'E2', status: 'in_use', registrationNo: null, nextInspectionDate: '2026-10-01' },
      { label: 'E3', status: 'scrapped', registrationNo: null, nextInspectionDate: null },
    ],
    managers: [
      { name: '张三', itemCode: 'A', expiryDate: '2025-01-01' },
      { name: '李四', itemCode: 'A3', expiryDate: '2028-01-01' },
      { name: '王五', itemCode: 'N1', expiryDate: '2029-01-01' },
    ],
  };
  const asOf = '2026-11-29';
  it('decides registration, inspection and managers from the in-use equipment and A certificates', () => {
    expect(prefillOutcome('registration', facts, ['in_use'], asOf)).toMatchObject({ outcome: 'fail', details: ['E2'] });
    expect(prefillOutcome('inspection', facts, ['in_use'], asOf)).toMatchObject({ outcome: 'fail', summary: expect.stringContaining('1 台') });
    expect(prefillOutcome('managers', facts, ['in_use'], asOf)).toMatchObject({ outcome: 'pass' });
    expect(prefillOutcome('managers', { ...facts, managers: facts.managers.slice(0, 1) }, ['in_use'], asOf)).toMatchObject({ outcome: 'fail' });
    const clean = { equipment: [facts.equipment[0]!], managers: [] };
    expect(prefillOutcome('registration', clean, ['in_use'], asOf).outcome).toBe('pass');
    expect(prefillOutcome('inspection', clean, ['in_use'], asOf).outcome).toBe('pass');
    expect(prefillOutcome('inspection', { equipment: [], managers: [] }, ['in_use'], asOf).outcome).toBe('unknown');
  });

  it('counts safety accessories for 3.2: their own rows (F000, 7310) and the dates kept in extra columns', () => {
    const piece = { status: 'in_use', registrationNo: 'x', kindCode: '2000', categoryCode: '2100', varietyCode: '2150' };
    const vessel = (label: string, extra: Record<string, string> | null) => ({ ...piece, label, nextInspectionDate: '2027-01-01', extra: extra && JSON.stringify(extra) });
    const valve = (label: string, next: string | null) => ({ ...piece, label, kindCode: 'F000', categoryCode: '7310', varietyCode: null, nextInspectionDate: next });
    const clean = prefillOutcome('inspection', { equipment: [vessel('R1', null)], managers: [] }, ['in_use'], asOf);
    expect(clean).toMatchObject({ outcome: 'pass', summary: '在用设备 1 台均在检验有效期内；台账中没有安全附件（安全阀、压力表）的校验记录，请查阅校验报告' });
    const withAccessories = prefillOutcome('inspection', { equipment: [vessel('R1', { 压力表下次检定日期: '2026/3/1', 备注: '2020-01-01' }), valve('SV1', '2026-08-01'), valve('SV2', '2027-08-01')], managers: [] }, ['in_use'], asOf);
    expect(withAccessories).toMatchObject({ outcome: 'fail', summary: '有 2 个安全附件超期未校验', details: ['安全附件 SV1（下次校验日期 2026-08-01）', 'R1 的压力表下次检定日期 2026-03-01'] });
    const both = prefillOutcome('inspection', { equipment: [{ ...vessel('R2', null), nextInspectionDate: '2026-01-01' }, valve('SV1', '2026-08-01')], managers: [] }, ['in_use'], asOf);
    expect(both.summary).toBe('有 1 台在用设备超期未检，另有 1 个安全附件超期未校验');
    const fine = prefillOutcome('inspection', { equipment: [vessel('R1', { 安全阀校验有效期至: '2027年3月1日' }), valve('SV2', '2027-08-01')], managers: [] }, ['in_use'], asOf);
    expect(fine).toMatchObject({ outcome: 'pass', summary: '在用设备 1 台均在检验有效期内；安全附件 2 个均在校验有效期内' });
    expect(prefillOutcome('inspection', { equipment: [vessel('R1', null), valve('SV3', null)], managers: [] }, ['in_use'], asOf).outcome).toBe('unknown');
    // a safety valve has no use registration of its own
    expect(prefillOutcome('registration', { equipment: [vessel('R1', null), { ...valve('SV1', '2027-08-01'), registrationNo: null }], managers: [] }, ['in_use'], asOf)).toMatchObject({ outcome: 'pass', summary: '在用设备 1 台均有使用登记证编号' });
  });

  it('reads accessory dates in the forms ledgers write them', () => {
    expect(extraDate('2026-5-1')).toBe('2026-05-01');
    expect(extraDate('2026年05月01日')).toBe('2026-05-01');
    expect(extraDate('46143')).toBe('2026-05-01');
    expect(extraDate('下月')).toBeNull();
    expect(accessoryDueDates(JSON.stringify({ 压力表校验日期: '2026-01-01', 安全阀下次校验: '2027-01-01' }))).toEqual([{ name: '安全阀下次校验', date: '2027-01-01' }]);
    expect(accessoryDueDates('not json')).toEqual([]);
  });

  it('decides 6.1 on the operators’ items for the unit’s kinds, with the mapping as data', () => {
    const kind = (label: string, kindCode: string, categoryCode: string | null, varietyCode: string | null = null) =>
      ({ label, status: 'in_use', registrationNo: 'x', nextInspectionDate: '2027-01-01', kindCode, categoryCode, varietyCode });
    const boilers = { equipment: [kind('B1', '1000', '1100'), kind('B2', '1000', '1200')], managers: [{ name: '甲', itemCode: 'A', expiryDate: '2030-01-01' }] };
    expect(prefillOutcome('operators', boilers, ['in_use'], asOf)).toMatchObject({ outcome: 'fail', summary: '锅炉 2 台：无 G1/G2 证' });
    const stoker = { ...boilers, managers: [...boilers.managers, { name: '乙', itemCode: 'g2', expiryDate: '2030-01-01' }] };
    expect(prefillOutcome('operators', stoker, ['in_use'], asOf)).toMatchObject({ outcome: 'pass', summary: '锅炉 2 台：持 G1/G2 证 1 人' });
    // a vessel may or may not be quick-opening: listed, never a 不符合
    const vessels = { equipment: [kind('R1', '2000', '2100', '2150')], managers: [] };
    expect(prefillOutcome('operators', vessels, ['in_use'], asOf)).toMatchObject({ outcome: 'unknown', details: ['固定式压力容器 1 台：快开门式压力容器需 R1 证，持证 0 人'] });
    // a piece without a kind is named, not guessed
    expect(prefillOutcome('operators', { equipment: [kind('X', '', null), kind('F1', '5000', '5100')], managers: [] }, ['in_use'], asOf).details).toContain('另有 1 台在用设备未填设备种类，无法判断所需证件');
    expect(prefillOutcome('operators', { equipment: [], managers: [] }, ['in_use'], asOf).outcome).toBe('unknown');
    expect(loadOperatorRules().rules.find((r) => r.code === '5100')).toMatchObject({ label: '叉车', requirements: [{ items: ['N1'], need: 'required' }] });
    expect(() => parseOperatorRules({ ...loadOperatorRules(), rules: [{ code: '5100', label: '叉车', requirements: [{ items: ['Z9'], need: 'required' }] }] })).toThrow(/Z9/);
  });
});
