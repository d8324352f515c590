import type { RiskFactor, RiskLevel, RiskRuleBody } from '../../api/schemas/risk.ts';
import type { UnitFacts } from './facts.ts';

// A unit's score from its facts and the rule: every factor is a line of the breakdown,
// also when it gives no points, so the clerk sees what was looked at and why the unit
// is where it is. Pure: the same facts and rule always give the same lines.

export const levelLabels: Record<RiskLevel, string> = { high: '高', elevated: '较高', general: '一般', low: '低' };

/** The catalogue's kind names the weights are set on (the others may be weighted too, by code). */
export const kindNames: Record<string, string> = {
  '1000': '锅炉',
  '2000': '压力容器',
  '3000': '电梯',
  '4000': '起重机械',
  '5000': '场（厂）内专用机动车辆',
  '6000': '大型游乐设施',
  '7000': '压力管道元件',
  '8000': '压力管道',
  '9000': '客运索道',
  F000: '安全附件',
};

export interface UnitScore {
  score: number;
  level: RiskLevel;
  breakdown: RiskFactor[];
}

export function levelOf(score: number, rule: RiskRuleBody): RiskLevel {
  const t = rule.thresholds;
  if (score >= t.high) return 'high';
  if (score >= t.elevated) return 'elevated';
  if (score >= t.general) return 'general';
  return 'low';
}

const capped = (points: number, max: number) => Math.min(points, max);
const capNote = (raw: number, max: number) => (raw > max ? `，已达上限 ${max} 分` : '');

/** The score, level and breakdown of one unit. `onList1`: the unit has 20+ counted pieces (the screening setting). */
export function scoreUnit(facts: UnitFacts, rule: RiskRuleBody, onList1: boolean): UnitScore {
  const lines: RiskFactor[] = [];
  const add = (code: string, factor: string, fact: string, points: number) => lines.push({ code, factor, fact, points });

  const oi = rule.overdueInspection;
  const overdueRaw = facts.overdue * oi.perPiece;
  add('overdue-inspection', '超期未检设备', `${facts.overdue} 台（每台 ${oi.perPiece} 分${capNote(overdueRaw, oi.max)}）`, capped(overdueRaw, oi.max));

  const h = rule.hazards;
  const hazardParts = [
    { code: 'hazard-open-major', factor: '未闭环重大隐患', n: facts.hazardsOpen.major, each: h.openMajor, unit: '处' },
    { code: 'hazard-open-general', factor: '未闭环一般隐患', n: facts.hazardsOpen.general, each: h.openGeneral, unit: '处' },
    { code: 'hazard-overdue-major', factor: '逾期未整改重大隐患（加分）', n: facts.hazardsOverdue.major, each: h.overdueMajor, unit: '处' },
    { code: 'hazard-overdue-general', factor: '逾期未整改一般隐患（加分）', n: facts.hazardsOverdue.general, each: h.overdueGeneral, unit: '处' },
  ];
  // the hazards share one cap: taken in this order (major first), so the heavier ones count in full
  let hazardRoom = h.max;
  for (const p of hazardParts) {
    const raw = p.n * p.each;
    const points = Math.min(raw, hazardRoom);
    hazardRoom -= points;
    add(p.code, p.factor, `${p.n} ${p.unit}（每处 ${p.each} 分${raw > points ? `，隐患合计上限 ${h.max} 分` : ''}）`, points);
  }

  const hk = rule.heavyKinds;
  const weighted = Object.entries(hk.perPiece)
    .filter(([code, each]) => each > 0 && (facts.kinds[code] ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const heavyRaw = weighted.reduce((sum, [code, each]) => sum + (facts.kinds[code] ?? 0) * each, 0);
  const heavyFact = weighted.length === 0 ? '无' : weighted.map(([code, each]) => `${kindNames[code] ?? code} ${facts.kinds[code]} 台×${each} 分`).join('、');
  add('heavy-kinds', '重点设备（锅炉、压力容器、压力管道、大型游乐设施、客运索道等）', `${heavyFact}${capNote(heavyRaw, hk.max)}`, capped(heavyRaw, hk.max));

  const band = [...rule.sizeBands].sort((a, b) => b.min - a.min).find((b) => facts.inUse >= b.min);
  add('size', '在用设备总数', `${facts.inUse} 台${band ? `（${band.min} 台及以上档）` : ''}`, band?.points ?? 0);

  const noManager = onList1 && facts.validAManagers === 0;
  add(
    'no-valid-a-manager',
    '清单一单位无有效 A 证安全管理员',
    onList1 ? (noManager ? '清单一单位，无持有效 A 证的安全管理员' : `清单一单位，有效 A 证安全管理员 ${facts.validAManagers} 人`) : '不在清单一（不适用）',
    noManager ? rule.noValidAManager : 0,
  );

  const c = rule.complaints;
  const complaintRaw = facts.complaintsTrue * c.perComplaint;
  add('complaints', `近 ${c.months} 个月查实的投诉举报`, `${facts.complaintsTrue} 件（每件 ${c.perComplaint} 分${capNote(complaintRaw, c.max)}）`, capped(complaintRaw, c.max));

  const passed = facts.demoState === 'passed';
  add('demo-passed', '示范单位（验收通过）', passed ? '已通过示范单位验收（减分）' : facts.demoState ? '示范单位验收未通过或进行中' : '不是示范单位', passed ? -rule.demoPassed : 0);

  const score = Math.max(0, lines.reduce((sum, l) => sum + l.points, 0));
  return { score, level: levelOf(score, rule), breakdown: lines };
}
