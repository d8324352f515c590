import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { assessmentRules } from '../../../db/schema/index.ts';
import { IndicatorKey, type AssessmentRules, type IndicatorRule, type RulesOutput } from '../../api/schemas/steering.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { currentMonth, monthLabel } from '../summaries/month.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, get, sql } from '../data/query.ts';

// The assessment's indicators and weights, versioned like the other rules: a saved
// change is a new version in effect from a month on, never earlier than the current
// month, so a month already scored keeps the rules it was scored by. Until the bureau
// saves its own, version 1 below applies (the program's defaults).

export const indicatorLabels: Record<IndicatorKey, string> = {
  summary_on_time: '月度工作小结按时报送',
  inspection_overdue: '设备检验超期率',
  hazards_on_time: '隐患按期整改率',
  demo_units: '示范单位验收',
  supervisors: '安全监督员培训',
  mutual_checks: '块内互查开展',
};

/** How an indicator is scored, in a sentence for the page, the evidence and the workbook's notes. */
export function ruleText(rule: IndicatorRule): string {
  switch (rule.key) {
    case 'summary_on_time':
      return `按时报送得满分，逾期报送得 ${rule.param ?? 0}%，未报不得分；按市局收到的时间判断，截止日未到的月份不计。`;
    case 'inspection_overdue':
      return `月末在用设备（有下次检验日期的）中检验超期的比例：0 得满分，达到 ${rule.param ?? 10}% 及以上不得分，其间按比例计分；没有在用设备的不计。`;
    case 'hazards_on_time':
      return '整改期限在本月（本月截至今天）的隐患中，在期限当日或之前复查通过（闭环销号）的比例；本月没有到期隐患的不计。';
    case 'demo_units':
      return '月末持有示范单位牌匾的单位数与目标（试点单位 1 家 + 推广目标）之比，达到目标得满分；未设目标的不计。';
    case 'supervisors':
      return '月末持有有效安全监督员证的人数与监督员目标之比，达到目标得满分；未设目标的不计。';
    case 'mutual_checks':
      return '本月开展过块内互查的安全管理小组占在册小组的比例；没有小组的不计。';
  }
}

export const builtInRules: AssessmentRules = {
  version: 1,
  effectiveFrom: '0000-01',
  indicators: [
    { key: 'summary_on_time', enabled: true, weight: 20, param: 50 },
    { key: 'inspection_overdue', enabled: true, weight: 20, param: 10 },
    { key: 'hazards_on_time', enabled: true, weight: 20, param: null },
    { key: 'demo_units', enabled: true, weight: 15, param: null },
    { key: 'supervisors', enabled: true, weight: 15, param: null },
    { key: 'mutual_checks', enabled: true, weight: 10, param: null },
  ],
  note: '程序默认规则',
  createdAt: null,
  createdBy: null,
  builtIn: true,
};

interface StoredRules {
  version: number;
  effectiveFrom: string;
  indicators: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

function toRules(row: StoredRules): AssessmentRules {
  return { ...row, indicators: JSON.parse(row.indicators) as IndicatorRule[], builtIn: false };
}

function storedVersions(ctx: CoreContext): AssessmentRules[] {
  const rows = all(ctx.database.sqlite, sql<StoredRules>`SELECT version, effective_from AS effectiveFrom, indicators, note, created_at AS createdAt, created_by AS createdBy FROM assessment_rules ORDER BY version`);
  return rows.map(toRules);
}

/** The rules a month is scored by: the latest version in effect from that month or earlier. */
export function rulesFor(ctx: CoreContext, month: string): AssessmentRules {
  const applicable = [builtInRules, ...storedVersions(ctx)].filter((r) => r.effectiveFrom <= month);
  applicable.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
  return applicable[applicable.length - 1]!;
}

export function listRules(ctx: CoreContext): z.infer<typeof RulesOutput> {
  return { current: rulesFor(ctx, currentMonth(ctx)), versions: [builtInRules, ...storedVersions(ctx)], labels: indicatorLabels };
}

/** Every indicator once, in the program's order; the ones not given are off. */
function normalise(indicators: readonly IndicatorRule[]): IndicatorRule[] {
  const byKey = new Map<IndicatorKey, IndicatorRule>();
  for (const rule of indicators) {
    if (byKey.has(rule.key)) throw new AppError('VALIDATION', `指标“${indicatorLabels[rule.key]}”出现了两次，每个指标只能设置一次。`, { field: 'indicators' });
    byKey.set(rule.key, rule);
  }
  return IndicatorKey.options.map((key) => {
    const given = byKey.get(key);
    const param = given?.param ?? builtInRules.indicators.find((r) => r.key === key)!.param;
    return { key, enabled: given?.enabled ?? false, weight: given?.enabled ? given.weight : 0, param };
  });
}

export function saveRules(ctx: CoreContext, input: ParsedInput<'steering.saveRules'>): AssessmentRules {
  const identity = requireIdentity(ctx);
  const now = currentMonth(ctx);
  if (input.effectiveFrom < now) {
    throw new AppError('VALIDATION', `新规则只能从本月（${monthLabel(now)}）或以后施行：已考核的月份按当时的规则计分，不重新计分。`, { field: 'effectiveFrom' });
  }
  const indicators = normalise(input.indicators);
  const enabled = indicators.filter((r) => r.enabled);
  if (enabled.length === 0) throw new AppError('VALIDATION', '请至少启用一个考核指标。', { field: 'indicators' });
  const zero = enabled.find((r) => r.weight === 0);
  if (zero) throw new AppError('VALIDATION', `启用的指标“${indicatorLabels[zero.key]}”权重为 0，请填写权重或停用该指标。`, { field: 'indicators' });
  const sum = enabled.reduce((n, r) => n + r.weight, 0);
  if (sum !== 100) throw new AppError('VALIDATION', `启用的指标权重合计应为 100，现为 ${sum}。请调整权重后保存。`, { field: 'indicators' });
  const overdue = indicators.find((r) => r.key === 'inspection_overdue')!;
  if (overdue.enabled && !(overdue.param !== null && overdue.param > 0)) {
    throw new AppError('VALIDATION', '“设备检验超期率”的不得分界限应大于 0%（如 10%）。', { field: 'indicators' });
  }
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const before = rulesFor(ctx, input.effectiveFrom);
    const version = (get(sqlite, sql<{ v: number | null }>`SELECT max(version) AS v FROM assessment_rules`)!.v ?? builtInRules.version) + 1;
    const row = { id: newId(), version, effectiveFrom: input.effectiveFrom, indicators: JSON.stringify(indicators), note: input.note, createdAt: ctx.now().toISOString(), createdBy: ctx.actor };
    ctx.database.db.insert(assessmentRules).values(row).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'steering.saveRules', table: 'assessment_rules', rowIds: [row.id], before, after: { ...row, indicators } });
    return toRules(row);
  })();
}
