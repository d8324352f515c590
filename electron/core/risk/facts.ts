import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { acceptanceFiles, complaints, equipment, hazards, riskDirty, safetyManagers, units } from '../../../db/schema/index.ts';
import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { RiskRuleBody } from '../../api/schemas/risk.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import type { CoreContext } from '../context.ts';
import { all, sql, sqlFragment, sqlRaw, values, type SqlFragment } from '../data/query.ts';
import { OVERDUE_SQL } from '../hazards/hazard-read.ts';
import { inspectionSql, validACertificateSql } from '../registry/status-sql.ts';

// The facts a unit's score is made of, read for many units at once: one grouped pass
// per source table (equipment through its equipment_unit index), so a full recompute
// of 10,000 units and 200,000 pieces is a handful of statements, not 10,000 × 6.

export interface UnitFacts {
  unitId: string;
  districtId: string;
  /** pieces 在用 */
  inUse: number;
  /** in-use pieces past their next inspection date (超期未检) */
  overdue: number;
  /** pieces counted for the 20-unit screening (list 1) */
  screened: number;
  /** in-use pieces by kind code, the rule's excluded codes (气瓶) left out */
  kinds: Record<string, number>;
  /** managers holding an A certificate valid on the as-of date */
  validAManagers: number;
  hazardsOpen: { general: number; major: number };
  hazardsOverdue: { general: number; major: number };
  /** complaints about the unit found true (查实 / 部分查实) within the rule's window */
  complaintsTrue: number;
  /** the state of the unit's latest demonstration-unit acceptance file */
  demoState: AcceptanceState | null;
}

/** Which units: all live ones, those noted in risk_dirty, or an explicit list. */
export type UnitSelection = { kind: 'all' } | { kind: 'dirty' } | { kind: 'ids'; ids: readonly string[] };

/** `alias.column` restricted to the selected units. */
function selectionSql(selection: UnitSelection, alias: string, column: SQLiteColumn): SqlFragment {
  const unit = sqlFragment`${sqlRaw(alias)}.${column}`;
  if (selection.kind === 'all') return sqlRaw('1');
  if (selection.kind === 'dirty') return sqlFragment`${unit} IN (SELECT ${riskDirty.unitId} FROM ${riskDirty})`;
  return sqlFragment`${unit} IN (SELECT value FROM json_each(${JSON.stringify(selection.ids)}))`;
}

/** YYYY-MM-DD less n calendar months, the day kept where the month has it (03-31 less 1 → 02-28). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function isExcluded(codes: ReadonlySet<string>, row: { kind: string | null; category: string | null; variety: string | null }): boolean {
  return [row.kind, row.category, row.variety].some((c) => c !== null && codes.has(c));
}

/** The facts of the selected live units as of a date. */
export function readFacts(ctx: CoreContext, selection: UnitSelection, asOf: string, rule: RiskRuleBody, registry: RegistrySettings): Map<string, UnitFacts> {
  const { sqlite } = ctx.database;
  const facts = new Map<string, UnitFacts>();
  const live = all(
    sqlite,
    sql<{ id: string; districtId: string }>`SELECT u.${units.id}, u.${units.districtId} AS districtId FROM ${units} u
      WHERE u.${units.deletedAt} IS NULL AND ${selectionSql(selection, 'u', units.id)}`,
  );
  for (const u of live) {
    facts.set(u.id, {
      unitId: u.id,
      districtId: u.districtId,
      inUse: 0,
      overdue: 0,
      screened: 0,
      kinds: {},
      validAManagers: 0,
      hazardsOpen: { general: 0, major: 0 },
      hazardsOverdue: { general: 0, major: 0 },
      complaintsTrue: 0,
      demoState: null,
    });
  }
  if (facts.size === 0) return facts;

  // one pass over the unit's pieces in equipment_unit's order (unit, status, kind, category,
  // variety): the in-use counts and the list-1 screening count both come from its groups
  const e = equipment;
  const overdue = inspectionSql('overdue', asOf, asOf);
  const excluded = new Set(rule.heavyKinds.excludedCodes);
  const screenedOut = new Set(registry.excludedCodes);
  const counted = new Set<string>(registry.countedStatuses);
  const pieces = all(
    sqlite,
    sql<{ unitId: string; status: string; kind: string | null; category: string | null; variety: string | null; n: number; overdue: number }>`
      SELECT e.${e.unitId} AS unitId, e.${e.status}, e.${e.kindCode} AS kind, e.${e.categoryCode} AS category, e.${e.varietyCode} AS variety,
             count(*) AS n, ifnull(sum(${overdue}), 0) AS overdue
      FROM ${e} e WHERE e.${e.deletedAt} IS NULL AND ${selectionSql(selection, 'e', e.unitId)}
      GROUP BY e.${e.unitId}, e.${e.status}, e.${e.kindCode}, e.${e.categoryCode}, e.${e.varietyCode}`,
  );
  for (const p of pieces) {
    const f = facts.get(p.unitId);
    if (!f) continue;
    // the screening's own rule (countedPieceSql): counted statuses, none of the three codes excluded
    if (counted.has(p.status) && !isExcluded(screenedOut, p)) f.screened += p.n;
    if (p.status !== 'in_use') continue;
    f.inUse += p.n;
    f.overdue += p.overdue;
    if (p.kind && !isExcluded(excluded, p)) f.kinds[p.kind] = (f.kinds[p.kind] ?? 0) + p.n;
  }

  const m = safetyManagers;
  const managers = all(
    sqlite,
    sql<{ unitId: string; n: number }>`SELECT m.${m.unitId} AS unitId, count(*) AS n FROM ${m} m
      WHERE ${validACertificateSql(asOf)} AND ${selectionSql(selection, 'm', m.unitId)} GROUP BY m.${m.unitId}`,
  );
  for (const r of managers) {
    const f = facts.get(r.unitId);
    if (f) f.validAManagers = r.n;
  }

  const h = hazards;
  const hazardRows = all(
    sqlite,
    sql<{ unitId: string; level: 'general' | 'major'; open: number; overdue: number }>`
      SELECT h.${h.unitId} AS unitId, h.${h.level}, count(*) AS open, ifnull(sum(${sqlRaw(OVERDUE_SQL, [], { today: asOf })}), 0) AS overdue
      FROM ${h} h WHERE h.${h.deletedAt} IS NULL AND h.${h.state} NOT IN ('closed', 'archived') AND ${selectionSql(selection, 'h', h.unitId)}
      GROUP BY h.${h.unitId}, h.${h.level}`,
  );
  for (const h of hazardRows) {
    const f = facts.get(h.unitId);
    if (!f) continue;
    f.hazardsOpen[h.level] += h.open;
    f.hazardsOverdue[h.level] += h.overdue;
  }

  // found true when it was handled (办结), within the window ending today
  const c = complaints;
  const decided = sqlFragment`coalesce(c.${c.handledOn}, c.${c.receivedOn})`;
  const complaintRows = all(
    sqlite,
    sql<{ unitId: string; n: number }>`SELECT c.${c.unitId} AS unitId, count(*) AS n FROM ${c} c
      WHERE c.${c.deletedAt} IS NULL AND c.${c.outcome} IN ('substantiated', 'partly') AND ${decided} > ${monthsBefore(asOf, rule.complaints.months)} AND ${decided} <= ${asOf}
        AND c.${c.unitId} IS NOT NULL AND ${selectionSql(selection, 'c', c.unitId)} GROUP BY c.${c.unitId}`,
  );
  for (const r of complaintRows) {
    const f = facts.get(r.unitId);
    if (f) f.complaintsTrue = r.n;
  }

  const a = acceptanceFiles;
  const withFiles = values(
    sqlite,
    sql<string>`SELECT DISTINCT a.${a.unitId} FROM ${a} a WHERE a.${a.deletedAt} IS NULL AND ${selectionSql(selection, 'a', a.unitId)}`,
  );
  for (const [unitId, state] of unitAcceptanceStates(ctx, withFiles)) {
    const f = facts.get(unitId);
    if (f) f.demoState = state;
  }
  return facts;
}
