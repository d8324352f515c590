import { AppError } from '../../api/errors.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { CoreContext } from '../context.ts';

// A chosen unit is live and within the node's district (the ownership and version
// checks of a registry row are the write layer's: registry-rows.ts).

export interface UnitInScope {
  id: string;
  name: string;
  uscc: string;
  districtId: string;
  districtName: string;
}

export function liveUnitInScope(ctx: CoreContext, identity: NodeIdentity, unitId: string): UnitInScope {
  const unit = ctx.database.sqlite
    .prepare<[string], UnitInScope>('SELECT u.id, u.name, u.uscc, u.district_id AS districtId, d.name AS districtName FROM units u JOIN districts d ON d.id = u.district_id WHERE u.id = ? AND u.deleted_at IS NULL')
    .get(unitId);
  if (!unit) throw new AppError('VALIDATION', '所选使用单位不存在或已被删除，请重新选择', { field: 'unitId' });
  if (identity.role === 'district' && identity.districtId && unit.districtId !== identity.districtId) {
    throw new AppError('FORBIDDEN', '分局只能登记本辖区使用单位的设备和人员，请选择本分局的使用单位', { field: 'unitId' });
  }
  return unit;
}
