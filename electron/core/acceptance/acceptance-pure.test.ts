import { describe, expect, it } from 'vitest';
import { checklistItems, loadChecklist, parseChecklist } from './checklist.ts';
import { formatPlaqueNo } from './plaque.ts';
import { prefillOutcome, type UnitFacts } from './prefill.ts';
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
});
