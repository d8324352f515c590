import { performance } from 'node:perf_hooks';
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

interface StateRow {
  asOf: string;
  ruleVersion: number;
  basis: string;
}

/** The registry settings the list-1 test reads: a change of them rescored every unit. */
function basisOf(registry: RegistrySettings): string {
  return JSON.stringify({ threshold: registry.screeningThreshold, statuses: [...registry.countedStatuses].sort(), excluded: [...registry.excludedCodes].sort() });
}

function storeVersionOne(ctx: CoreContext, rule: RiskRuleBody, now: string): void {
  // the first score names version 1: store it, so that later program versions with other defaults still show it as it was
  ctx.database.sqlite.prepare("INSERT OR IGNORE INTO risk_rules (version, rule, created_at, created_by, note) VALUES (1, ?, ?, 'system', '默认规则')").run(canonicalRule(rule), now);
}

function rescore(ctx: CoreContext, selection: UnitSelection, asOf: string, rule: { version: number; rule: RiskRuleBody }, registry: RegistrySettings, now: string): number {
  const { sqlite } = ctx.database;
  const facts = readFacts(ctx, selection, asOf, rule.rule, registry);
  if (selection.kind === 'all') sqlite.prepare('DELETE FROM unit_risk').run();
  else sqlite.prepare('DELETE FROM unit_risk WHERE unit_id IN (SELECT unit_id FROM risk_dirty)').run();
  const insert = sqlite.prepare('INSERT INTO unit_risk (unit_id, district_id, score, level, rule_version, breakdown, as_of, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const f of facts.values()) {
    const s = scoreUnit(f, rule.rule, f.screened >= registry.screeningThreshold);
    insert.run(f.unitId, f.districtId, s.score, s.level, rule.version, JSON.stringify(s.breakdown), asOf, now);
  }
  return facts.size;
}

function snapshotMonth(ctx: CoreContext, asOf: string, ruleVersion: number, now: string): void {
  const { sqlite } = ctx.database;
  const month = asOf.slice(0, 7);
  sqlite.prepare('DELETE FROM risk_monthly WHERE month = ?').run(month);
  sqlite
    .prepare('INSERT INTO risk_monthly (month, district_id, level, units, rule_version, updated_at) SELECT ?, district_id, level, count(*), ?, ? FROM unit_risk GROUP BY district_id, level')
    .run(month, ruleVersion, now);
}

/** Rescores what is stale (see above); cheap when nothing is. `force`: every unit, now. */
export function ensureRiskFresh(ctx: CoreContext, options: { force?: boolean } = {}): RefreshResult {
  const { sqlite } = ctx.database;
  const started = performance.now();
  const asOf = localDate(ctx.now());
  const rule = currentRule(ctx);
  const registry = getRegistrySettings(ctx);
  const basis = basisOf(registry);
  const stale = () => {
    const state = sqlite.prepare('SELECT as_of AS asOf, rule_version AS ruleVersion, basis FROM risk_state WHERE id = 1').get() as StateRow | undefined;
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
      sqlite.prepare('DELETE FROM risk_dirty').run();
      const ms = Math.round(performance.now() - started);
      sqlite
        .prepare(
          `INSERT INTO risk_state (id, as_of, rule_version, basis, computed_at, last_full_ms) VALUES (1, @asOf, @version, @basis, @now, @ms)
           ON CONFLICT(id) DO UPDATE SET as_of = @asOf, rule_version = @version, basis = @basis, computed_at = @now, last_full_ms = CASE WHEN @full THEN @ms ELSE last_full_ms END`,
        )
        .run({ asOf, version: rule.version, basis, now, ms: mode === 'full' ? ms : null, full: mode === 'full' ? 1 : 0 });
      snapshotMonth(ctx, asOf, rule.version, now);
      return { mode, units, ms };
    })
    .immediate();
}
