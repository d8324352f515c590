import type { ParsedInput } from '../../api/contract.ts';
import type { unitSortColumns } from '../../api/schemas/unit.ts';
import type { CoreContext } from '../context.ts';
import { likePattern } from '../registry/status-sql.ts';
import { RegistrySettings } from '../../api/schemas/settings.ts';
import { toUnit, UNIT_FROM, UNIT_FROM_BY_RISK, unitReadContext, unitReadWith, type UnitReadContext } from './unit-rows.ts';

// Sort columns come from an allow-list in the contract; this maps each to SQL so
// no text from the caller is ever spliced into a statement.
const orderSql: Record<(typeof unitSortColumns)[number], string> = {
  name: 'u.name',
  uscc: 'u.uscc',
  districtName: 'd.name',
  address: 'u.address',
  equipmentInUse: 'equipmentInUse',
  updatedAt: 'u.updated_at',
  createdAt: 'u.created_at',
  // levels are bands of the score: ordering by score orders by level
  riskLevel: 'r.score',
  riskScore: 'r.score',
};

// For EXPLAIN without a core: the plan does not depend on the values bound.
const planRead = unitReadWith(RegistrySettings.parse({}), '2026-01-01');

// paging is optional: the export reads every filtered row
type UnitFilter = Pick<ParsedInput<'units.query'>, 'districtId' | 'search' | 'sort' | 'riskLevels'> & { startRow?: number; endRow?: number };

/**
 * The SQL of one grid page and of its total; exported so tests can EXPLAIN the real
 * statements. `params` binds pageSql before its LIMIT and OFFSET (the count
 * subqueries' values, then the filter's); `countParams` binds countSql.
 */
export function unitQuerySql(input: UnitFilter, read: Pick<UnitReadContext, 'selectSql' | 'selectParams'> = planRead) {
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
  const byRisk = (input.sort ?? []).some((s) => s.colId === 'riskLevel' || s.colId === 'riskScore');
  if (input.riskLevels) {
    where.push('r.level IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(input.riskLevels));
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order = (input.sort ?? []).map((s) => `${orderSql[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  // a risk sort breaks ties by the unit id, the index's own tie-breaker
  const last = input.sort?.at(-1);
  if (last && orderSql[last.colId] === 'r.score') order.push(`r.unit_id ${last.sort === 'desc' ? 'DESC' : 'ASC'}`);
  else order.push('u.updated_at DESC', 'u.id DESC');
  const riskJoin = input.riskLevels ? 'JOIN unit_risk r ON r.unit_id = u.id' : '';
  return {
    countSql: `SELECT count(*) AS n FROM units u ${riskJoin} ${whereSql}`,
    countParams: params,
    pageSql: `${byRisk ? read.selectSql.replace(UNIT_FROM, UNIT_FROM_BY_RISK) : read.selectSql} ${whereSql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    params: [...read.selectParams, ...params],
  };
}


/** One page of live units for the grid, with the total for the scrollbar. */
export function queryUnits(ctx: CoreContext, input: ParsedInput<'units.query'>) {
  const read = unitReadContext(ctx);
  const { countSql, countParams, pageSql, params } = unitQuerySql(input, read);
  const { sqlite } = ctx.database;
  const total = (sqlite.prepare(countSql).get(...countParams) as { n: number }).n;
  const rows = sqlite.prepare(pageSql).all(...params, input.endRow - input.startRow, input.startRow) as Record<string, unknown>[];
  return { rows: rows.map((row) => toUnit(row, read.settings)), total };
}
