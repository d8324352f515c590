import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { RiskRuleBody } from '../../api/schemas/risk.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import type { CoreContext } from '../context.ts';
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

function selectionSql(selection: UnitSelection, column: string): { sql: string; params: unknown[] } {
  if (selection.kind === 'all') return { sql: '1', params: [] };
  if (selection.kind === 'dirty') return { sql: `${column} IN (SELECT unit_id FROM risk_dirty)`, params: [] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(selection.ids)] };
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
  const onUnits = selectionSql(selection, 'u.id');
  const facts = new Map<string, UnitFacts>();
  const units = sqlite.prepare(`SELECT u.id, u.district_id AS districtId FROM units u WHERE u.deleted_at IS NULL AND ${onUnits.sql}`).all(...onUnits.params) as Array<{ id: string; districtId: string }>;
  for (const u of units) {
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
  const onPieces = selectionSql(selection, 'e.unit_id');
  const overdue = inspectionSql('overdue', asOf, asOf);
  const excluded = new Set(rule.heavyKinds.excludedCodes);
  const screenedOut = new Set(registry.excludedCodes);
  const counted = new Set<string>(registry.countedStatuses);
  const pieces = sqlite
    .prepare(
      `SELECT e.unit_id AS unitId, e.status, e.kind_code AS kind, e.category_code AS category, e.variety_code AS variety, count(*) AS n, ifnull(sum(${overdue.sql}), 0) AS overdue
       FROM equipment e WHERE e.deleted_at IS NULL AND ${onPieces.sql}
       GROUP BY e.unit_id, e.status, e.kind_code, e.category_code, e.variety_code`,
    )
    .all(...overdue.params, ...onPieces.params) as Array<{ unitId: string; status: string; kind: string | null; category: string | null; variety: string | null; n: number; overdue: number }>;
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

  const valid = validACertificateSql(asOf);
  const onManagers = selectionSql(selection, 'm.unit_id');
  for (const r of sqlite
    .prepare(`SELECT m.unit_id AS unitId, count(*) AS n FROM safety_managers m WHERE ${valid.sql} AND ${onManagers.sql} GROUP BY m.unit_id`)
    .all(...valid.params, ...onManagers.params) as Array<{ unitId: string; n: number }>) {
    const f = facts.get(r.unitId);
    if (f) f.validAManagers = r.n;
  }

  const onHazards = selectionSql(selection, 'h.unit_id');
  const hazardRows = sqlite
    .prepare(
      `SELECT h.unit_id AS unitId, h.level, count(*) AS open, ifnull(sum(${OVERDUE_SQL}), 0) AS overdue
       FROM hazards h WHERE h.deleted_at IS NULL AND h.state NOT IN ('closed', 'archived') AND ${onHazards.sql} GROUP BY h.unit_id, h.level`,
    )
    .all({ today: asOf }, ...onHazards.params) as Array<{ unitId: string; level: 'general' | 'major'; open: number; overdue: number }>;
  for (const h of hazardRows) {
    const f = facts.get(h.unitId);
    if (!f) continue;
    f.hazardsOpen[h.level] += h.open;
    f.hazardsOverdue[h.level] += h.overdue;
  }

  // found true when it was handled (办结), within the window ending today
  const onComplaints = selectionSql(selection, 'c.unit_id');
  for (const r of sqlite
    .prepare(
      `SELECT c.unit_id AS unitId, count(*) AS n FROM complaints c
       WHERE c.deleted_at IS NULL AND c.outcome IN ('substantiated', 'partly') AND coalesce(c.handled_on, c.received_on) > ? AND coalesce(c.handled_on, c.received_on) <= ?
         AND c.unit_id IS NOT NULL AND ${onComplaints.sql} GROUP BY c.unit_id`,
    )
    .all(monthsBefore(asOf, rule.complaints.months), asOf, ...onComplaints.params) as Array<{ unitId: string; n: number }>) {
    const f = facts.get(r.unitId);
    if (f) f.complaintsTrue = r.n;
  }

  const onFiles = selectionSql(selection, 'unit_id');
  const withFiles = (sqlite.prepare(`SELECT DISTINCT unit_id AS unitId FROM acceptance_files WHERE deleted_at IS NULL AND ${onFiles.sql}`).all(...onFiles.params) as Array<{ unitId: string }>).map((r) => r.unitId);
  for (const [unitId, state] of unitAcceptanceStates(ctx, withFiles)) {
    const f = facts.get(unitId);
    if (f) f.demoState = state;
  }
  return facts;
}
