import { AppError } from '../../api/errors.ts';
import { riskLevels, type RiskDistribution, type RiskFactor, type RiskLevel, type RiskLevelCounts, type UnitRisk } from '../../api/schemas/risk.ts';
import type { CoreContext } from '../context.ts';
import { listScope } from '../lists/list-scope.ts';
import { ensureRiskFresh } from './refresh.ts';

// Reads of the stored scores, each after ensureRiskFresh so nothing shown is stale.

const MONTHS_SHOWN = 12;

export interface StoredRisk {
  score: number;
  level: RiskLevel;
  ruleVersion: number;
}

/** The current level and score of these units (fresh); units without a score (deleted) are absent. */
export function riskOfUnits(ctx: CoreContext, unitIds: readonly string[]): Map<string, StoredRisk> {
  ensureRiskFresh(ctx);
  if (unitIds.length === 0) return new Map();
  const rows = ctx.database.sqlite
    .prepare('SELECT unit_id AS unitId, score, level, rule_version AS ruleVersion FROM unit_risk WHERE unit_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(unitIds)])) as Array<StoredRisk & { unitId: string }>;
  return new Map(rows.map(({ unitId, ...r }) => [unitId, r]));
}

/** One unit's score with its breakdown and the rule version it was computed with. */
export function unitRisk(ctx: CoreContext, unitId: string): UnitRisk {
  ensureRiskFresh(ctx);
  const row = ctx.database.sqlite
    .prepare(
      `SELECT r.unit_id AS unitId, u.name AS unitName, r.district_id AS districtId, d.name AS districtName, r.score, r.level,
              r.rule_version AS ruleVersion, r.as_of AS asOf, r.computed_at AS computedAt, r.breakdown
       FROM unit_risk r JOIN units u ON u.id = r.unit_id JOIN districts d ON d.id = r.district_id WHERE r.unit_id = ?`,
    )
    .get(unitId) as (Omit<UnitRisk, 'breakdown'> & { breakdown: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该使用单位不存在或已被删除，请刷新后重试。');
  return { ...row, breakdown: JSON.parse(row.breakdown) as RiskFactor[] };
}

const zero = (): RiskLevelCounts => ({ high: 0, elevated: 0, general: 0, low: 0 });

/** Units by level now, and by month from the stored snapshots; one district (an office's own by default) or the city. */
export function riskDistribution(ctx: CoreContext, input: { districtId?: string }): RiskDistribution {
  ensureRiskFresh(ctx);
  const districtId = listScope(ctx).districtId ?? input.districtId ?? null;
  const { sqlite } = ctx.database;
  const counts = zero();
  for (const r of sqlite.prepare('SELECT level, count(*) AS n FROM unit_risk WHERE (? IS NULL OR district_id = ?) GROUP BY level').all(districtId, districtId) as Array<{ level: RiskLevel; n: number }>) {
    counts[r.level] = r.n;
  }
  const monthRows = sqlite
    .prepare(
      `SELECT month, level, sum(units) AS n, group_concat(DISTINCT rule_version) AS versions FROM risk_monthly
       WHERE (? IS NULL OR district_id = ?) AND month IN (SELECT DISTINCT month FROM risk_monthly ORDER BY month DESC LIMIT ${MONTHS_SHOWN})
       GROUP BY month, level ORDER BY month`,
    )
    .all(districtId, districtId) as Array<{ month: string; level: RiskLevel; n: number; versions: string }>;
  const months = new Map<string, RiskDistribution['months'][number]>();
  for (const r of monthRows) {
    const m = months.get(r.month) ?? { month: r.month, ...zero(), ruleVersions: [] };
    m[r.level] = r.n;
    m.ruleVersions = [...new Set([...m.ruleVersions, ...r.versions.split(',').map(Number)])].sort((a, b) => a - b);
    months.set(r.month, m);
  }
  const state = sqlite.prepare('SELECT as_of AS asOf, rule_version AS ruleVersion FROM risk_state WHERE id = 1').get() as { asOf: string; ruleVersion: number } | undefined;
  return {
    asOf: state?.asOf ?? '',
    ruleVersion: state?.ruleVersion ?? 1,
    districtId,
    counts,
    months: [...months.values()].filter((m) => riskLevels.some((l) => m[l] > 0)),
  };
}
