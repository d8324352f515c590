import type { TwoLists } from '../../api/schemas/lists.ts';
import type { RegistrySettings } from '../../api/schemas/settings.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { maskIdNumber, maskPhone } from '../privacy/mask.ts';
import { countedGroupSql, validACertificateSql, type SqlPart } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { ensureRiskFresh } from '../risk/refresh.ts';
import { sql, sqlRaw, tuples } from '../data/query.ts';
import type { RiskLevel } from '../../api/schemas/risk.ts';
import { authorityName, managerListTitle, unitListTitle } from './list-titles.ts';
import { listScope, scopeCondition, type ListScope } from './list-scope.ts';

// 两项清单 (TSG 08-2017 §2.4.2.2.2): list 1 = units with screeningThreshold or more
// counted pieces (在用, gas cylinders and all below 2300 excluded, by default);
// list 2 = their safety managers holding an A certificate not expired on the list date.

// One collator for the whole sort: localeCompare(a, b, 'zh-CN') builds one per comparison,
// which made sorting 2,000 listed units take a quarter of a second. Same order.
const zh = new Intl.Collator('zh-CN');

export interface ScreenedUnit {
  unitId: string;
  uscc: string;
  name: string;
  address: string | null;
  count: number;
  /** kind code ('' when unknown) → counted pieces */
  countsByKind: Record<string, number>;
}

/**
 * The live units on list 1 as one SELECT of unit_id (for a count or an IN), read from
 * equipment_unit_counts (live pieces per unit, status and catalogue codes, kept by triggers
 * in every writer's transaction): a few tens of thousands of kept rows instead of every piece.
 */
export function listedUnitIdsSql(ctx: CoreContext, settings: RegistrySettings, scope: ListScope): SqlPart {
  const counted = countedGroupSql(settings);
  const inScope = scopeCondition(ctx, scope, 'c');
  return {
    sql: `SELECT g.unit_id FROM (SELECT c.unit_id FROM equipment_unit_counts c WHERE ${counted.sql} ${inScope.sql}
          GROUP BY c.unit_id HAVING sum(c.n) >= ?) g JOIN units u ON u.id = g.unit_id AND u.deleted_at IS NULL`,
    params: [...counted.params, ...inScope.params, settings.screeningThreshold],
  };
}

// between a kind and its count, and between pairs (control characters: never in a code); bound
// as parameters rather than char(31) and char(30), which SQLite would call again for every kept row
const KIND_COUNT = '\x1f';
const NEXT_KIND = '\x1e';

/** A listed unit as list 1 reads it (a tuple: tuples() in data/query.ts); the risk columns only when asked for. */
type ListedRow = [
  unitId: string,
  uscc: string,
  name: string,
  address: string | null,
  count: number,
  kinds: string,
  riskLevel: RiskLevel | null,
  riskScore: number | null,
];

/**
 * The listed units in list order (most counted pieces first, then by name), each with its
 * counts by kind, and those counts summed over all of them (kind → pieces, first seen first).
 * One pass over the kept rows, grouped by unit in key order; the per-kind counts travel as
 * "kind␟n" pairs (a unit's kept rows also split by status, category and variety, summed here)
 * so only the listed units come back, not a row per unit and kind. With `risk` (after
 * ensureRiskFresh) each unit's stored level and score come in the same statement.
 */
function listedUnits(ctx: CoreContext, settings: RegistrySettings, scope: ListScope, risk: boolean) {
  const counted = countedGroupSql(settings);
  const inScope = scopeCondition(ctx, scope, 'c');
  const rows = tuples(
    ctx.database.sqlite,
    sql<ListedRow>`SELECT u.id, u.uscc, u.name, u.address, g.count, g.kinds, ${risk ? sqlRaw('r.level, r.score') : sqlRaw('NULL, NULL')}
       FROM (SELECT c.unit_id, sum(c.n) AS count, group_concat(c.kind_code || ${KIND_COUNT} || c.n, ${NEXT_KIND}) AS kinds
             FROM equipment_unit_counts c WHERE ${counted} ${inScope}
             GROUP BY c.unit_id HAVING sum(c.n) >= ${settings.screeningThreshold}) g
       JOIN units u ON u.id = g.unit_id AND u.deleted_at IS NULL
       ${risk ? sqlRaw('LEFT JOIN unit_risk r ON r.unit_id = g.unit_id') : sqlRaw('')}`,
  );
  // count, name, id
  rows.sort((a, b) => b[4] - a[4] || zh.compare(a[2], b[2]) || (a[0] < b[0] ? -1 : 1));
  const totals = new Map<string, number>();
  const countsByKind = kindCounts(rows, totals);
  return { rows, countsByKind, totals };
}

/** List 1 without managers: units with threshold or more counted pieces, most first, then by name. */
export function screenedUnits(ctx: CoreContext, settings: RegistrySettings, scope: ListScope): ScreenedUnit[] {
  const { rows, countsByKind } = listedUnits(ctx, settings, scope, false);
  return rows.map(([unitId, uscc, name, address, count], i) => ({ unitId, uscc, name, address, count, countsByKind: countsByKind[i]! }));
}

/**
 * Each row's "kind␟n␞kind␟n…" summed by kind into { kind: n } (keys in the order first seen),
 * adding to `totals` on the way. Built as one JSON text and parsed once: catalogue codes
 * ('3000') are integer-like keys, and V8 makes an object assigned such keys one by one a slow
 * sparse array (tens of milliseconds for a district's list), while JSON.parse does not.
 * Read by index rather than split, and a unit's kinds summed in a small array: a few pairs each.
 */
function kindCounts(rows: readonly ListedRow[], totals: Map<string, number>): Record<string, number>[] {
  const objects: string[] = [];
  const kinds: string[] = [];
  const sums: number[] = [];
  for (const row of rows) {
    const text = row[5];
    kinds.length = 0;
    sums.length = 0;
    for (let start = 0; start < text.length; ) {
      const cut = text.indexOf(KIND_COUNT, start);
      let end = text.indexOf(NEXT_KIND, cut);
      if (end < 0) end = text.length;
      const kind = text.slice(start, cut);
      const n = Number(text.slice(cut + 1, end));
      const at = kinds.indexOf(kind);
      if (at < 0) {
        kinds.push(kind);
        sums.push(n);
      } else sums[at]! += n;
      start = end + 1;
    }
    let json = '';
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i]!;
      totals.set(kind, (totals.get(kind) ?? 0) + sums[i]!);
      json += `${i === 0 ? '' : ','}${JSON.stringify(kind)}:${sums[i]}`;
    }
    objects.push(`{${json}}`);
  }
  return JSON.parse(`[${objects.join(',')}]`) as Record<string, number>[];
}

type ManagerRow = [
  managerId: string,
  unitId: string,
  certificateNo: string | null,
  name: string,
  idNumber: string | null,
  itemCode: string,
  issuedDate: string | null,
  expiryDate: string | null,
  phone: string | null,
];

/**
 * Each listed unit's valid A-certificate managers, unit by unit in list order, by name within
 * a unit (then certificate number; ties stay in the order read). Bucketing by unit and sorting
 * each bucket gives the same order as one stable sort by (unit position, name, certificate
 * number) without a position lookup per comparison.
 */
function managersByUnit(ctx: CoreContext, unitIds: readonly string[], asOf: string): ManagerRow[][] {
  const valid = validACertificateSql(asOf);
  const rows = tuples(
    ctx.database.sqlite,
    sql<ManagerRow>`SELECT m.id, m.unit_id, m.certificate_no, m.name, m.id_number, m.item_code, m.issued_date, m.expiry_date, m.phone
       FROM safety_managers m WHERE m.unit_id IN (SELECT value FROM json_each(${JSON.stringify(unitIds)})) AND ${valid}`,
  );
  const position = new Map(unitIds.map((id, i) => [id, i]));
  const buckets: ManagerRow[][] = unitIds.map(() => []);
  for (const m of rows) buckets[position.get(m[1])!]!.push(m);
  for (const bucket of buckets) {
    // name, certificate number
    if (bucket.length > 1) bucket.sort((a, b) => zh.compare(a[3], b[3]) || (a[2] ?? '').localeCompare(b[2] ?? ''));
  }
  return buckets;
}

export function buildTwoLists(ctx: CoreContext, asOf: string): TwoLists {
  const settings = getRegistrySettings(ctx);
  const scope = listScope(ctx);
  // the scores the units are read with must be today's (riskOfUnits does the same)
  ensureRiskFresh(ctx);
  const { rows, countsByKind, totals } = listedUnits(ctx, settings, scope, true);
  const managers = managersByUnit(
    ctx,
    rows.map((u) => u[0]),
    asOf,
  );
  const catalogue = loadCatalogue();

  // Each object is built once, in its final shape and key order (the --json output's).
  return {
    asOf,
    districtName: scope.districtName,
    titles: { authority: authorityName(scope.districtName), units: unitListTitle(settings), managers: managerListTitle() },
    threshold: settings.screeningThreshold,
    units: rows.map(([unitId, uscc, name, address, count, , riskLevel, riskScore], i) => ({
      unitId,
      uscc,
      name,
      address,
      count,
      countsByKind: countsByKind[i]!,
      needsSafetyBody: count >= settings.safetyBodyThreshold,
      managerCount: managers[i]!.length,
      riskLevel,
      riskScore,
    })),
    managers: managers.flatMap((bucket, i) => {
      const [, uscc, unitName] = rows[i]!;
      return bucket.map(([managerId, , certificateNo, name, idNumber, itemCode, issuedDate, expiryDate, phone]) => ({
        managerId,
        certificateNo,
        name,
        uscc,
        unitName,
        itemCode,
        issuedDate,
        expiryDate,
        idNumberMasked: maskIdNumber(idNumber),
        phoneMasked: maskPhone(phone),
      }));
    }),
    countsByKind: [...totals]
      // catalogue order (1000 … 9000, F000), unknown last
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
      .map(([kindCode, count]) => ({ kindCode, kindName: kindCode ? (catalogue.get(kindCode)?.name ?? kindCode) : '未分类', count })),
  };
}
