import { eq } from 'drizzle-orm';
import { districts } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { getIdentity } from '../node/node-service.ts';
import type { SqlPart } from '../registry/status-sql.ts';
import { CITY_WIDE } from './list-titles.ts';

// The district a node's lists, counts and risk pages cover: read by the two lists
// and by the risk pages they show, so it sits apart from both.

export interface ListScope {
  /** the node's own district; null on the bureau (or a node without one): the whole city */
  districtId: string | null;
  districtName: string;
}

export function listScope(ctx: CoreContext): ListScope {
  const districtId = getIdentity(ctx)?.districtId ?? null;
  if (!districtId) return { districtId: null, districtName: CITY_WIDE };
  const row = ctx.database.db.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId)).get();
  return { districtId, districtName: row?.name ?? CITY_WIDE };
}

/**
 * Restricts equipment (by alias) to the scope's district. On a district node every
 * unit normally is in its district, and then no condition is added: the counts stay
 * a plain pass over the table or a covering index instead of a lookup per piece.
 */
export function scopeCondition(ctx: CoreContext, scope: ListScope, alias = 'e'): SqlPart {
  if (!scope.districtId) return { sql: '', params: [] };
  // two ranges of the live-unit index (district_id, uscc) instead of a pass over every unit
  const outside = ctx.database.sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM units WHERE deleted_at IS NULL AND district_id < ?)
           OR EXISTS (SELECT 1 FROM units WHERE deleted_at IS NULL AND district_id > ?)`,
    )
    .pluck()
    .get(scope.districtId, scope.districtId);
  if (!outside) return { sql: '', params: [] };
  return {
    sql: `AND ${alias}.unit_id IN (SELECT id FROM units WHERE district_id = ? AND deleted_at IS NULL)`,
    params: [scope.districtId],
  };
}
