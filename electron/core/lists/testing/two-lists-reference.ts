// The two lists as they were computed before the one-statement read of list 1 with its risk
// scores (kept verbatim, imports aside; what did not change, ScreenedUnit, comes from
// two-lists.ts): the slow path two-lists-reference.test.ts holds the fast one to. Not used by
// the program.

import type { TwoLists } from '../../../api/schemas/lists.ts';
import type { RegistrySettings } from '../../../api/schemas/settings.ts';
import { loadCatalogue } from '../../catalogue/catalogue.ts';
import type { CoreContext } from '../../context.ts';
import { maskIdNumber, maskPhone } from '../../privacy/mask.ts';
import { countedGroupSql, validACertificateSql } from '../../registry/status-sql.ts';
import { getRegistrySettings } from '../../settings/settings-service.ts';
import { riskOfUnits } from '../../risk/risk-read.ts';
import { authorityName, managerListTitle, unitListTitle } from '../list-titles.ts';
import { listScope, scopeCondition, type ListScope } from '../list-scope.ts';
import type { ScreenedUnit } from '../two-lists.ts';

// One collator for the whole sort, as two-lists.ts has.
const zh = new Intl.Collator('zh-CN');

/** List 1 without managers: units with threshold or more counted pieces, most first, then by name. */
export function screenedUnits(ctx: CoreContext, settings: RegistrySettings, scope: ListScope): ScreenedUnit[] {
  const counted = countedGroupSql(settings);
  const inScope = scopeCondition(ctx, scope, 'c');
  // One pass over the kept rows, grouped by unit in key order; the per-kind counts travel as
  // "kind␟n" pairs (a unit's kept rows also split by status, category and variety, summed here)
  // so only the listed units come back, not a row per unit and kind.
  const rows = ctx.database.sqlite
    .prepare<unknown[], Omit<ScreenedUnit, 'countsByKind'> & { kinds: string }>(
      `SELECT u.id AS unitId, u.uscc, u.name, u.address, g.count, g.kinds
       FROM (SELECT c.unit_id, sum(c.n) AS count, group_concat(c.kind_code || char(31) || c.n, char(30)) AS kinds
             FROM equipment_unit_counts c WHERE ${counted.sql} ${inScope.sql}
             GROUP BY c.unit_id HAVING sum(c.n) >= ?) g
       JOIN units u ON u.id = g.unit_id AND u.deleted_at IS NULL`,
    )
    .all(...counted.params, ...inScope.params, settings.screeningThreshold);
  return rows
    .map(({ kinds, ...u }) => ({ ...u, countsByKind: kindCounts(kinds) }))
    .sort((a, b) => b.count - a.count || zh.compare(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
}

/**
 * "kind␟n␞kind␟n…" summed by kind into { kind: n }. Built as JSON text and parsed: catalogue
 * codes ('3000') are integer-like keys, and V8 makes an object assigned such keys one by one
 * a slow sparse array (tens of milliseconds for a district's list), while JSON.parse does not.
 */
function kindCounts(kinds: string): Record<string, number> {
  const sums: [string, number][] = [];
  for (const pair of kinds.split('\x1e')) {
    const cut = pair.indexOf('\x1f');
    const kind = pair.slice(0, cut);
    const n = Number(pair.slice(cut + 1));
    const found = sums.find((s) => s[0] === kind);
    if (found) found[1] += n;
    else sums.push([kind, n]);
  }
  return JSON.parse(`{${sums.map(([kind, n]) => `${JSON.stringify(kind)}:${n}`).join(',')}}`) as Record<string, number>;
}

const managerSql = (valid: string) => `
SELECT m.id AS managerId, m.unit_id AS unitId, m.certificate_no AS certificateNo, m.name, u.uscc, u.name AS unitName,
       m.id_number AS idNumber, m.item_code AS itemCode, m.issued_date AS issuedDate, m.expiry_date AS expiryDate, m.phone
FROM safety_managers m JOIN units u ON u.id = m.unit_id
WHERE m.unit_id IN (SELECT value FROM json_each(?)) AND ${valid}`;

type ManagerRow = { managerId: string; unitId: string; idNumber: string | null; phone: string | null; itemCode: string } & Record<string, unknown>;

export function buildTwoLists(ctx: CoreContext, asOf: string): TwoLists {
  const settings = getRegistrySettings(ctx);
  const scope = listScope(ctx);
  const units = screenedUnits(ctx, settings, scope);
  const unitIds = JSON.stringify(units.map((u) => u.unitId));
  const { sqlite } = ctx.database;

  const valid = validACertificateSql(asOf);
  const order = new Map(units.map((u, i) => [u.unitId, i]));
  const managerRows = sqlite.prepare<unknown[], ManagerRow>(managerSql(valid.sql)).all(unitIds, ...valid.params).sort(
    (a, b) =>
      order.get(a.unitId)! - order.get(b.unitId)! ||
      zh.compare(String(a['name']), String(b['name'])) ||
      String(a['certificateNo'] ?? '').localeCompare(String(b['certificateNo'] ?? '')),
  );

  const managerCount = new Map<string, number>();
  for (const m of managerRows) managerCount.set(m.unitId, (managerCount.get(m.unitId) ?? 0) + 1);
  const totals = new Map<string, number>();
  for (const u of units) for (const [kind, n] of Object.entries(u.countsByKind)) totals.set(kind, (totals.get(kind) ?? 0) + n);
  const catalogue = loadCatalogue();
  const risk = riskOfUnits(ctx, units.map((u) => u.unitId));

  return {
    asOf,
    districtName: scope.districtName,
    titles: { authority: authorityName(scope.districtName), units: unitListTitle(settings), managers: managerListTitle() },
    threshold: settings.screeningThreshold,
    units: units.map((u) => ({
      ...u,
      needsSafetyBody: u.count >= settings.safetyBodyThreshold,
      managerCount: managerCount.get(u.unitId) ?? 0,
      riskLevel: risk.get(u.unitId)?.level ?? null,
      riskScore: risk.get(u.unitId)?.score ?? null,
    })),
    managers: managerRows.map(({ unitId: _unitId, idNumber, phone, ...m }) => ({
      ...(m as Omit<TwoLists['managers'][number], 'idNumberMasked' | 'phoneMasked'>),
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
    })),
    countsByKind: [...totals]
      // catalogue order (1000 … 9000, F000), unknown last
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
      .map(([kindCode, count]) => ({ kindCode, kindName: kindCode ? (catalogue.get(kindCode)?.name ?? kindCode) : '未分类', count })),
  };
}
