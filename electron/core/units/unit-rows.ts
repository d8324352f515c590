import type { RegistrySettings } from '../../api/schemas/settings.ts';
import type { Unit } from '../../api/schemas/unit.ts';
import type { CoreContext } from '../context.ts';
import { addDays, localDate } from '../registry/as-of.ts';
import { countedPieceSql, inspectionSql } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { ensureRiskFresh } from '../risk/refresh.ts';

// One SELECT shared by the grid query and single-row reads, so a row looks the
// same wherever it is shown. The counts are subqueries per row: the grid pages,
// so they run for the rows of one page (each an index search on equipment_unit).
// Their placeholders come before any of the WHERE clause: bind unitSelectParams first.
const counted = (settings: RegistrySettings) => countedPieceSql(settings);
const inUse = `e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use'`;

export function unitSelectSql(settings: RegistrySettings): string {
  const overdue = inspectionSql('overdue', '', '').sql;
  const due = inspectionSql('due', '', '').sql;
  return `
SELECT u.id, u.origin_node AS originNode, u.created_at AS createdAt, u.updated_at AS updatedAt,
       u.version, u.deleted_at AS deletedAt, u.district_id AS districtId, d.name AS districtName,
       u.name, u.uscc, u.uscc_legacy AS usccLegacy, u.address, u.industry,
       u.contact_person AS contactPerson, u.contact_phone AS contactPhone, u.notes,
       (SELECT count(*) FROM equipment e WHERE ${inUse}) AS equipmentInUse,
       (SELECT count(*) FROM safety_managers m WHERE m.unit_id = u.id AND m.deleted_at IS NULL) AS managerCount,
       (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND ${counted(settings).sql}) AS screenedCount,
       (SELECT count(*) FROM equipment e WHERE ${inUse} AND ${overdue}) AS overdueCount,
       (SELECT count(*) FROM equipment e WHERE ${inUse} AND ${due}) AS dueSoonCount,
       r.level AS riskLevel, r.score AS riskScore, r.rule_version AS riskRuleVersion
${UNIT_FROM}`;
}

/** The grid's joins: every unit, its score if it has one (a unit is scored on the first read after it is written). */
export const UNIT_FROM = 'FROM units u JOIN districts d ON d.id = u.district_id LEFT JOIN unit_risk r ON r.unit_id = u.id';
/**
 * The same rows walked in score order: CROSS JOIN keeps unit_risk the outer loop, so its
 * score index gives the order (SQLite would otherwise start from units and sort). Only
 * for reads sorted by risk, after ensureRiskFresh has scored every live unit.
 */
export const UNIT_FROM_BY_RISK = 'FROM unit_risk r CROSS JOIN units u ON u.id = r.unit_id JOIN districts d ON d.id = u.district_id';

export interface UnitReadContext {
  settings: RegistrySettings;
  /** the as-of date of the inspection counts: today, China time */
  asOf: string;
  selectSql: string;
  /** the values of unitSelectSql's placeholders, in order */
  selectParams: unknown[];
}

/** The settings and date a unit row is read with (the pure part, for EXPLAIN tests without a core). */
export function unitReadWith(settings: RegistrySettings, asOf: string): UnitReadContext {
  const dueLimit = addDays(asOf, settings.dueSoonDays);
  return {
    settings,
    asOf,
    selectSql: unitSelectSql(settings),
    selectParams: [
      ...counted(settings).params,
      ...inspectionSql('overdue', asOf, dueLimit).params,
      ...inspectionSql('due', asOf, dueLimit).params,
    ],
  };
}

export function unitReadContext(ctx: CoreContext): UnitReadContext {
  // every read of unit rows shows the risk level: rescore what changed first
  ensureRiskFresh(ctx);
  return unitReadWith(getRegistrySettings(ctx), localDate(ctx.now()));
}

export function toUnit(row: Record<string, unknown>, settings: RegistrySettings): Unit {
  const screened = row['screenedCount'] as number;
  return {
    ...(row as unknown as Unit),
    usccLegacy: row['usccLegacy'] === 1,
    needsCertifiedManager: screened >= settings.screeningThreshold,
    needsSafetyBody: screened >= settings.safetyBodyThreshold,
  };
}
