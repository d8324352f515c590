import { AppError } from '../../api/errors.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql } from '../data/query.ts';

export interface DistrictRow {
  id: string;
  name: string;
  pilot: boolean;
}

/** The district list (the bureau's reference data): every active district, in the list's order. */
export function activeDistricts(ctx: CoreContext): DistrictRow[] {
  return all(ctx.database.sqlite, sql<{ id: string; name: string; pilot: number }>`SELECT id, name, pilot FROM districts WHERE deleted_at IS NULL AND active = 1 ORDER BY sort_order, name`).map((d) => ({ id: d.id, name: d.name, pilot: d.pilot === 1 }));
}

export function districtName(ctx: CoreContext, id: string): string {
  const row = get(ctx.database.sqlite, sql<{ name: string }>`SELECT name FROM districts WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', `分局列表中没有编号为 ${id} 的分局，请刷新后重试。`);
  return row.name;
}
