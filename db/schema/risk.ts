import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// 风险分级管控 (issue 19). Every table here is this node's own derived data, never
// synced: each node scores the units it holds (an office its district, the bureau the
// whole city) from the rows it holds, with the rule version it has set.

/**
 * The scoring rule, one row per version. A change is a new version; old versions stay
 * so that a stored score can always name and show the rule it was computed with.
 */
export const riskRules = sqliteTable('risk_rules', {
  version: integer('version').primaryKey(),
  /** JSON of RiskRuleBody (electron/api/schemas/risk.ts) */
  rule: text('rule').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  /** why the rule was changed (shown in the version list) */
  note: text('note'),
});

/** The current score of each live unit: what the unit grid filters and sorts by. */
export const unitRisk = sqliteTable(
  'unit_risk',
  {
    unitId: text('unit_id').primaryKey(),
    districtId: text('district_id').notNull(),
    score: integer('score').notNull(),
    /** high / elevated / general / low (高 / 较高 / 一般 / 低) */
    level: text('level', { enum: ['high', 'elevated', 'general', 'low'] }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
    /** JSON [{ code, factor, fact, points }] in Chinese */
    breakdown: text('breakdown').notNull(),
    /** the date (China time) the facts were read for: overdue counts depend on it */
    asOf: text('as_of').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [
    // sort by score (= by level, levels being score bands), the unit id as the tie-breaker
    index('unit_risk_score').on(t.score, t.unitId),
    index('unit_risk_level').on(t.level, t.score, t.unitId),
  ],
);

/**
 * Units whose facts changed since they were scored. Filled by triggers on the tables
 * the score reads (migration), so no write path — import, form, bundle merge — can
 * leave a stale score behind; emptied by the next refresh.
 */
export const riskDirty = sqliteTable('risk_dirty', { unitId: text('unit_id').primaryKey() });

/** What the stored scores were computed against: a new day, rule or screening setting means a full recompute. */
export const riskState = sqliteTable('risk_state', {
  id: integer('id').primaryKey(),
  asOf: text('as_of').notNull(),
  ruleVersion: integer('rule_version').notNull(),
  /** the registry settings the list-1 test used (threshold, statuses, excluded codes), as JSON */
  basis: text('basis').notNull(),
  computedAt: text('computed_at').notNull(),
  /** how long the last full recompute took, for the page that shows it */
  lastFullMs: integer('last_full_ms'),
});

/** The distribution per month, district and level, as last computed in that month: the dashboard's change by month. */
export const riskMonthly = sqliteTable(
  'risk_monthly',
  {
    /** 'YYYY-MM' (China time) */
    month: text('month').notNull(),
    districtId: text('district_id').notNull(),
    level: text('level', { enum: ['high', 'elevated', 'general', 'low'] }).notNull(),
    units: integer('units').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.districtId, t.level] })],
);
