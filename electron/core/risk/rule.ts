import { desc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../api/contract.ts';
import { riskRules } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import { RiskRuleBody, type RiskRule } from '../../api/schemas/risk.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';

// The scoring rule of 风险分级 as versions (risk_rules). Version 1 is the default below;
// every saved change adds the next version and keeps the old ones, so a score stored
// with version 3 can still be explained by version 3 after the rule moved on. The rule
// is this node's own (like the other settings): an office tunes its own weights, the
// bureau its city-wide ones.

/**
 * The default weights. Points add up per unit; the level is the band the total falls
 * in. They favour what the seed calls 双重预防: overdue inspections and unclosed hazards
 * weigh most, the heavier kinds and the size of the unit raise the base, a passed
 * demonstration unit lowers it.
 */
export const DEFAULT_RULE: RiskRuleBody = {
  thresholds: { high: 60, elevated: 35, general: 15 },
  overdueInspection: { perPiece: 5, max: 30 },
  hazards: { openGeneral: 3, openMajor: 10, overdueGeneral: 5, overdueMajor: 15, max: 40 },
  heavyKinds: {
    // 锅炉, 压力容器, 大型游乐设施, 压力管道, 客运索道
    perPiece: { '1000': 3, '2000': 1, '6000': 3, '8000': 2, '9000': 5 },
    max: 20,
    // 气瓶 count in the hundreds at a filling station; they are not what makes a unit heavy
    excludedCodes: ['2300'],
  },
  sizeBands: [
    { min: 10, points: 2 },
    { min: 20, points: 5 },
    { min: 50, points: 8 },
    { min: 100, points: 12 },
  ],
  noValidAManager: 20,
  demoPassed: 15,
  complaints: { perComplaint: 8, max: 24, months: 12 },
};

type RuleRow = typeof riskRules.$inferSelect;

function toRule(row: RuleRow): RiskRule {
  const parsed = RiskRuleBody.safeParse(JSON.parse(row.rule));
  // a stored version is never rewritten; one this program cannot read is shown as the default, named as such
  if (!parsed.success) return { version: row.version, rule: DEFAULT_RULE, createdAt: row.createdAt, createdBy: row.createdBy, note: `${row.note ?? ''}（无法读取，按默认规则显示）` };
  return { version: row.version, rule: parsed.data, createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}

const rules = (ctx: CoreContext) => ctx.database.db.select().from(riskRules);

/** The rule in force: the newest version, or version 1 (the default) before any was saved. */
export function currentRule(ctx: CoreContext): RiskRule {
  const row = rules(ctx).orderBy(desc(riskRules.version)).limit(1).get();
  return row ? toRule(row) : { version: 1, rule: DEFAULT_RULE, createdAt: null, createdBy: null, note: '默认规则' };
}

/** Every version, newest first; version 1 (the default) is listed even before it was stored. */
export function ruleVersions(ctx: CoreContext): RiskRule[] {
  const rows = rules(ctx).orderBy(desc(riskRules.version)).all().map(toRule);
  return rows.some((r) => r.version === 1) ? rows : [...rows, currentRuleDefault()];
}

function currentRuleDefault(): RiskRule {
  return { version: 1, rule: DEFAULT_RULE, createdAt: null, createdBy: null, note: '默认规则' };
}

export function ruleVersion(ctx: CoreContext, version: number): RiskRule {
  const row = rules(ctx).where(eq(riskRules.version, version)).get();
  if (row) return toRule(row);
  if (version === 1) return currentRuleDefault();
  throw new AppError('NOT_FOUND', `没有第 ${version} 版风险评分规则。`);
}

/** Keys in a fixed order, so two equal rules compare equal as text. */
export function canonicalRule(rule: RiskRuleBody): string {
  const perPiece = Object.fromEntries(Object.entries(rule.heavyKinds.perPiece).filter(([, v]) => v > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({
    thresholds: rule.thresholds,
    overdueInspection: rule.overdueInspection,
    hazards: rule.hazards,
    heavyKinds: { perPiece, max: rule.heavyKinds.max, excludedCodes: [...new Set(rule.heavyKinds.excludedCodes)].sort() },
    sizeBands: [...rule.sizeBands].sort((a, b) => a.min - b.min),
    noValidAManager: rule.noValidAManager,
    demoPassed: rule.demoPassed,
    complaints: rule.complaints,
  });
}

/** Saves a changed rule as the next version (an unchanged one saves nothing) and audits it. */
export function updateRule(ctx: CoreContext, input: ParsedInput<'risk.updateRule'>): RiskRule {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const before = currentRule(ctx);
    const text = canonicalRule(input.rule);
    if (text === canonicalRule(before.rule)) return before;
    const now = ctx.now().toISOString();
    const { db } = ctx.database;
    // version 1 is stored the first time the rule changes, so it stays readable as it was
    if (!sqlite.prepare('SELECT 1 FROM risk_rules WHERE version = 1').get()) db.insert(riskRules).values({ version: 1, rule: canonicalRule(DEFAULT_RULE), createdAt: now, createdBy: 'system', note: '默认规则' }).run();
    const version = before.version + 1;
    db.insert(riskRules).values({ version, rule: text, createdAt: now, createdBy: ctx.actor, note: input.note ?? null }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'risk.updateRule', table: 'risk_rules', rowIds: [String(version)], before: { version: before.version, rule: before.rule }, after: { version, rule: JSON.parse(text) as unknown, note: input.note ?? null } });
    return ruleVersion(ctx, version);
  })();
}
