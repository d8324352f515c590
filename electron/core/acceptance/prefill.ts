import type { OperatorRules, PrefillKey, PrefillOutcome } from '../../api/schemas/acceptance.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
import { A_ITEM_CODES } from '../registry/status-sql.ts';
import { loadOperatorRules } from './operator-rules.ts';
import { inspectionOutcome, isAccessory, listed } from './prefill-inspection.ts';
import { operatorsOutcome } from './prefill-operators.ts';
import type { UnitFacts } from './prefill-facts.ts';

// Items the registry can decide (使用登记, 定期检验, 持证安全管理员, 作业人员证件): pure
// rules over the unit's facts, so they are tested without a database, and one query
// for the facts. The outcome is the system's finding that an office's result is held against.

/** The outcome of one prefill rule for a unit on the as-of date. */
export function prefillOutcome(key: PrefillKey, facts: UnitFacts, counted: readonly string[], asOf: string, rules: OperatorRules = loadOperatorRules()): PrefillOutcome {
  const inUse = facts.equipment.filter((e) => counted.includes(e.status));
  switch (key) {
    case 'ledger':
      return inUse.length > 0
        ? { key, outcome: 'pass', summary: `台账中有在用设备 ${inUse.length} 台`, details: [] }
        : { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备，请先导入台账', details: [] };
    case 'registration': {
      if (inUse.length === 0) return { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备', details: [] };
      // safety accessories are not registered for use on their own
      const missing = inUse.filter((e) => !isAccessory(e) && !e.registrationNo?.trim()).map((e) => e.label);
      return missing.length === 0
        ? { key, outcome: 'pass', summary: `在用设备 ${inUse.filter((e) => !isAccessory(e)).length} 台均有使用登记证编号`, details: [] }
        : { key, outcome: 'fail', summary: `在用设备中有 ${missing.length} 台没有使用登记证编号`, details: listed(missing) };
    }
    case 'inspection':
      return inspectionOutcome(inUse, asOf);
    case 'operators':
      return operatorsOutcome(inUse, facts.managers, rules, asOf);
    case 'managers': {
      const a = facts.managers.filter((m) => m.itemCode && (A_ITEM_CODES as readonly string[]).includes(m.itemCode.toUpperCase()));
      const valid = a.filter((m) => m.expiryDate && m.expiryDate >= asOf);
      const expired = a.filter((m) => !(m.expiryDate && m.expiryDate >= asOf)).map((m) => `${m.name}（证书有效期至 ${m.expiryDate ?? '未填'}）`);
      if (valid.length > 0) {
        return { key, outcome: 'pass', summary: `持证安全管理员 ${valid.length} 名，证书在有效期内`, details: [...valid.map((m) => `${m.name}（至 ${m.expiryDate}）`), ...expired] };
      }
      return a.length > 0
        ? { key, outcome: 'fail', summary: '持证安全管理员的证书均已过期', details: listed(expired) }
        : { key, outcome: 'fail', summary: '台账中没有该单位持 A 证的安全管理员', details: [] };
    }
  }
}

/** The unit's equipment and certificate holders as the registry holds them. */
export function unitFacts(ctx: CoreContext, unitId: string): UnitFacts {
  const { sqlite } = ctx.database;
  const equipment = all(
    sqlite,
    sql<UnitFacts['equipment'][number]>`SELECT coalesce(equipment_code, registration_code, registration_no, internal_no, id) AS label, status, registration_no AS registrationNo,
              next_inspection_date AS nextInspectionDate, kind_code AS kindCode, category_code AS categoryCode, variety_code AS varietyCode, extra
       FROM equipment WHERE unit_id = ${unitId} AND deleted_at IS NULL ORDER BY label`,
  );
  const managers = all(
    sqlite,
    sql<UnitFacts['managers'][number]>`SELECT name, item_code AS itemCode, expiry_date AS expiryDate FROM safety_managers WHERE unit_id = ${unitId} AND deleted_at IS NULL ORDER BY name_sort`,
  );
  return { equipment, managers };
}

export const PREFILL_KEYS: readonly PrefillKey[] = ['ledger', 'registration', 'inspection', 'managers', 'operators'];

export function prefillAll(facts: UnitFacts, settings: RegistrySettings, asOf: string): Record<PrefillKey, PrefillOutcome> {
  return Object.fromEntries(PREFILL_KEYS.map((k) => [k, prefillOutcome(k, facts, settings.countedStatuses, asOf)])) as Record<PrefillKey, PrefillOutcome>;
}
