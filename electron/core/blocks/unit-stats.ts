import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import type { CoreContext } from '../context.ts';
import { addDays } from '../registry/as-of.ts';
import { inspectionSql, validACertificateSql } from '../registry/status-sql.ts';
import { townOf } from './towns.ts';

/** A unit as blocks see it: where it is, what it uses, whether it has a certified manager. */
export interface UnitStats {
  unitId: string;
  name: string;
  uscc: string;
  address: string | null;
  industry: string | null;
  town: string;
  equipmentInUse: number;
  overdueCount: number;
  validManagerCount: number;
  /** the state of the unit's latest demonstration-unit acceptance file; null without one */
  demoState: AcceptanceState | null;
}

// The counts follow the registry's rules (status-sql.ts): 在用 pieces, 超期 = next
// inspection date before the as-of date, and a certified manager = a valid A
// certificate on the as-of date (list 2's rule). Each count is an index search on
// equipment_unit / safety_managers_unit per unit.
function statsSql(asOf: string, where: string): { sql: string; params: unknown[] } {
  const overdue = inspectionSql('overdue', asOf, addDays(asOf, 1));
  const valid = validACertificateSql(asOf);
  return {
    sql: `SELECT u.id AS unitId, u.name, u.uscc, u.address, u.industry,
            (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use') AS equipmentInUse,
            (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use' AND ${overdue.sql}) AS overdueCount,
            (SELECT count(*) FROM safety_managers m WHERE m.unit_id = u.id AND ${valid.sql}) AS validManagerCount
          FROM units u WHERE u.deleted_at IS NULL AND ${where}`,
    params: [...overdue.params, ...valid.params],
  };
}

type StatsRow = Omit<UnitStats, 'town' | 'demoState'>;

function complete(ctx: CoreContext, rows: StatsRow[]): UnitStats[] {
  const demo = unitAcceptanceStates(ctx, rows.map((r) => r.unitId));
  return rows.map((r) => ({ ...r, town: townOf(r.address), demoState: demo.get(r.unitId) ?? null }));
}

/** The live units among these ids (order not kept). */
export function unitStatsByIds(ctx: CoreContext, asOf: string, unitIds: readonly string[]): Map<string, UnitStats> {
  if (unitIds.length === 0) return new Map();
  const q = statsSql(asOf, 'u.id IN (SELECT value FROM json_each(?))');
  const rows = ctx.database.sqlite.prepare(q.sql).all(...q.params, JSON.stringify([...new Set(unitIds)])) as StatsRow[];
  return new Map(complete(ctx, rows).map((r) => [r.unitId, r]));
}

/** Every live unit of a district, by name. */
export function districtUnitStats(ctx: CoreContext, asOf: string, districtId: string): UnitStats[] {
  const q = statsSql(asOf, 'u.district_id = ?');
  const rows = ctx.database.sqlite.prepare(q.sql).all(...q.params, districtId) as StatsRow[];
  return complete(ctx, rows).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.unitId < b.unitId ? -1 : 1));
}

