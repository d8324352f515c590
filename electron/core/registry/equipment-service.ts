import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { Equipment } from '../../api/schemas/registry.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { Lookups } from '../ledger/lookups.ts';
import { settleNextInspection } from '../ledger/next-inspection.ts';
import { requireIdentity } from '../node/node-service.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { statusDates } from './equipment-query.ts';
import { equipmentByRowidsSql, toEquipment } from './equipment-rows.ts';
import { checkEquipmentForm, type FormWarning } from './form-row.ts';
import { intervalRules } from './inspection-interval.ts';
import { liveUnitInScope } from './owned-row.ts';
import { equipmentRows } from './registry-rows.ts';

// 特种设备, one at a time from its grid: the same checks as a ledger row, the same
// derived next date, a duplicate key refused, only this node's rows changed,
// deletion as a tombstone; every change in the audit log.

type Fields = ParsedInput<'equipment.create'>;

export function getEquipment(ctx: CoreContext, id: string): Equipment {
  const { sqlite } = ctx.database;
  const rowid = sqlite.prepare<[string], number>('SELECT rowid FROM equipment WHERE id = ? AND deleted_at IS NULL').pluck().get(id);
  const row = rowid === undefined ? undefined : sqlite.prepare<[string], Record<string, unknown>>(equipmentByRowidsSql).get(JSON.stringify([rowid]));
  if (!row) throw new AppError('NOT_FOUND', '该设备不存在或已被删除，请刷新列表');
  return toEquipment(row, statusDates(ctx, undefined));
}

const keyLabels = { equipmentCode: '设备代码', registrationCode: '注册代码', registrationNo: '使用登记证编号' } as const;

/** The form as a ledger row of its unit, checked and normalised; a key another piece holds is refused. */
function prepare(ctx: CoreContext, identity: NodeIdentity, input: Fields, selfId?: string) {
  const unit = liveUnitInScope(ctx, identity, input.unitId);
  const { record, warnings } = checkEquipmentForm(ctx, identity, {
    districtName: unit.districtName,
    unitName: unit.name,
    uscc: unit.uscc,
    category: input.category,
    equipmentCode: input.equipmentCode,
    registrationCode: input.registrationCode,
    registrationNo: input.registrationNo,
    location: input.location,
    lastInspectionDate: input.lastInspectionDate,
    nextInspectionDate: input.nextInspectionDate,
    internalNo: input.internalNo,
    model: input.model,
    productNo: input.productNo,
    manufacturer: input.manufacturer,
    commissionedDate: input.commissionedDate,
  });
  const values = { ...record.values, status: input.status };
  const clash = new Lookups(ctx.database.sqlite).equipment(values, unit.id);
  if (clash && clash.id !== selfId) {
    const field = (Object.keys(keyLabels) as (keyof typeof keyLabels)[]).find((k) => values[k] && clash[k] === values[k]) ?? 'equipmentCode';
    const holder = ctx.database.sqlite.prepare<[unknown], string>('SELECT name FROM units WHERE id = ?').pluck().get(clash['unitId']);
    throw new AppError('DUPLICATE', `${keyLabels[field]}“${values[field]}”已登记在“${holder ?? ''}”的设备中，同一台设备不能重复登记。请核对编号`, { field });
  }
  // an empty next date is derived from the last one, as in the import (a form has nothing stored to keep)
  settleNextInspection(values, undefined, intervalRules(getRegistrySettings(ctx).inspectionIntervals));
  return { unitId: unit.id, values, warnings };
}

const columnsOf = (values: ReturnType<typeof prepare>['values'], unitId: string) => ({
  unitId,
  equipmentCode: values.equipmentCode ?? null,
  registrationCode: values.registrationCode ?? null,
  registrationNo: values.registrationNo ?? null,
  kindCode: values.kindCode ?? null,
  categoryCode: values.categoryCode ?? null,
  varietyCode: values.varietyCode ?? null,
  categoryRaw: values.categoryRaw ?? null,
  status: values.status,
  location: values.location ?? null,
  lastInspectionDate: values.lastInspectionDate ?? null,
  nextInspectionDate: values.nextInspectionDate ?? null,
  nextInspectionSource: values.nextInspectionDate ? (values.nextInspectionSource ?? 'recorded') : null,
  internalNo: values.internalNo ?? null,
  model: values.model ?? null,
  productNo: values.productNo ?? null,
  manufacturer: values.manufacturer ?? null,
  commissionedDate: values.commissionedDate ?? null,
});

export function createEquipment(ctx: CoreContext, input: Fields): { equipment: Equipment; warnings: FormWarning[] } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'equipment.create');
  const { id, warnings } = inTransaction(w, () => {
    const prepared = prepare(ctx, w.node, input);
    const row = equipmentRows.insert(w, { extra: null, ...columnsOf(prepared.values, prepared.unitId) });
    return { id: row.id, warnings: prepared.warnings };
  });
  return { equipment: getEquipment(ctx, id), warnings };
}

export function updateEquipment(ctx: CoreContext, input: ParsedInput<'equipment.update'>): { equipment: Equipment; warnings: FormWarning[] } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'equipment.update');
  const warnings = inTransaction(w, () => {
    const before = equipmentRows.owned(w, input.id, input.version);
    const prepared = prepare(ctx, w.node, input.data, input.id);
    equipmentRows.updateChanged(w, before, columnsOf(prepared.values, prepared.unitId));
    return prepared.warnings;
  });
  return { equipment: getEquipment(ctx, input.id), warnings };
}

export function deleteEquipment(ctx: CoreContext, input: ParsedInput<'equipment.delete'>) {
  const w = beginWrite(ctx, requireIdentity(ctx), 'equipment.delete');
  return inTransaction(w, () => equipmentRows.remove(w, equipmentRows.owned(w, input.id, input.version)));
}
