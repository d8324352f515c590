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
  unitId: Id.meta({ label: '使用单位' }),
  equipmentCode: OptionalText(equipmentLimits.equipmentCode).meta({ label: '设备代码' }),
  registrationCode: OptionalText(equipmentLimits.registrationCode).meta({ label: '注册代码' }),
  registrationNo: OptionalText(equipmentLimits.registrationNo).meta({ label: '使用登记证编号' }),
  /** 设备种类、类别或品种: a catalogue name or code ("曳引驱动乘客电梯", "3110") */
  category: z
    .string()
    .trim()
    .min(1, '请填写设备类别（种类、类别或品种，名称或代码均可）')
    .max(equipmentLimits.category, `设备类别不能超过 ${equipmentLimits.category} 个字符`)
    .meta({ label: '设备类别' }),
  status: EquipmentStatus.meta({ label: '设备状态' }),
  location: OptionalText(equipmentLimits.location).meta({ label: '设备使用地点' }),
  lastInspectionDate: OptionalDate.meta({ label: '上次检验日期' }),
  /** empty: derived from the last date by the kind's interval (推算), when there is one */
  nextInspectionDate: OptionalDate.meta({ label: '下次检验日期' }),
  internalNo: OptionalText(equipmentLimits.internalNo).meta({ label: '单位内部编号' }),
  model: OptionalText(equipmentLimits.model).meta({ label: '型号' }),
  productNo: OptionalText(equipmentLimits.productNo).meta({ label: '产品编号' }),
  manufacturer: OptionalText(equipmentLimits.manufacturer).meta({ label: '制造单位' }),
  commissionedDate: OptionalDate.meta({ label: '投入使用日期' }),
});
export type EquipmentInput = z.input<typeof EquipmentInput>;

/** A personal field shown masked in the grid: absent keeps the stored value, empty clears it. */
const KeptText = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`).nullable().optional();

export const ManagerInput = z.object({
  unitId: Id.meta({ label: '使用单位' }),
  name: z.string().trim().min(1, '请填写姓名').max(managerLimits.name, `姓名不能超过 ${managerLimits.name} 个字符`).meta({ label: '姓名' }),
  idNumber: KeptText(managerLimits.idNumber).meta({ label: '身份证号' }),
  /** 作业项目: A, G1 … or its name */
  itemCode: z.string().trim().min(1, '请填写作业项目（特种设备安全管理为“A”）').max(managerLimits.itemCode, `作业项目不能超过 ${managerLimits.itemCode} 个字符`).meta({ label: '作业项目' }),
  certificateNo: OptionalText(managerLimits.certificateNo).meta({ label: '证书编号' }),
  issuedDate: OptionalDate.meta({ label: '发证日期' }),
  expiryDate: OptionalDate.meta({ label: '证书有效期至' }),
  phone: KeptText(managerLimits.phone).meta({ label: '联系电话' }),
});
export type ManagerInput = z.input<typeof ManagerInput>;

export const RowVersion = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) });
export const EquipmentUpdateInput = RowVersion.extend({ data: EquipmentInput.meta({ label: '修改内容' }) });
export const ManagerUpdateInput = RowVersion.extend({ data: ManagerInput.meta({ label: '修改内容' }) });

/** What the import would have warned about (a 设备代码 of an unusual shape, a legacy item code …): saved, worth a look. */
export const FormWarning = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const EquipmentSaved = z.object({ equipment: Equipment, warnings: z.array(FormWarning) });
export const ManagerSaved = z.object({ manager: SafetyManager, warnings: z.array(FormWarning) });
export const RowDeleted = z.object({ id: Id, deletedAt: z.string() });
