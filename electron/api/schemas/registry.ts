import { z } from 'zod';
import { Id, pageLimit, Paging, SyncMeta } from './common.ts';
import { UnitFilter } from './unit.ts';

export const InspectionStatus = z.enum(['ok', 'due', 'overdue', 'unknown']); // 正常 / 临期 / 超期 / 未知
export const EquipmentStatus = z.enum(['in_use', 'stopped', 'scrapped', 'cancelled']); // 在用 / 停用 / 报废 / 注销
export const CertificateStatus = z.enum(['valid', 'expiring', 'expired', 'unknown']); // 有效 / 即将到期 / 已过期 / 未知
/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, '日期不存在，请检查年月日');

export const Equipment = z.object({
  ...SyncMeta,
  unitId: Id,
  unitName: z.string(),
  uscc: z.string(),
  districtName: z.string(),
  equipmentCode: z.string().nullable(),
  registrationCode: z.string().nullable(),
  registrationNo: z.string().nullable(),
  kindCode: z.string().nullable(),
  kindName: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  varietyCode: z.string().nullable(),
  varietyName: z.string().nullable(),
  categoryRaw: z.string().nullable(),
  status: EquipmentStatus,
  location: z.string().nullable(),
  lastInspectionDate: z.string().nullable(),
  nextInspectionDate: z.string().nullable(),
  /** 'derived': last date + the kind's interval (shown as 推算); 'recorded' or null: as the ledger or a form gave it */
  nextInspectionSource: z.enum(['recorded', 'derived']).nullable(),
  /** from nextInspectionDate, derived dates included (a derived date is the best estimate there is) */
  inspectionStatus: InspectionStatus,
  internalNo: z.string().nullable(),
  model: z.string().nullable(),
  productNo: z.string().nullable(),
  manufacturer: z.string().nullable(),
  commissionedDate: z.string().nullable(),
  /** columns of the imported ledger we do not model, kept as they were */
  extra: z.record(z.string(), z.string()),
});
export type Equipment = z.infer<typeof Equipment>;

export const equipmentSortColumns = [
  'unitName', 'equipmentCode', 'registrationCode', 'registrationNo', 'kindCode', 'categoryCode', 'status',
  'nextInspectionDate', 'lastInspectionDate', 'location', 'updatedAt',
] as const;

export const EquipmentFilter = z.object({
  search: z.string().max(100).optional().meta({ label: '搜索' }),
  unitId: Id.optional().meta({ label: '使用单位' }),
  districtId: Id.optional().meta({ label: '所属分局' }),
  status: z.array(EquipmentStatus).optional().meta({ label: '设备状态' }),
  kindCode: z.string().max(4).optional().meta({ label: '设备种类' }),
  /** 检验状态 relative to this date (default: today, Asia/Shanghai) */
  inspection: InspectionStatus.optional().meta({ label: '检验状态' }),
  asOf: IsoDate.optional().meta({ label: '截至日期' }),
  sort: z.array(z.object({ colId: z.enum(equipmentSortColumns).meta({ label: '列' }), sort: z.enum(['asc', 'desc']).meta({ label: '排序' }) })).max(3).optional().meta({ label: '排序' }),
});

export const EquipmentQueryInput = EquipmentFilter.extend({
  ...Paging,
  /** count a search's matches up to this many only (the grid sends GRID_TOTAL_CAP, electron/shared/grid-total-cap.ts); absent: the exact total */
  totalCap: z.number().int().min(1).max(1_000_000).optional().meta({ label: '总数计数上限' }),
}).refine(...pageLimit);
export const EquipmentPage = z.object({
  rows: z.array(Equipment),
  /** the number of matches; when totalCapped, a lower bound: more than this many match */
  total: z.number().int(),
  /** true only when totalCap was given and the count stopped there: total is then not the last row */
  totalCapped: z.boolean(),
});

export const SafetyManager = z.object({
  ...SyncMeta,
  unitId: Id,
  unitName: z.string(),
  uscc: z.string(),
  name: z.string(),
  /** 3205**********123X: the full number never leaves the core except inside an encrypted bundle */
  idNumberMasked: z.string().nullable(),
  itemCode: z.string().nullable(),
  certificateNo: z.string().nullable(),
  issuedDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  certificateStatus: CertificateStatus,
  phoneMasked: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
});
export type SafetyManager = z.infer<typeof SafetyManager>;

export const managerSortColumns = ['name', 'unitName', 'itemCode', 'certificateNo', 'issuedDate', 'expiryDate', 'updatedAt'] as const;

export const ManagerFilter = z.object({
  search: z.string().max(100).optional().meta({ label: '搜索' }),
  unitId: Id.optional().meta({ label: '使用单位' }),
  districtId: Id.optional().meta({ label: '所属分局' }),
  itemCode: z.string().max(4).optional().meta({ label: '作业项目' }),
  /** certificate status relative to this date (default: today, Asia/Shanghai) */
  certificate: CertificateStatus.optional().meta({ label: '证书状态' }),
  asOf: IsoDate.optional().meta({ label: '截至日期' }),
  sort: z.array(z.object({ colId: z.enum(managerSortColumns).meta({ label: '列' }), sort: z.enum(['asc', 'desc']).meta({ label: '排序' }) })).max(3).optional().meta({ label: '排序' }),
});
export const ManagerQueryInput = ManagerFilter.extend(Paging).refine(...pageLimit);
export const ManagerPage = z.object({ rows: z.array(SafetyManager), total: z.number().int() });

export const RegistrySummary = z.object({
  asOf: IsoDate,
  units: z.number().int(),
  equipmentInUse: z.number().int(),
  inspection: z.object({ ok: z.number().int(), due: z.number().int(), overdue: z.number().int(), unknown: z.number().int() }),
  /** 两项清单: units with screening-threshold or more pieces in use, and their valid A-certificate managers */
  list1Units: z.number().int(),
  list2Managers: z.number().int(),
  managersExpiringSoon: z.number().int(),
});

const ExportColumn = z.object({ colId: z.string().max(40).meta({ label: '列' }), header: z.string().max(40).meta({ label: '列标题' }) });
/** "Export what is shown": the grid's filters, sort and chosen columns, without paging. */
export const GridExportInput = z.discriminatedUnion('grid', [
  z.object({ grid: z.literal('units').meta({ label: '表格' }), filter: UnitFilter.meta({ label: '筛选条件' }), columns: z.array(ExportColumn).min(1).max(60).meta({ label: '导出的列' }) }),
  z.object({ grid: z.literal('equipment'), filter: EquipmentFilter, columns: z.array(ExportColumn).min(1).max(60) }),
  z.object({ grid: z.literal('managers'), filter: ManagerFilter, columns: z.array(ExportColumn).min(1).max(60) }),
]);

export const AsOfInput = z.object({ asOf: IsoDate.optional().meta({ label: '截至日期' }) });
