import type { z } from 'zod';
import type { EquipmentFilter, equipmentSortColumns } from '../../api/schemas/registry.ts';
import type { CoreContext } from '../context.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { addDays, resolveAsOf } from './as-of.ts';
import { equipmentByRowidsSql, toEquipment, type StatusDates } from './equipment-rows.ts';
import { readRowsInOrder, selectRowids } from './rowids.ts';
import { searchConditionSql, searchCountSql, searchIndexMatch, trigramMatch, type IndexMatch } from './equipment-search.ts';
import { inspectionSql, type SqlPart } from './status-sql.ts';

type Filter = z.output<typeof EquipmentFilter>;

// Sort columns come from the contract's allow-list; each maps to SQL here, so no
// text from the caller reaches a statement. Unit names sort by their pinyin key.
const orderSql: Record<(typeof equipmentSortColumns)[number], string> = {
  unitName: 'u.name_sort',
  equipmentCode: 'e.equipment_code',
  registrationCode: 'e.registration_code',
  registrationNo: 'e.registration_no',
  kindCode: 'e.kind_code',
  categoryCode: 'e.category_code',
  status: 'e.status',
  nextInspectionDate: 'e.next_inspection_date',
  lastInspectionDate: 'e.last_inspection_date',
  location: 'e.location',
  updatedAt: 'e.updated_at',
};

const sortsByNextDate = (filter: Filter) => (filter.sort ?? []).some((s) => s.colId === 'nextInspectionDate');

export function statusDates(ctx: CoreContext, asOf: string | undefined): StatusDates {
  const date = resolveAsOf(ctx, asOf);
  return { asOf: date, dueLimit: addDays(date, getRegistrySettings(ctx).dueSoonDays) };
}

/**
 * The statements of one grid request, exported so tests can EXPLAIN the real SQL.
 * idsSql returns the rowids of every matching row in grid order (the export uses
 * it whole, a page adds LIMIT ? OFFSET ?); countSql the total as n, and capped: 1 when
 * `countLimit` stopped a search's count (n is then a lower bound). `index`: how the search index
 * answers the search (searchIndexMatch, which reads the index's terms for a short text); without
 * it, only a text of three characters or more uses the index.
 */
export function equipmentQuerySql(filter: Filter, dates: StatusDates, options: { walk?: boolean; countLimit?: number; index?: IndexMatch } = {}) {
  const where = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  // the same filters on equipment_unit_counts (live pieces only), for a search's count
  const kept: string[] = [];
  let joinUnits = false;
  if (filter.unitId) {
    where.push('e.unit_id = ?');
    kept.push('c.unit_id = ?');
    params.push(filter.unitId);
  }
  if (filter.districtId) {
    // a district's pieces are gathered unit by unit from equipment_unit, which covers the grid's
    // columns, and only the page is kept in order (a walk of the sort's index would pass every
    // newer district's pieces first); no join, so the count can read the kept counts
    where.push('e.unit_id IN (SELECT id FROM units WHERE district_id = ?)');
    kept.push('c.unit_id IN (SELECT id FROM units WHERE district_id = ?)');
    params.push(filter.districtId);
  }
  if (filter.status?.length) {
    const statuses = [...new Set(filter.status)];
    // a walked search page keeps to the sort's index: unary + stops a skip-scan of the unit
    // index on status, which gathers and sorts most of a city
    where.push(`${options.walk ? '+' : ''}e.status IN (${statuses.map(() => '?').join(', ')})`);
    kept.push(`c.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (filter.kindCode) {
    where.push('e.kind_code = ?');
    kept.push('c.kind_code = ?');
    params.push(filter.kindCode.toUpperCase());
  }
  // the counts know no dates: an inspection filter counts from the unit index
  const keptPart = filter.inspection ? undefined : { sql: kept.join(' AND '), params: [...params] };
  if (filter.inspection) {
    // walked: checked row by row on the sort's index (a few lookups a row of the page) instead
    // of gathering the date range (145,000 超期 pieces of a city) and sorting it for one page
    // (not when sorted by that date: then the date index is the sort's index, read as a range)
    const walkDates = options.walk && !sortsByNextDate(filter);
    const part = inspectionSql(filter.inspection, dates.asOf, dates.dueLimit, walkDates ? '+e.next_inspection_date' : 'e.next_inspection_date');
    where.push(part.sql);
    params.push(...part.params);
  }
  const baseWhere = [...where];
  const baseParams = [...params];
  const search = filter.search?.trim();
  const index = search ? (options.index ?? trigramMatch(search)) : undefined;
  if (search) {
    const part = searchConditionSql(search, options.walk ?? false, index);
    where.push(part.sql);
    params.push(...part.params);
  }

  const sort = filter.sort ?? [];
  if (sort.some((s) => s.colId === 'unitName')) joinUnits = true;
  // a unit name is followed by the unit's id, so two units of one name (one company in two
  // districts) each keep their pieces together, and the sort walks units_name_sort then
  // equipment_live_unit with no sort step
  const order = sort.flatMap((s) => {
    const dir = s.sort === 'desc' ? 'DESC' : 'ASC';
    return s.colId === 'unitName' ? [`u.name_sort ${dir}`, `u.id ${dir}`] : [`${orderSql[s.colId]} ${dir}`];
  });
  // A unique tie-breaker keeps pages stable: (updated_at, id), in the direction of the
  // last sort key, which is how the grid's indexes end, so sorting by the next
  // inspection date or the kind walks an index with no sort step.
  const direction = sort.at(-1)?.sort === 'asc' ? 'ASC' : 'DESC';
  if (sort.at(-1)?.colId !== 'updatedAt') order.push(`e.updated_at ${direction}`);
  order.push(`e.id ${direction}`);

  // Sorted by unit name first (and no search, whose matches may be few): units lead the join
  // (CROSS JOIN fixes SQLite's loop order), walked in name order with each unit's pieces from
  // the unit index. Left to the planner it does so only once ANALYZE has measured the tables,
  // and on a file without statistics it sorted every piece.
  const unitsFirst = sort[0]?.colId === 'unitName' && !search;
  const from = unitsFirst ? 'units u CROSS JOIN equipment e ON u.id = e.unit_id' : joinUnits ? 'equipment e JOIN units u ON u.id = e.unit_id' : 'equipment e';
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const baseWhereSql = `WHERE ${baseWhere.join(' AND ')}`;
  // a search's count stops at the limit (docs/ARCHITECTURE.md, "Counting a grid's matches"); a
  // date filter alone counts a range of the date index, ~30 ms for a city's 145,000 超期, and
  // stays exact, as the 需要关注 figure the user clicked to get there
  const limit = search ? options.countLimit : undefined;
  const passCount: SqlPart =
    limit === undefined
      ? { sql: `SELECT count(*) AS n, 0 AS capped FROM ${from} ${whereSql}`, params }
      : { sql: `SELECT count(*) AS n, count(*) >= ? AS capped FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ?)`, params: [limit, ...params, limit] };
  const count = search
    ? index
      ? searchCountSql(search, index, from, baseWhereSql, baseParams, keptPart, limit)
      : passCount
    : keptPart
      ? keptCountSql(keptPart)
      : passCount;
  return {
    countSql: count.sql,
    countParams: count.params,
    idsSql: `SELECT e.rowid FROM ${from} ${whereSql} ORDER BY ${order.join(', ')}`,
    params,
  };
}

/**
 * The total without a date filter or a search, from equipment_unit_counts (live pieces per
 * unit, status and codes, kept by triggers): a city's 180,000 kept rows, or one unit's few,
 * instead of a million index entries.
 */
function keptCountSql(kept: SqlPart): SqlPart {
  return { sql: `SELECT ifnull(sum(c.n), 0) AS n, 0 AS capped FROM equipment_unit_counts c WHERE c.n > 0${kept.sql ? ` AND ${kept.sql}` : ''}`, params: kept.params };
}

/**
 * One page of equipment for the grid, with the total for the scrollbar. With `totalCap` a
 * search's count stops past the cap, or past the page's end when the page lies deeper,
 * so the page holding the last row always gets the exact total: the grid learns where the
 * rows end by scrolling there.
 */
export function queryEquipment(ctx: CoreContext, input: Filter & { startRow: number; endRow: number; totalCap?: number }) {
  const dates = statusDates(ctx, input.asOf);
  const countLimit = input.totalCap === undefined ? undefined : Math.max(input.totalCap, input.endRow) + 1;
  const { sqlite } = ctx.database;
  const index = searchIndexOf(ctx, input);
  const { countSql, countParams, idsSql, params } = equipmentQuerySql(input, dates, { countLimit, index });
  const counted = sqlite.prepare<unknown[], { n: number; capped: number }>(countSql).get(...countParams);
  const n = counted?.n ?? 0;
  const totalCapped = Boolean(counted?.capped);
  // capped: n matches were seen and more may follow, so "more than n - 1" (n - 1 ≥ the cap and ≥ endRow)
  const total = totalCapped ? n - 1 : n;
  const selective = Boolean(input.search?.trim() || (input.inspection && !sortsByNextDate(input)));
  // capped: more than the limit match, so a walk reads at most endRow × pieces / limit rows
  // (10,000 for a city's first page) where gathering reads every match, which may be all of them
  const walk = selective && (totalCapped || walkForPage(ctx, total, input.endRow));
  const page = walk ? equipmentQuerySql(input, dates, { walk: true, index }) : { idsSql, params };
  const rowids = total === 0 || input.startRow >= total ? [] : selectRowids(sqlite, `${page.idsSql} LIMIT ? OFFSET ?`, [...page.params, input.endRow - input.startRow, input.startRow]);
  return { rows: readRowsInOrder(sqlite, equipmentByRowidsSql, rowids, (row) => toEquipment(row, dates)), total, totalCapped };
}

/** How the search index answers the filter's search (none: undefined). */
export function searchIndexOf(ctx: CoreContext, filter: Filter): IndexMatch | undefined {
  const search = filter.search?.trim();
  return search ? searchIndexMatch(ctx.database.sqlite, search) : undefined;
}

/**
 * Whether a search or date-filtered page should walk the sort's index, checking each row, rather than gather
 * every match and sort them. Walking reads about endRow × pieces / matches rows, gathering
 * reads the matches: with 179,000 of 200,000 pieces matching the first page walks ~110 rows;
 * with 40 matching it gathers 40. max(rowid) stands in for the number of pieces (no count).
 */
export function walkForPage(ctx: CoreContext, total: number, endRow: number): boolean {
  const pieces = ctx.database.sqlite.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM equipment').get()?.n ?? 0;
  return endRow * pieces < total * total;
}
