import type { z } from 'zod';
import type { EquipmentFilter, equipmentSortColumns } from '../../api/schemas/registry.ts';
import type { CoreContext } from '../context.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { addDays, resolveAsOf } from './as-of.ts';
import { equipmentByRowidsSql, toEquipment, type StatusDates } from './equipment-rows.ts';
import { readRowsInOrder, selectRowids } from './rowids.ts';
import { inspectionSql, likePattern } from './status-sql.ts';

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

export function statusDates(ctx: CoreContext, asOf: string | undefined): StatusDates {
  const date = resolveAsOf(ctx, asOf);
  return { asOf: date, dueLimit: addDays(date, getRegistrySettings(ctx).dueSoonDays) };
}

/**
 * The statements of one grid request, exported so tests can EXPLAIN the real SQL.
 * idsSql returns the rowids of every matching row in grid order (the export uses
 * it whole, a page adds LIMIT ? OFFSET ?); countSql the total.
 */
export function equipmentQuerySql(filter: Filter, dates: StatusDates) {
  const where = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  let joinUnits = false;
  if (filter.unitId) {
    where.push('e.unit_id = ?');
    params.push(filter.unitId);
  }
  if (filter.districtId) {
    joinUnits = true;
    where.push('u.district_id = ?');
    params.push(filter.districtId);
  }
  if (filter.status?.length) {
    const statuses = [...new Set(filter.status)];
    where.push(`e.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (filter.kindCode) {
    where.push('e.kind_code = ?');
    params.push(filter.kindCode.toUpperCase());
  }
  if (filter.inspection) {
    const part = inspectionSql(filter.inspection, dates.asOf, dates.dueLimit);
    where.push(part.sql);
    params.push(...part.params);
  }
  const search = filter.search?.trim();
  if (search) {
    const like = (column: string) => `${column} LIKE ? ESCAPE '\\'`;
    // The unit's name is matched once over the units (thousands), not joined for
    // each of the 200,000 pieces the search has to scan anyway.
    where.push(
      `(${['e.equipment_code', 'e.registration_code', 'e.registration_no', 'e.location'].map(like).join(' OR ')}` +
        ` OR e.unit_id IN (SELECT su.id FROM units su WHERE ${like('su.name')} OR ${like('su.name_initials')}))`,
    );
    // codes are stored upper case and initials lower case; people type either
    const upper = likePattern(search.toUpperCase());
    const plain = likePattern(search);
    params.push(upper, upper, upper, plain, plain, likePattern(search.toLowerCase()));
  }

  const sort = filter.sort ?? [];
  if (sort.some((s) => s.colId === 'unitName')) joinUnits = true;
  const order = sort.map((s) => `${orderSql[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  // A unique tie-breaker keeps pages stable: (updated_at, id), in the direction of the
  // last sort key, which is how the grid's indexes end, so sorting by the next
  // inspection date or the kind walks an index with no sort step.
  const direction = sort.at(-1)?.sort === 'asc' ? 'ASC' : 'DESC';
  if (sort.at(-1)?.colId !== 'updatedAt') order.push(`e.updated_at ${direction}`);
  order.push(`e.id ${direction}`);

  const from = joinUnits ? 'equipment e JOIN units u ON u.id = e.unit_id' : 'equipment e';
  const whereSql = `WHERE ${where.join(' AND ')}`;
  return {
    countSql: `SELECT count(*) AS n FROM ${from} ${whereSql}`,
    idsSql: `SELECT e.rowid FROM ${from} ${whereSql} ORDER BY ${order.join(', ')}`,
    params,
    /** a text search reads every row whatever the indexes: count and page in that one pass */
    scansTable: Boolean(search),
  };
}

/** One page of equipment for the grid, with the total for the scrollbar. */
export function queryEquipment(ctx: CoreContext, input: Filter & { startRow: number; endRow: number }) {
  const dates = statusDates(ctx, input.asOf);
  const { countSql, idsSql, params, scansTable } = equipmentQuerySql(input, dates);
  const { sqlite } = ctx.database;
  let total: number;
  let rowids: number[];
  if (scansTable) {
    const all = selectRowids(sqlite, idsSql, params);
    total = all.length;
    rowids = all.slice(input.startRow, input.endRow);
  } else {
    total = (sqlite.prepare(countSql).get(...params) as { n: number }).n;
    rowids = selectRowids(sqlite, `${idsSql} LIMIT ? OFFSET ?`, [...params, input.endRow - input.startRow, input.startRow]);
  }
  return { rows: readRowsInOrder(sqlite, equipmentByRowidsSql, rowids, (row) => toEquipment(row, dates)), total };
}
