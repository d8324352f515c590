import type { ParsedInput } from '../../api/contract.ts';
import type { unitSortColumns } from '../../api/schemas/unit.ts';
import type { CoreContext } from '../context.ts';
import { unitSelect, toUnit } from './unit-rows.ts';

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
};

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The SQL of one grid page and of its total; exported so tests can EXPLAIN the real statements. */
export function unitQuerySql(input: ParsedInput<'units.query'>) {
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
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order = (input.sort ?? []).map((s) => `${orderSql[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  order.push('u.updated_at DESC', 'u.id DESC');
  return {
    countSql: `SELECT count(*) AS n FROM units u ${whereSql}`,
    pageSql: `${unitSelect} ${whereSql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    params,
  };
}

/** One page of live units for the grid, with the total for the scrollbar. */
export function queryUnits(ctx: CoreContext, input: ParsedInput<'units.query'>) {
  const { countSql, pageSql, params } = unitQuerySql(input);
  const { sqlite } = ctx.database;
  const total = (sqlite.prepare(countSql).get(...params) as { n: number }).n;
  const rows = sqlite.prepare(pageSql).all(...params, input.endRow - input.startRow, input.startRow) as Record<string, unknown>[];
  return { rows: rows.map(toUnit), total };
}
