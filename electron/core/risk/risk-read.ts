import { count, eq } from 'drizzle-orm';
import { districts, riskMonthly, riskState, unitRisk as scores, units } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import { riskLevels, type RiskDistribution, type RiskFactor, type RiskLevel, type RiskLevelCounts, type UnitRisk } from '../../api/schemas/risk.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql } from '../data/query.ts';
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
  const rows = all(
    ctx.database.sqlite,
    sql<StoredRisk & { unitId: string }>`SELECT ${scores.unitId} AS unitId, ${scores.score}, ${scores.level}, ${scores.ruleVersion} AS ruleVersion
      FROM ${scores} WHERE ${scores.unitId} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(unitIds)])}))`,
  );
  return new Map(rows.map(({ unitId, ...r }) => [unitId, r]));
}

/** One unit's score with its breakdown and the rule version it was computed with. */
export function unitRisk(ctx: CoreContext, unitId: string): UnitRisk {
  ensureRiskFresh(ctx);
  const row = get(
    ctx.database.sqlite,
    sql<Omit<UnitRisk, 'breakdown'> & { breakdown: string }>`
      SELECT r.${scores.unitId} AS unitId, u.${units.name} AS unitName, r.${scores.districtId} AS districtId, d.${districts.name} AS districtName,
             r.${scores.score}, r.${scores.level}, r.${scores.ruleVersion} AS ruleVersion, r.${scores.asOf} AS asOf,
             r.${scores.computedAt} AS computedAt, r.${scores.breakdown}
      FROM ${scores} r JOIN ${units} u ON u.${units.id} = r.${scores.unitId} JOIN ${districts} d ON d.${districts.id} = r.${scores.districtId}
      WHERE r.${scores.unitId} = ${unitId}`,
  );
  if (!row) throw new AppError('NOT_FOUND', '该使用单位不存在或已被删除，请刷新后重试。');
  return { ...row, breakdown: JSON.parse(row.breakdown) as RiskFactor[] };
}

const zero = (): RiskLevelCounts => ({ high: 0, elevated: 0, general: 0, low: 0 });

/** Units by level now, and by month from the stored snapshots; one district (an office's own by default) or the city. */
export function riskDistribution(ctx: CoreContext, input: { districtId?: string }): RiskDistribution {
  ensureRiskFresh(ctx);
  const districtId = listScope(ctx).districtId ?? input.districtId ?? null;
  const { sqlite, db } = ctx.database;
  const counts = zero();
  const levels = db
    .select({ level: scores.level, n: count() })
    .from(scores)
    .where(districtId === null ? undefined : eq(scores.districtId, districtId))
    .groupBy(scores.level)
    .all();
  for (const r of levels) {
    counts[r.level] = r.n;
  }
  const m = riskMonthly;
  const monthRows = all(
    sqlite,
    sql<{ month: string; level: RiskLevel; n: number; versions: string }>`
      SELECT ${m.month}, ${m.level}, sum(${m.units}) AS n, group_concat(DISTINCT ${m.ruleVersion}) AS versions FROM ${m}
      WHERE (${districtId} IS NULL OR ${m.districtId} = ${districtId})
        AND ${m.month} IN (SELECT DISTINCT ${m.month} FROM ${m} ORDER BY ${m.month} DESC LIMIT ${MONTHS_SHOWN})
      GROUP BY ${m.month}, ${m.level} ORDER BY ${m.month}`,
  );
  const months = new Map<string, RiskDistribution['months'][number]>();
  for (const r of monthRows) {
    const m = months.get(r.month) ?? { month: r.month, ...zero(), ruleVersions: [] };
    m[r.level] = r.n;
    m.ruleVersions = [...new Set([...m.ruleVersions, ...r.versions.split(',').map(Number)])].sort((a, b) => a - b);
    months.set(r.month, m);
  }
  const state = db.select({ asOf: riskState.asOf, ruleVersion: riskState.ruleVersion }).from(riskState).where(eq(riskState.id, 1)).get();
  return {
    asOf: state?.asOf ?? '',
    ruleVersion: state?.ruleVersion ?? 1,
    districtId,
    counts,
    months: [...months.values()].filter((m) => riskLevels.some((l) => m[l] > 0)),
  };
}
