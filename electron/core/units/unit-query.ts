import type { ParsedInput } from '../../api/contract.ts';
import type { unitSortColumns } from '../../api/schemas/unit.ts';
import type { CoreContext } from '../context.ts';
import { readRowsInOrder, selectRowids } from '../registry/rowids.ts';
import { addDays } from '../registry/as-of.ts';
import { inspectionSql, likePattern, type SqlPart } from '../registry/status-sql.ts';
import { RegistrySettings } from '../../api/schemas/settings.ts';
import { get, sql, sqlRaw } from '../data/query.ts';
import { toUnit, unitCountSql, unitReadContext, unitReadWith, type UnitCount, type UnitReadContext } from './unit-rows.ts';

type SortColumn = (typeof unitSortColumns)[number];

// Sort columns come from an allow-list in the contract; this maps each to SQL so
// no text from the caller is ever spliced into a statement. Names sort by their
// pinyin key (name_sort, indexed), not by code point.
const columnSql: Record<Exclude<SortColumn, UnitCount>, string> = {
  name: 'u.name_sort',
  uscc: 'u.uscc',
  districtName: 'd.name',
  address: 'u.address',
  updatedAt: 'u.updated_at',
  createdAt: 'u.created_at',
  // levels are bands of the score: ordering by score orders by level
  riskLevel: 'r.score',
  riskScore: 'r.score',
};

/** A sort column as SQL: a column, or the count the row shows (with its parameters, and a join it needs). */
function orderPart(colId: SortColumn, read: Pick<UnitReadContext, 'settings' | 'asOf'>): SqlPart & { join?: SqlPart } {
  if (colId in columnSql) return { sql: columnSql[colId as keyof typeof columnSql], params: [] };
  if (colId === 'overdueCount' || colId === 'dueSoonCount') {
    // 超期 / 临期 pieces are a date range of equipment_live_next (which ends in unit_id):
    // counted per unit from that range in one pass (measured 20–30 ms at 200,000 pieces)
    // rather than by a search per unit over all its pieces (60–90 ms). INDEXED BY: with
    // statistics the planner prefers a skip-scan of equipment_unit, several times slower.
    const alias = colId === 'overdueCount' ? 'sort_overdue' : 'sort_due';
    const range = inspectionSql(colId === 'overdueCount' ? 'overdue' : 'due', read.asOf, addDays(read.asOf, read.settings.dueSoonDays));
    return {
      sql: `coalesce(${alias}.n, 0)`,
      params: [],
      join: {
        sql: `LEFT JOIN (SELECT e.unit_id, count(*) AS n FROM equipment e INDEXED BY equipment_live_next
          WHERE e.deleted_at IS NULL AND e.status = 'in_use' AND ${range.sql} GROUP BY e.unit_id) ${alias} ON ${alias}.unit_id = u.id`,
        params: range.params,
      },
    };
  }
  return unitCountSql(colId as UnitCount, read.settings, read.asOf);
}

// For EXPLAIN without a core: the plan does not depend on the values bound.
const planRead = unitReadWith(RegistrySettings.parse({}), '2026-01-01');

// paging is optional: the export reads every filtered row
type UnitFilter = Pick<ParsedInput<'units.query'>, 'districtId' | 'search' | 'sort' | 'riskLevels'> & { startRow?: number; endRow?: number };

/**
 * The statements of one grid request, exported so tests can EXPLAIN them: idsSql gives
 * the rowids of the matching units in grid order (a page adds LIMIT ? OFFSET ?), with
 * `params` (the filter's, then the sort's); countSql the total with `countParams`.
 * A sort by a count computes only that count per unit; the page's rows, all counts
 * included, are read afterwards for its hundred rowids (unitsByRowidsSql).
 */
export function unitQuerySql(input: UnitFilter, read: Pick<UnitReadContext, 'settings' | 'asOf'> = planRead) {
  const where = ['u.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (input.districtId) {
    where.push('u.district_id = ?');
    params.push(input.districtId);
  }
  const search = input.search?.trim();
  if (search) {
    where.push(
      `(u.name LIKE ? ESCAPE '\\' OR u.name_initials LIKE ? ESCAPE '\\' OR u.uscc LIKE ? ESCAPE '\\' OR u.address LIKE ? ESCAPE '\\' OR u.contact_person LIKE ? ESCAPE '\\')`,
    );
    const pattern = likePattern(search);
    // credit codes are stored upper case and initials lower case; people type either
    params.push(pattern, likePattern(search.toLowerCase()), likePattern(search.toUpperCase()), pattern, pattern);
  }
  if (input.riskLevels) {
    where.push('r.level IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(input.riskLevels));
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const sort = input.sort ?? [];
  const order = sort.map((s) => ({ ...orderPart(s.colId, read), direction: s.sort === 'desc' ? 'DESC' : 'ASC' }));
  const joins = order.flatMap((o) => (o.join ? [o.join] : []));
  if (sort.some((s) => s.colId === 'districtName')) joins.unshift({ sql: 'JOIN districts d ON d.id = u.district_id', params: [] });
  // a risk sort walks unit_risk's score index (CROSS JOIN keeps it the outer loop, so
  // SQLite does not start from units and sort) and breaks ties by the unit id, that
  // index's own tie-breaker; every live unit has a score once ensureRiskFresh ran
  const last = sort.at(-1);
  const byRisk = sort.some((s) => s.colId === 'riskLevel' || s.colId === 'riskScore');
  const tieBreak = last && (last.colId === 'riskLevel' || last.colId === 'riskScore') ? [`r.unit_id ${last.sort === 'desc' ? 'DESC' : 'ASC'}`] : ['u.updated_at DESC', 'u.id DESC'];
  const orderSql = [...order.map((o) => `${o.sql} ${o.direction}`), ...tieBreak].join(', ');
  const riskJoin = input.riskLevels ? 'JOIN unit_risk r ON r.unit_id = u.id' : '';
  const from = byRisk ? 'FROM unit_risk r CROSS JOIN units u ON u.id = r.unit_id' : `FROM units u ${riskJoin}`;
  return {
    countSql: `SELECT count(*) AS n FROM units u ${riskJoin} ${whereSql}`,
    countParams: params,
    idsSql: `SELECT u.rowid ${from} ${joins.map((j) => j.sql).join(' ')} ${whereSql} ORDER BY ${orderSql}`,
    // in the order of the placeholders: the joins', the filter's, the sort's
    params: [...joins.flatMap((j) => j.params), ...params, ...order.flatMap((o) => o.params)],
  };
}

/** The full rows, counts included, of the given rowids (bind JSON of the rowids after selectParams). */
export function unitsByRowidsSql(read: Pick<UnitReadContext, 'selectSql'>): string {
  return `${read.selectSql} WHERE u.rowid IN (SELECT value FROM json_each(?))`;
}

/** One page of live units for the grid, with the total for the scrollbar. */
export function queryUnits(ctx: CoreContext, input: ParsedInput<'units.query'>) {
  const read = unitReadContext(ctx);
  const { countSql, countParams, idsSql, params } = unitQuerySql(input, read);
  const { sqlite } = ctx.database;
  const total = get(sqlite, sql<{ n: number }>`${sqlRaw(countSql, countParams)}`)?.n ?? 0;
  const rowids = selectRowids(sqlite, `${idsSql} LIMIT ? OFFSET ?`, [...params, input.endRow - input.startRow, input.startRow]);
  return { rows: readUnits(ctx, read, rowids), total };
}

/** Units by rowid, in that order, as the grid shows them. */
export function readUnits(ctx: CoreContext, read: UnitReadContext, rowids: readonly number[]) {
  return readRowsInOrder(ctx.database.sqlite, unitsByRowidsSql(read), rowids, (row) => toUnit(row, read.settings), read.selectParams);
}
