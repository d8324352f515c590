import { z } from 'zod';
import { Id, OptionalText } from './common.ts';
import { IsoDate, PlanType, TeamMember } from './inspections.ts';

// 安全监察指令书 (issue 8): numbered per office, prefix and year (张市监特令〔2026〕第12号),
// with a deadline in working days and a re-check; the inspection settings; the figures
// of the home dashboard.

export const OrderState = z.enum(['issued', 'rechecked', 'cancelled']);
export type OrderState = z.infer<typeof OrderState>;

export const RecheckOutcome = z.enum(['passed', 'failed'], { message: '复查结论应为已整改或未整改' });

export const OrderSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  recordId: Id.nullable(),
  unitId: Id,
  unitName: z.string(),
  number: z.string(),
  prefix: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  issuedOn: z.string(),
  deadline: z.string(),
  content: z.string(),
  hazardIds: z.array(Id),
  state: OrderState,
  recheckedOn: z.string().nullable(),
  recheckOutcome: RecheckOutcome.nullable(),
  recheckNote: z.string().nullable(),
  /** still owed (issued) and past its deadline */
  overdue: z.boolean(),
  mine: z.boolean(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderDetail = OrderSummary.extend({
  districtName: z.string(),
  unitAddress: z.string().nullable(),
  unitUscc: z.string(),
  inspectedOn: z.string().nullable(),
  hazards: z.array(z.object({ id: Id, description: z.string(), level: z.enum(['general', 'major']), state: z.string() })),
  /** the visit's team, with each registered inspector's 执法证号: the order's signature lines */
  team: z.array(TeamMember),
  /** calendar warnings for the deadline (a provisional year), and a team under two inspectors */
  warnings: z.array(z.string()),
  actions: z.array(z.enum(['recheck', 'cancel'])),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const OrderIssueInput = z.object({
  /** the visit it follows (its unit), or a unit on its own */
  recordId: Id.optional().meta({ label: '检查记录' }),
  unitId: Id.optional().meta({ label: '使用单位' }),
  issuedOn: IsoDate.optional().meta({ label: '下达日期' }),
  /** either working days after issuedOn (default: the setting) or a date */
  workingDays: z.number().int().min(1, '整改期限应为至少 1 个工作日').max(365, '整改期限不能超过 365 个工作日').optional().meta({ label: '整改期限（工作日）' }),
  deadline: IsoDate.optional().meta({ label: '整改期限' }),
  content: z.string().trim().min(1, '请填写指令内容（发现的问题和整改要求）').max(4000, '指令内容不能超过 4000 个字符').meta({ label: '内容' }),
  /** the unit's open hazards the order covers; those still 发现 are 下达整改 with the order's deadline */
  hazardIds: z.array(Id).max(50).default([]).meta({ label: '隐患' }),
});
export const OrderRecheckInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), recheckedOn: IsoDate.meta({ label: '复查日期' }), outcome: RecheckOutcome.meta({ label: '结果' }), note: OptionalText(1000).meta({ label: '说明' }) });
export const OrderCancelInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), reason: z.string().trim().min(1, '请写明作废原因').max(500).meta({ label: '原因' }) });
export const OrderListInput = z.object({ districtId: Id.optional().meta({ label: '所属分局' }), recordId: Id.optional().meta({ label: '检查记录' }), state: OrderState.optional().meta({ label: '状态' }), overdue: z.boolean().optional().meta({ label: '逾期' }) });

export const InspectionSettings = z.object({
  /** 张市监特令: the number's prefix before 〔year〕 */
  orderPrefix: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[^〔〕[\]\s]+$/)
    .default('张市监特令'),
  /** default deadline of an order in working days */
  orderWorkingDays: z.number().int().min(1).max(365).default(10),
});
export type InspectionSettings = z.infer<typeof InspectionSettings>;
export const InspectionSettingsUpdate = z.object({
  orderPrefix: z
    .string()
    .trim()
    .min(1, '请填写指令书编号前缀')
    .max(20, '编号前缀不能超过 20 个字符')
    .regex(/^[^〔〕[\]\s]+$/, '编号前缀不能含空格或括号〔〕')
    .optional()
    .meta({ label: '指令书编号前缀' }),
  orderWorkingDays: z.number().int().min(1, '默认整改期限应为至少 1 个工作日').max(365, '默认整改期限不能超过 365 个工作日').optional().meta({ label: '整改期限（工作日）' }),
});

export const InspectionStats = z.object({
  plansActive: z.number().int(),
  recordsThisMonth: z.number().int(),
  recordsTotal: z.number().int(),
  byType: z.array(z.object({ type: PlanType, plans: z.number().int(), records: z.number().int() })),
  ordersOpen: z.number().int(),
  ordersOverdue: z.number().int(),
  /** draft or active plans, and records, whose team is under two people */
  smallTeamPlans: z.number().int(),
  smallTeamRecords: z.number().int(),
});
export type InspectionStats = z.infer<typeof InspectionStats>;
