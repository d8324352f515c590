import type { PrefillKey, PrefillOutcome } from '../../api/schemas/acceptance.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import type { CoreContext } from '../context.ts';
import { A_ITEM_CODES } from '../registry/status-sql.ts';

// Items the registry can decide (使用登记, 定期检验, 持证安全管理员): pure rules over the
// unit's facts, so they are tested without a database, and one query for the facts.

export interface UnitFacts {
  equipment: Array<{ label: string; status: string; registrationNo: string | null; nextInspectionDate: string | null }>;
  managers: Array<{ name: string; itemCode: string | null; expiryDate: string | null }>;
}

const MAX_DETAILS = 10;

function listed(items: string[]): string[] {
  return items.length > MAX_DETAILS ? [...items.slice(0, MAX_DETAILS), `…… 等共 ${items.length} 项`] : items;
}

/** The outcome of one prefill rule for a unit on the as-of date. */
export function prefillOutcome(key: PrefillKey, facts: UnitFacts, counted: readonly string[], asOf: string): PrefillOutcome {
  const inUse = facts.equipment.filter((e) => counted.includes(e.status));
  switch (key) {
    case 'ledger':
      return inUse.length > 0
        ? { key, outcome: 'pass', summary: `台账中有在用设备 ${inUse.length} 台`, details: [] }
        : { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备，请先导入台账', details: [] };
    case 'registration': {
      if (inUse.length === 0) return { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备', details: [] };
      const missing = inUse.filter((e) => !e.registrationNo?.trim()).map((e) => e.label);
      return missing.length === 0
        ? { key, outcome: 'pass', summary: `在用设备 ${inUse.length} 台均有使用登记证编号`, details: [] }
        : { key, outcome: 'fail', summary: `在用设备中有 ${missing.length} 台没有使用登记证编号`, details: listed(missing) };
    }
    case 'inspection': {
      if (inUse.length === 0) return { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备', details: [] };
      const overdue = inUse.filter((e) => e.nextInspectionDate && e.nextInspectionDate < asOf).map((e) => `${e.label}（下次检验日期 ${e.nextInspectionDate}）`);
      const unknown = inUse.filter((e) => !e.nextInspectionDate).map((e) => e.label);
      if (overdue.length > 0) return { key, outcome: 'fail', summary: `有 ${overdue.length} 台在用设备超期未检`, details: listed(overdue) };
      if (unknown.length > 0) return { key, outcome: 'unknown', summary: `无超期设备，但有 ${unknown.length} 台没有下次检验日期`, details: listed(unknown) };
      return { key, outcome: 'pass', summary: `在用设备 ${inUse.length} 台均在检验有效期内`, details: [] };
    }
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

/** The unit's equipment and safety managers as the registry holds them. */
export function unitFacts(ctx: CoreContext, unitId: string): UnitFacts {
  const { sqlite } = ctx.database;
  const equipment = sqlite
    .prepare(
      `SELECT coalesce(equipment_code, registration_code, registration_no, internal_no, id) AS label, status, registration_no AS registrationNo,
              next_inspection_date AS nextInspectionDate
       FROM equipment WHERE unit_id = ? AND deleted_at IS NULL ORDER BY label`,
    )
    .all(unitId) as UnitFacts['equipment'];
  const managers = sqlite
    .prepare('SELECT name, item_code AS itemCode, expiry_date AS expiryDate FROM safety_managers WHERE unit_id = ? AND deleted_at IS NULL ORDER BY name_sort')
    .all(unitId) as UnitFacts['managers'];
  return { equipment, managers };
}

export function prefillAll(facts: UnitFacts, settings: RegistrySettings, asOf: string): Record<PrefillKey, PrefillOutcome> {
  const keys: PrefillKey[] = ['ledger', 'registration', 'inspection', 'managers'];
  return Object.fromEntries(keys.map((k) => [k, prefillOutcome(k, facts, settings.countedStatuses, asOf)])) as Record<PrefillKey, PrefillOutcome>;
}
