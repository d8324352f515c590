import { AppError } from '../../api/errors.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { units } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';

// What every inspection change starts with: a district office, acting on its own rows
// at the version the user saw. The bureau receives the rows in bundles and reads them.

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

/** Refuses a row of another node, or one changed since the user read it. */
export function checkOwn(identity: DistrictIdentity, row: { originNode: string; version: number }, version: number | undefined, what: string): void {
  if (row.originNode !== identity.id) throw new AppError('FORBIDDEN', `该${what}由其他节点登记，只能由登记它的分局修改。`);
  if (version !== undefined && row.version !== version) {
    throw new AppError('CONFLICT', `该${what}已被修改（可能在另一窗口），请刷新后再操作。`, { currentVersion: row.version });
  }
}

/** A JSON column read back (written by this module, so its shape is known). */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A unit of this office's district, live; refused with the field named otherwise. */
export function checkDistrictUnit(ctx: CoreContext, identity: DistrictIdentity, unitId: string, field = 'unitId'): { id: string; name: string } {
  const unit = ctx.database.db
    .select({ id: units.id, name: units.name, districtId: units.districtId })
    .from(units)
    .where(and(eq(units.id, unitId), isNull(units.deletedAt)))
    .get();
  if (!unit) throw new AppError('NOT_FOUND', '所选使用单位不存在，请刷新后重选。', { field });
  if (unit.districtId !== identity.districtId) throw new AppError('FORBIDDEN', `“${unit.name}”不在本辖区，只能检查本辖区的使用单位。`, { field });
  return { id: unit.id, name: unit.name };
}
