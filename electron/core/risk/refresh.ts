import { performance } from 'node:perf_hooks';
import { count, eq, inArray } from 'drizzle-orm';
import { riskDirty, riskMonthly, riskRules, riskState, unitRisk } from '../../../db/schema/index.ts';
import type { RiskRuleBody } from '../../api/schemas/risk.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { readFacts, type UnitSelection } from './facts.ts';
import { canonicalRule, currentRule } from './rule.ts';
import { scoreUnit } from './score.ts';

// Keeps unit_risk (the stored scores the grids filter and sort by) true to the data.
// Writes never score anything themselves: triggers note the units whose facts changed
// (risk_dirty, migration 0021), and every read of the scores first calls
// ensureRiskFresh, which rescores those units — or every unit when the day, the rule
// or the screening settings changed since the last full pass (an inspection date
// passes, a certificate expires, a hazard's deadline goes by without any write).
// The month's distribution (risk_monthly) is rewritten with each refresh, so the last
// refresh in a month is that month's snapshot.

export interface RefreshResult {
  mode: 'full' | 'changed' | 'none';
  units: number;
  ms: number;
}

/** The registry settings the list-1 test reads: a change of them rescored every unit. */
function basisOf(registry: RegistrySettings): string {
  return JSON.stringify({ threshold: registry.screeningThreshold, statuses: [...registry.countedStatuses].sort(), excluded: [...registry.excludedCodes].sort() });
}

function storeVersionOne(ctx: CoreContext, rule: RiskRuleBody, now: string): void {
  // the first score names version 1: store it, so that later program versions with other defaults still show it as it was
  ctx.database.db.insert(riskRules).values({ version: 1, rule: canonicalRule(rule), createdAt: now, createdBy: 'system', note: '默认规则' }).onConflictDoNothing().run();
}

/** Scores written per statement: well under SQLite's bound-parameter limit. */
const SCORE_CHUNK = 500;

function rescore(ctx: CoreContext, selection: UnitSelection, asOf: string, rule: { version: number; rule: RiskRuleBody }, registry: RegistrySettings, now: string): number {
  const { db } = ctx.database;
  const facts = readFacts(ctx, selection, asOf, rule.rule, registry);
  if (selection.kind === 'all') db.delete(unitRisk).run();
  else db.delete(unitRisk).where(inArray(unitRisk.unitId, db.select({ unitId: riskDirty.unitId }).from(riskDirty))).run();
  const scores = [...facts.values()].map((f) => {
    const s = scoreUnit(f, rule.rule, f.screened >= registry.screeningThreshold);
    return { unitId: f.unitId, districtId: f.districtId, score: s.score, level: s.level, ruleVersion: rule.version, breakdown: JSON.stringify(s.breakdown), asOf, computedAt: now };
  });
  for (let i = 0; i < scores.length; i += SCORE_CHUNK) db.insert(unitRisk).values(scores.slice(i, i + SCORE_CHUNK)).run();
  return facts.size;
}

function snapshotMonth(ctx: CoreContext, asOf: string, ruleVersion: number, now: string): void {
  const { db } = ctx.database;
  const month = asOf.slice(0, 7);
  db.delete(riskMonthly).where(eq(riskMonthly.month, month)).run();
  const counts = db
    .select({ districtId: unitRisk.districtId, level: unitRisk.level, units: count() })
    .from(unitRisk)
    .groupBy(unitRisk.districtId, unitRisk.level)
    .all();
  if (counts.length > 0) db.insert(riskMonthly).values(counts.map((c) => ({ month, ...c, ruleVersion, updatedAt: now }))).run();
}

/** Rescores what is stale (see above); cheap when nothing is. `force`: every unit, now. */
export function ensureRiskFresh(ctx: CoreContext, options: { force?: boolean } = {}): RefreshResult {
  const { sqlite, db } = ctx.database;
  const started = performance.now();
  const asOf = localDate(ctx.now());
  const rule = currentRule(ctx);
  const registry = getRegistrySettings(ctx);
  const basis = basisOf(registry);
  const stale = () => {
    const state = db.select({ asOf: riskState.asOf, ruleVersion: riskState.ruleVersion, basis: riskState.basis }).from(riskState).where(eq(riskState.id, 1)).get();
    if (options.force || !state || state.asOf !== asOf || state.ruleVersion !== rule.version || state.basis !== basis) return 'full' as const;
    return sqlite.prepare('SELECT 1 FROM risk_dirty LIMIT 1').get() ? ('changed' as const) : ('none' as const);
  };
  // the common case, a read with nothing to do, takes no write lock
  if (stale() === 'none') return { mode: 'none', units: 0, ms: 0 };
  return sqlite
    .transaction((): RefreshResult => {
      const mode = stale();
      if (mode === 'none') return { mode, units: 0, ms: 0 };
      const now = ctx.now().toISOString();
      if (rule.version === 1) storeVersionOne(ctx, rule.rule, now);
      const units = rescore(ctx, { kind: mode === 'full' ? 'all' : 'dirty' }, asOf, rule, registry, now);
      db.delete(riskDirty).run();
      const ms = Math.round(performance.now() - started);
      const state = { asOf, ruleVersion: rule.version, basis, computedAt: now };
      // the time a full pass took is kept until the next full pass
      const lastFullMs = mode === 'full' ? ms : undefined;
      db.insert(riskState)
        .values({ id: 1, ...state, lastFullMs: lastFullMs ?? null })
        .onConflictDoUpdate({ target: riskState.id, set: { ...state, ...(lastFullMs === undefined ? {} : { lastFullMs }) } })
        .run();
      snapshotMonth(ctx, asOf, rule.version, now);
      return { mode, units, ms };
    })
    .immediate();
}
