import type { RegistrySettings } from '../../api/schemas/settings.ts';
import type { Unit } from '../../api/schemas/unit.ts';
import type { CoreContext } from '../context.ts';
import { addDays, localDate } from '../registry/as-of.ts';
import { countedPieceSql, inspectionSql, type SqlPart } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { ensureRiskFresh } from '../risk/refresh.ts';

// One SELECT shared by the grid query and single-row reads, so a row looks the
// same wherever it is shown. The counts are subqueries per row: the grid pages,
// so they run for the rows of one page (each an index search on equipment_unit).
// Their placeholders come before any of the WHERE clause: bind selectParams first.
const inUse = `e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use'`;

export type UnitCount = 'equipmentInUse' | 'managerCount' | 'screenedCount' | 'overdueCount' | 'dueSoonCount';
const counts: readonly UnitCount[] = ['equipmentInUse', 'managerCount', 'screenedCount', 'overdueCount', 'dueSoonCount'];

/** One count of a unit row as a subquery on `u`: shown in the row, and what the grid sorts by. */
export function unitCountSql(count: UnitCount, settings: RegistrySettings, asOf: string): SqlPart {
  const dueLimit = addDays(asOf, settings.dueSoonDays);
  const over = (part: SqlPart, table = 'equipment e', on = inUse): SqlPart => ({ sql: `(SELECT count(*) FROM ${table} WHERE ${on} AND ${part.sql})`, params: part.params });
  switch (count) {
    case 'equipmentInUse':
      return { sql: `(SELECT count(*) FROM equipment e WHERE ${inUse})`, params: [] };
    case 'managerCount':
      return { sql: '(SELECT count(*) FROM safety_managers m WHERE m.unit_id = u.id AND m.deleted_at IS NULL)', params: [] };
    case 'screenedCount':
      return over(countedPieceSql(settings), 'equipment e', 'e.unit_id = u.id');
    case 'overdueCount':
      return over(inspectionSql('overdue', asOf, dueLimit));
    case 'dueSoonCount':
      return over(inspectionSql('due', asOf, dueLimit));
  }
}

export interface UnitReadContext {
  settings: RegistrySettings;
  /** the as-of date of the inspection counts: today, China time */
  asOf: string;
  selectSql: string;
  /** the values of selectSql's placeholders, in order */
  selectParams: unknown[];
}

/** The settings and date a unit row is read with (the pure part, for EXPLAIN tests without a core). */
export function unitReadWith(settings: RegistrySettings, asOf: string): UnitReadContext {
  const parts = counts.map((c) => ({ name: c, ...unitCountSql(c, settings, asOf) }));
  return {
    settings,
    asOf,
    selectSql: `
SELECT u.rowid AS rid, u.id, u.origin_node AS originNode, u.created_at AS createdAt, u.updated_at AS updatedAt,
       u.version, u.deleted_at AS deletedAt, u.district_id AS districtId, d.name AS districtName,
       u.name, u.uscc, u.uscc_legacy AS usccLegacy, u.address, u.industry,
       u.contact_person AS contactPerson, u.contact_phone AS contactPhone, u.notes,
       ${parts.map((p) => `${p.sql} AS ${p.name}`).join(',\n       ')},
       r.level AS riskLevel, r.score AS riskScore, r.rule_version AS riskRuleVersion
FROM units u JOIN districts d ON d.id = u.district_id LEFT JOIN unit_risk r ON r.unit_id = u.id`,
    selectParams: parts.flatMap((p) => p.params),
  };
}

export function unitReadContext(ctx: CoreContext): UnitReadContext {
  // every read of unit rows shows the risk level: rescore what changed first
  ensureRiskFresh(ctx);
  return unitReadWith(getRegistrySettings(ctx), localDate(ctx.now()));
}

export function toUnit(row: Record<string, unknown>, settings: RegistrySettings): Unit {
  const { rid: _rid, ...fields } = row;
  const screened = fields['screenedCount'] as number;
  return {
    ...(fields as unknown as Unit),
    usccLegacy: fields['usccLegacy'] === 1,
    needsCertifiedManager: screened >= settings.screeningThreshold,
    needsSafetyBody: screened >= settings.safetyBodyThreshold,
  };
}
