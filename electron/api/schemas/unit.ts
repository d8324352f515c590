import { z } from 'zod';
import { Id, OptionalPhone, OptionalText, pageLimit, Paging, SyncMeta } from './common.ts';
import { unitLimits } from './field-limits.ts';
import { RiskLevel } from './risk.ts';

export const Unit = z.object({
  ...SyncMeta,
  districtId: Id,
  districtName: z.string(),
  name: z.string(),
  uscc: z.string(),
  usccLegacy: z.boolean(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  /** pieces of equipment with status 在用 (gas cylinders included) */
  equipmentInUse: z.number().int(),
  managerCount: z.number().int(),
  /** pieces counted for the 20-unit screening: counted statuses, excluded codes (气瓶) and all below them left out */
  screenedCount: z.number().int(),
  /** screenedCount ≥ screening threshold (20): a full-time certified safety manager is required (TSG 08 §2.4.2.2.2) */
  needsCertifiedManager: z.boolean(),
  /** screenedCount ≥ safety-body threshold (50): a safety management body is required */
  needsSafetyBody: z.boolean(),
  /** in-use pieces past their next inspection date (超期), as of today */
  overdueCount: z.number().int(),
  /** in-use pieces due within the 临期 window, as of today */
  dueSoonCount: z.number().int(),
  /** 风险等级 and score (issue 19), with the rule version they were computed with; null only for a deleted unit */
  riskLevel: RiskLevel.nullable(),
  riskScore: z.number().int().nullable(),
  riskRuleVersion: z.number().int().nullable(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitInput = z.object({
  districtId: Id.meta({ label: '所属分局' }),
  name: z.string().trim().min(1, '请填写使用单位名称').max(unitLimits.name, `使用单位名称不能超过 ${unitLimits.name} 个字符`).meta({ label: '单位名称' }),
  // the check digit is verified in the core, which knows full-width and legacy forms
  uscc: z.string().max(unitLimits.uscc, '统一社会信用代码过长：应为 18 位').meta({ label: '统一社会信用代码' }),
  address: OptionalText(unitLimits.address).meta({ label: '地址' }),
  industry: OptionalText(unitLimits.industry).meta({ label: '行业' }),
  contactPerson: OptionalText(unitLimits.contactPerson).meta({ label: '联系人' }),
  contactPhone: OptionalPhone.meta({ label: '联系电话' }),
  notes: OptionalText(unitLimits.notes).meta({ label: '备注' }),
});
export type UnitInput = z.input<typeof UnitInput>;

export const unitSortColumns = [
  'name',
  'uscc',
  'districtName',
  'address',
  'equipmentInUse',
  'screenedCount',
  'overdueCount',
  'dueSoonCount',
  'managerCount',
  'updatedAt',
  'createdAt',
  'riskLevel',
  'riskScore',
] as const;

export const UnitFilter = z.object({
  search: z.string().max(100).optional().meta({ label: '搜索' }),
  districtId: Id.optional().meta({ label: '所属分局' }),
  /** only units at these risk levels */
  riskLevels: z.array(RiskLevel).max(4).optional().meta({ label: '风险等级' }),
  sort: z
    .array(z.object({ colId: z.enum(unitSortColumns).meta({ label: '列' }), sort: z.enum(['asc', 'desc']).meta({ label: '排序' }) }))
    .max(3)
    .optional()
    .meta({ label: '排序' }),
});
export const UnitQueryInput = UnitFilter.extend(Paging).refine(...pageLimit);

export const UnitPage = z.object({ rows: z.array(Unit), total: z.number().int() });

export const UnitUpdateInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), data: UnitInput.meta({ label: '修改内容' }) });
export const UnitDeleteInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) });
export const UnitDeleteOutput = z.object({
  id: Id,
  deletedAt: z.string(),
  equipmentDeleted: z.number().int(),
  managersDeleted: z.number().int(),
});
