import type { z } from 'zod';
import type { ManagerFilter, managerSortColumns } from '../../api/schemas/registry.ts';
import type { CoreContext } from '../context.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { addDays, resolveAsOf } from './as-of.ts';
import { managersByRowidsSql, toSafetyManager, type CertificateDates } from './manager-rows.ts';
import { readRowsInOrder, selectRowids } from './rowids.ts';
import { certificateSql, itemCodes, likePattern } from './status-sql.ts';

type Filter = z.output<typeof ManagerFilter>;

// Allow-listed sort columns mapped to SQL (see equipment-query.ts); names by their pinyin key.
const orderSql: Record<(typeof managerSortColumns)[number], string> = {
  name: 'm.name_sort',
  unitName: 'u.name_sort',
  itemCode: 'm.item_code',
  certificateNo: 'm.certificate_no',
  issuedDate: 'm.issued_date',
  expiryDate: 'm.expiry_date',
  updatedAt: 'm.updated_at',
};

export function certificateDates(ctx: CoreContext, asOf: string | undefined): CertificateDates {
  const date = resolveAsOf(ctx, asOf);
  return { asOf: date, expiringLimit: addDays(date, getRegistrySettings(ctx).certificateExpiringDays) };
}

/** The statements of one grid request (rowids in grid order, and the total), exported for EXPLAIN tests. */
export function managerQuerySql(filter: Filter, dates: CertificateDates) {
  const where = ['m.deleted_at IS NULL'];
  const params: unknown[] = [];
  let joinUnits = false;
  if (filter.unitId) {
    where.push('m.unit_id = ?');
    params.push(filter.unitId);
  }
  if (filter.districtId) {
    joinUnits = true;
    where.push('u.district_id = ?');
    params.push(filter.districtId);
  }
  if (filter.itemCode) {
    const codes = itemCodes(filter.itemCode);
    where.push(`m.item_code IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
  }
  if (filter.certificate) {
    const part = certificateSql(filter.certificate, dates.asOf, dates.expiringLimit);
    where.push(part.sql);
    params.push(...part.params);
  }
  const search = filter.search?.trim();
  if (search) {
    joinUnits = true;
    where.push(`(m.name LIKE ? ESCAPE '\\' OR m.name_initials LIKE ? ESCAPE '\\' OR m.certificate_no LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')`);
    const plain = likePattern(search);
    params.push(plain, likePattern(search.toLowerCase()), likePattern(search.toUpperCase()), plain);
  }
  const sort = filter.sort ?? [];
  if (sort.some((s) => s.colId === 'unitName')) joinUnits = true;
  const order = sort.map((s) => `${orderSql[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  const last = sort.at(-1);
  if (!last) order.push('m.updated_at DESC', 'm.id DESC');
  else order.push(`${last.colId === 'updatedAt' ? 'm.id' : 'm.rowid'} ${last.sort === 'desc' ? 'DESC' : 'ASC'}`);

  const from = joinUnits ? 'safety_managers m JOIN units u ON u.id = m.unit_id' : 'safety_managers m';
  const whereSql = `WHERE ${where.join(' AND ')}`;
  return {
    countSql: `SELECT count(*) AS n FROM ${from} ${whereSql}`,
    idsSql: `SELECT m.rowid FROM ${from} ${whereSql} ORDER BY ${order.join(', ')}`,
    params,
  };
}

/** One page of safety managers, ID numbers and phones masked. */
export function queryManagers(ctx: CoreContext, input: Filter & { startRow: number; endRow: number }) {
  const dates = certificateDates(ctx, input.asOf);
  const { countSql, idsSql, params } = managerQuerySql(input, dates);
  const { sqlite } = ctx.database;
  const total = sqlite.prepare<unknown[], { n: number }>(countSql).get(...params)?.n ?? 0;
  const rowids = selectRowids(sqlite, `${idsSql} LIMIT ? OFFSET ?`, [...params, input.endRow - input.startRow, input.startRow]);
  return { rows: readRowsInOrder(sqlite, managersByRowidsSql, rowids, (row) => toSafetyManager(row, dates)), total };
}
