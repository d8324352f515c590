import { z } from 'zod';
import { Id, OptionalText } from './common.ts';
import { equipmentLimits, managerLimits } from './field-limits.ts';
import { Equipment, EquipmentStatus, IsoDate, SafetyManager } from './registry.ts';

// One piece of equipment or one safety manager added, edited or removed in its grid.
// The core checks each row exactly as the ledger import checks a row of the file
// (same field lengths, catalogue, key and ID-number rules), then for duplicates.

/** A date field of a form: YYYY-MM-DD, or empty. */
const OptionalDate = z
  .union([IsoDate, z.literal('')])
  .nullish()
  .transform((v) => v || null);

export const EquipmentInput = z.object({
  unitId: Id,
  equipmentCode: OptionalText(equipmentLimits.equipmentCode),
  registrationCode: OptionalText(equipmentLimits.registrationCode),
  registrationNo: OptionalText(equipmentLimits.registrationNo),
  /** 设备种类、类别或品种: a catalogue name or code ("曳引驱动乘客电梯", "3110") */
  category: z
    .string()
    .trim()
    .min(1, '请填写设备类别（种类、类别或品种，名称或代码均可）')
    .max(equipmentLimits.category, `设备类别不能超过 ${equipmentLimits.category} 个字符`),
  status: EquipmentStatus,
  location: OptionalText(equipmentLimits.location),
  lastInspectionDate: OptionalDate,
  /** empty: derived from the last date by the kind's interval (推算), when there is one */
  nextInspectionDate: OptionalDate,
  internalNo: OptionalText(equipmentLimits.internalNo),
  model: OptionalText(equipmentLimits.model),
  productNo: OptionalText(equipmentLimits.productNo),
  manufacturer: OptionalText(equipmentLimits.manufacturer),
  commissionedDate: OptionalDate,
});
export type EquipmentInput = z.input<typeof EquipmentInput>;

/** A personal field shown masked in the grid: absent keeps the stored value, empty clears it. */
const KeptText = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`).nullable().optional();

export const ManagerInput = z.object({
  unitId: Id,
  name: z.string().trim().min(1, '请填写姓名').max(managerLimits.name, `姓名不能超过 ${managerLimits.name} 个字符`),
  idNumber: KeptText(managerLimits.idNumber),
  /** 作业项目: A, G1 … or its name */
  itemCode: z.string().trim().min(1, '请填写作业项目（特种设备安全管理为“A”）').max(managerLimits.itemCode, `作业项目不能超过 ${managerLimits.itemCode} 个字符`),
  certificateNo: OptionalText(managerLimits.certificateNo),
  issuedDate: OptionalDate,
  expiryDate: OptionalDate,
  phone: KeptText(managerLimits.phone),
});
export type ManagerInput = z.input<typeof ManagerInput>;

export const RowVersion = z.object({ id: Id, version: z.number().int() });
export const EquipmentUpdateInput = RowVersion.extend({ data: EquipmentInput });
export const ManagerUpdateInput = RowVersion.extend({ data: ManagerInput });

/** What the import would have warned about (a 设备代码 of an unusual shape, a legacy item code …): saved, worth a look. */
export const FormWarning = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const EquipmentSaved = z.object({ equipment: Equipment, warnings: z.array(FormWarning) });
export const ManagerSaved = z.object({ manager: SafetyManager, warnings: z.array(FormWarning) });
export const RowDeleted = z.object({ id: Id, deletedAt: z.string() });
