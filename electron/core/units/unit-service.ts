import { and, eq, isNull, ne } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { Unit } from '../../api/schemas/unit.ts';
import { districts, equipment, safetyManagers, units } from '../../../db/schema/index.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { syncedRows } from '../data/synced-rows.ts';
import { equipmentRows, managerRows } from '../registry/registry-rows.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { nameInitials } from '../pinyin.ts';
import { normalizeText } from '../text.ts';
import { checkUscc } from '../validation/uscc.ts';
import { toUnit, unitReadContext } from './unit-rows.ts';
import { get, sql, sqlRaw } from '../data/query.ts';

type UnitFields = ParsedInput<'units.create'>;

export function getUnit(ctx: CoreContext, id: string): Unit {
  const read = unitReadContext(ctx);
  const row = get(ctx.database.sqlite, sql<Record<string, unknown>>`${sqlRaw(read.selectSql, read.selectParams)} WHERE u.${units.id} = ${id}`);
  if (!row || row['deletedAt']) throw new AppError('NOT_FOUND', '该使用单位不存在或已被删除，请刷新列表');
  return toUnit(row, read.settings);
}

/** Normalises and checks the domain rules the zod shape cannot: check digit, district, duplicates. */
function prepareFields(ctx: CoreContext, identity: NodeIdentity, input: UnitFields, selfId?: string) {
  const { db } = ctx.database;
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) throw new AppError('VALIDATION', uscc.message, { field: 'uscc' });

  const district = db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(and(eq(districts.id, input.districtId), isNull(districts.deletedAt)))
    .get();
  if (!district) throw new AppError('VALIDATION', '所选分局不存在，请重新选择', { field: 'districtId' });
  if (identity.role === 'district' && identity.districtId && district.id !== identity.districtId) {
    throw new AppError('FORBIDDEN', '分局只能登记本辖区的使用单位，请选择本分局', { field: 'districtId' });
  }

  const clash = db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.districtId, district.id),
        eq(units.uscc, uscc.value),
        isNull(units.deletedAt),
        selfId ? ne(units.id, selfId) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new AppError('DUPLICATE', `统一社会信用代码 ${uscc.value} 已登记为“${clash.name}”，同一分局不能重复登记`, { field: 'uscc' });
  }

  const name = normalizeText(input.name);
  return {
    districtId: district.id,
    name,
    nameInitials: nameInitials(name),
    uscc: uscc.value,
    usccLegacy: uscc.legacy,
    address: input.address,
    industry: input.industry,
    contactPerson: input.contactPerson,
    contactPhone: input.contactPhone,
    notes: input.notes,
  };
}

const unitRows = syncedRows(units, {
  notFound: '该使用单位不存在或已被删除，请刷新列表',
  foreign: '该使用单位由其他节点登记，只能由登记它的单位修改',
  conflict: '该使用单位已被修改（可能在另一窗口），请刷新后重新编辑',
});

export function createUnit(ctx: CoreContext, input: UnitFields): Unit {
  const w = beginWrite(ctx, requireIdentity(ctx), 'units.create');
  const row = inTransaction(w, () => unitRows.insert(w, prepareFields(ctx, w.node, input)));
  return getUnit(ctx, row.id);
}

export function updateUnit(ctx: CoreContext, input: ParsedInput<'units.update'>): Unit {
  const w = beginWrite(ctx, requireIdentity(ctx), 'units.update');
  inTransaction(w, () => {
    const before = unitRows.owned(w, input.id, input.version);
    const fields = prepareFields(ctx, w.node, input.data, input.id);
    unitRows.update(w, before, fields, { after: { ...before, ...fields, updatedAt: w.now, version: before.version + 1 } });
  });
  return getUnit(ctx, input.id);
}

/** Tombstones the unit and, with it, its equipment and safety managers, so the deletion travels in bundles. */
export function deleteUnit(ctx: CoreContext, input: ParsedInput<'units.delete'>) {
  const w = beginWrite(ctx, requireIdentity(ctx), 'units.delete');
  return inTransaction(w, () => {
    const before = unitRows.owned(w, input.id, input.version);
    const equipmentDeleted = equipmentRows.removeChildrenOf(w, eq(equipment.unitId, input.id)).length;
    const managersDeleted = managerRows.removeChildrenOf(w, eq(safetyManagers.unitId, input.id)).length;
    const { deletedAt } = unitRows.remove(w, before, { after: { deletedAt: w.now, updatedAt: w.now } });
    return { id: input.id, deletedAt, equipmentDeleted, managersDeleted };
  });
}
