import { AppError } from '../../api/errors.ts';
import type { Assessment, AssessmentCell, AssessmentRow, Evidence, IndicatorInfo, IndicatorKey, IndicatorRule } from '../../api/schemas/steering.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { chinaMidnight, currentMonth, firstDay, lastDay, monthLabel, addMonths } from '../summaries/month.ts';
import { activeDistricts, districtName } from './bureau.ts';
import { officesByDistrict, type DistrictOffice } from './facts.ts';
import type { Measure, MonthScope } from './indicator-types.ts';
import { demoUnits, mutualChecks, supervisorsTrained } from './indicators-progress.ts';
import { hazardsOnTime, inspectionOverdue, summaryOnTime } from './indicators-work.ts';
import { indicatorLabels, ruleText, rulesFor } from './rules.ts';
import { listTargets } from './targets.ts';

// 考核: each district scored per month by the indicators in effect for that month.
// An indicator earns weight × ratio; one that does not apply to the district (no
// target, nothing due) or has no data stays out of its full score, and districts are
// ranked by their score as a share of their full score (折算得分). A district whose
// office was not enrolled by the month's end is listed as 未启用 and not scored.

const measures: Record<IndicatorKey, (ctx: CoreContext, scope: MonthScope, detail: boolean) => Measure> = {
  summary_on_time: (ctx, scope) => summaryOnTime(ctx, scope),
  inspection_overdue: inspectionOverdue,
  hazards_on_time: hazardsOnTime,
  demo_units: demoUnits,
  supervisors: supervisorsTrained,
  mutual_checks: mutualChecks,
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function info(rule: IndicatorRule): IndicatorInfo {
  return { key: rule.key, label: indicatorLabels[rule.key], weight: rule.weight, rule: ruleText(rule) };
}

function toCell(rule: IndicatorRule, m: Measure): AssessmentCell {
  const ratio = m.applicable ? m.ratio : null;
  return { key: rule.key, weight: rule.weight, applicable: m.applicable, noData: m.noData, ratio, score: ratio === null ? null : round1(rule.weight * ratio), value: m.value };
}

interface MonthFrame {
  month: string;
  from: string;
  to: string;
  asOf: string;
  today: string;
}

function frameOf(ctx: CoreContext, month: string): MonthFrame {
  const today = localDate(ctx.now());
  if (month > currentMonth(ctx)) throw new AppError('VALIDATION', `${monthLabel(month)}尚未开始，不能考核。`, { field: 'month' });
  const to = lastDay(month);
  return { month, from: firstDay(month), to, asOf: to < today ? to : today, today };
}

/** Enrolled by the month's end: an office whose key the bureau trusted before the next month began. */
function enrolledFor(office: DistrictOffice | undefined, month: string): office is DistrictOffice {
  return office !== undefined && office.enrolledAt !== null && office.enrolledAt < chinaMidnight(firstDay(addMonths(month, 1)));
}

export function assessMonth(ctx: CoreContext, month: string): Assessment {
  const frame = frameOf(ctx, month);
  const rules = rulesFor(ctx, month);
  const enabled = rules.indicators.filter((r) => r.enabled);
  const offices = officesByDistrict(ctx);
  const targets = new Map(listTargets(ctx).map((t) => [t.districtId, t]));
  const rows: AssessmentRow[] = activeDistricts(ctx).map((d) => {
    const office = offices.get(d.id);
    if (!enrolledFor(office, month)) {
      return { districtId: d.id, districtName: d.name, status: 'not_assessed', offices: [], cells: [], total: null, maxScore: null, normalized: null, rank: null };
    }
    const cells = enabled.map((rule) => toCell(rule, measures[rule.key](ctx, { ...frame, districtId: d.id, office, target: targets.get(d.id) ?? null, rule }, false)));
    const scored = cells.filter((c) => c.score !== null);
    const total = round1(scored.reduce((n, c) => n + c.score!, 0));
    const maxScore = scored.reduce((n, c) => n + c.weight, 0);
    return {
      districtId: d.id,
      districtName: d.name,
      status: 'assessed',
      offices: office.nodes.map((n) => n.nodeName),
      cells,
      total: maxScore > 0 ? total : null,
      maxScore: maxScore > 0 ? maxScore : null,
      normalized: maxScore > 0 ? round1((total / maxScore) * 100) : null,
      rank: null,
    };
  });
  // competition ranking (1, 2, 2, 4) by the normalised score
  const ranked = rows.filter((r) => r.normalized !== null).sort((a, b) => b.normalized! - a.normalized!);
  ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1]!.normalized === r.normalized ? ranked[i - 1]!.rank : i + 1));
  return { month, asOf: frame.asOf, rulesVersion: rules.version, indicators: enabled.map(info), rows };
}

/** The facts behind one score: which summary, which hazards, which pieces … */
export function scoreEvidence(ctx: CoreContext, input: { month: string; districtId: string; indicator: IndicatorKey }): Evidence {
  const frame = frameOf(ctx, input.month);
  const name = districtName(ctx, input.districtId);
  const rule = rulesFor(ctx, input.month).indicators.find((r) => r.key === input.indicator && r.enabled);
  if (!rule) throw new AppError('VALIDATION', `${monthLabel(input.month)}的考核规则中没有启用“${indicatorLabels[input.indicator]}”。`, { field: 'indicator' });
  const office = officesByDistrict(ctx).get(input.districtId);
  if (!enrolledFor(office, input.month)) throw new AppError('NOT_FOUND', `${name}在${monthLabel(input.month)}尚未启用（市局未登记其公钥），没有考核数据。`);
  const target = listTargets(ctx).find((t) => t.districtId === input.districtId) ?? null;
  const m = measures[rule.key](ctx, { ...frame, districtId: input.districtId, office, target, rule }, true);
  return { month: input.month, districtId: input.districtId, districtName: name, indicator: info(rule), cell: toCell(rule, m), columns: m.columns, rows: m.rows, total: m.total };
}
