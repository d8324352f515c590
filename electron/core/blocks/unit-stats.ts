import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import { unitAcceptanceStates } from '../acceptance/accepted-units.ts';
import type { CoreContext } from '../context.ts';
import { equipment as e, safetyManagers as sm, units as u } from '../../../db/schema/index.ts';
import { all, sql, sqlFragment, type Query, type SqlFragment } from '../data/query.ts';
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
type StatsRow = Omit<UnitStats, 'town' | 'demoState'>;

function statsQuery(asOf: string, where: SqlFragment): Query<StatsRow> {
  const overdue = inspectionSql('overdue', asOf, addDays(asOf, 1));
  const valid = validACertificateSql(asOf);
  return sql<StatsRow>`SELECT u.${u.id} AS unitId, u.${u.name}, u.${u.uscc}, u.${u.address}, u.${u.industry},
            (SELECT count(*) FROM ${e} e WHERE e.${e.unitId} = u.${u.id} AND e.${e.deletedAt} IS NULL AND e.${e.status} = 'in_use') AS equipmentInUse,
            (SELECT count(*) FROM ${e} e WHERE e.${e.unitId} = u.${u.id} AND e.${e.deletedAt} IS NULL AND e.${e.status} = 'in_use' AND ${overdue}) AS overdueCount,
            (SELECT count(*) FROM ${sm} m WHERE m.${sm.unitId} = u.${u.id} AND ${valid}) AS validManagerCount
          FROM ${u} u WHERE u.${u.deletedAt} IS NULL AND ${where}`;
}

function complete(ctx: CoreContext, rows: StatsRow[]): UnitStats[] {
  const demo = unitAcceptanceStates(ctx, rows.map((r) => r.unitId));
  return rows.map((r) => ({ ...r, town: townOf(r.address), demoState: demo.get(r.unitId) ?? null }));
}

/** The live units among these ids (order not kept). */
export function unitStatsByIds(ctx: CoreContext, asOf: string, unitIds: readonly string[]): Map<string, UnitStats> {
  if (unitIds.length === 0) return new Map();
  const rows = all(ctx.database.sqlite, statsQuery(asOf, sqlFragment`u.${u.id} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(unitIds)])}))`));
  return new Map(complete(ctx, rows).map((r) => [r.unitId, r]));
}

/** Every live unit of a district, by name. */
export function districtUnitStats(ctx: CoreContext, asOf: string, districtId: string): UnitStats[] {
  const rows = all(ctx.database.sqlite, statsQuery(asOf, sqlFragment`u.${u.districtId} = ${districtId}`));
  return complete(ctx, rows).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.unitId < b.unitId ? -1 : 1));
}

