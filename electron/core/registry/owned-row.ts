import { eq } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import { type equipment, type safetyManagers } from '../../../db/schema/index.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { CoreContext } from '../context.ts';

// The two checks every single-row edit of the registry makes first: the row is one
// this node may change (each row is changed only by the node that registered it),
// at the version the user saw; and a chosen unit is live and within the node's district.

type Table = typeof equipment | typeof safetyManagers;

export function ownedRow<T extends Table>(ctx: CoreContext, identity: NodeIdentity, table: T, input: { id: string; version: number }, what: string): T['$inferSelect'] {
  const row = ctx.database.db.select().from(table as Table).where(eq(table.id, input.id)).get() as T['$inferSelect'] | undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `${what}不存在或已被删除，请刷新列表`);
  if (row.originNode !== identity.id) throw new AppError('FORBIDDEN', `${what}由其他节点登记，只能由登记它的单位修改或删除`);
  if (row.version !== input.version) {
    throw new AppError('CONFLICT', `${what}已被修改（可能在另一窗口或由一次导入），请刷新后重新编辑`, { currentVersion: row.version });
  }
  return row;
}

export interface UnitInScope {
  id: string;
  name: string;
  uscc: string;
  districtId: string;
  districtName: string;
}

export function liveUnitInScope(ctx: CoreContext, identity: NodeIdentity, unitId: string): UnitInScope {
  const unit = ctx.database.sqlite
    .prepare('SELECT u.id, u.name, u.uscc, u.district_id AS districtId, d.name AS districtName FROM units u JOIN districts d ON d.id = u.district_id WHERE u.id = ? AND u.deleted_at IS NULL')
    .get(unitId) as UnitInScope | undefined;
  if (!unit) throw new AppError('VALIDATION', '所选使用单位不存在或已被删除，请重新选择', { field: 'unitId' });
  if (identity.role === 'district' && identity.districtId && unit.districtId !== identity.districtId) {
    throw new AppError('FORBIDDEN', '分局只能登记本辖区使用单位的设备和人员，请选择本分局的使用单位', { field: 'unitId' });
  }
  return unit;
}
