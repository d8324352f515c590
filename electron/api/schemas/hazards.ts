import { z } from 'zod';
import { Id, OptionalText } from './common.ts';

// 隐患闭环 (issue 8): a district office's hidden dangers from 发现 to 归档, with
// deadlines in working days on the official calendar (electron/core/calendar).

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD');
const StagedId = z.string().regex(/^[0-9a-f]{64}$/, '佐证材料应先上传');

/** 发现 → 下达整改 → 整改中 → 提交整改 → 复查 → 闭环销号 → 归档 (see core/hazards/state.ts) */
export const HazardState = z.enum(['found', 'ordered', 'rectifying', 'submitted', 'reviewing', 'closed', 'archived']);
export type HazardState = z.infer<typeof HazardState>;

export const HazardAction = z.enum(['order', 'start', 'submit', 'review', 'pass', 'fail', 'archive']);
export type HazardAction = z.infer<typeof HazardAction>;

export const HazardLevel = z.enum(['general', 'major'], { message: '隐患等级应为一般隐患或重大隐患' });
export type HazardLevel = z.infer<typeof HazardLevel>;

export const HazardEvidence = z.object({ attachmentId: Id, fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() });

export const HazardEvent = z.object({
  id: Id,
  action: z.string(),
  fromState: HazardState.nullable(),
  toState: HazardState,
  at: z.string(),
  by: z.string(),
  comment: z.string().nullable(),
  evidence: z.array(HazardEvidence),
});

/** Who is alerted when a hazard is escalated: the block's lead unit and its inspectors. */
export const HazardAlert = z.object({
  leadUnit: z.object({ id: Id, name: z.string() }).nullable(),
  inspectors: z.array(z.object({ id: Id, name: z.string(), phone: z.string().nullable() })),
});

export const HazardSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  unitId: Id,
  unitName: z.string(),
  equipmentId: Id.nullable(),
  blockId: Id.nullable(),
  blockName: z.string().nullable(),
  /** 隐患编号, 2026-0012 (year registered, serial in the district); null on a row an office registered before numbers existed */
  number: z.string().nullable(),
  description: z.string(),
  level: HazardLevel,
  foundBy: z.string(),
  foundOn: z.string(),
  deadline: z.string().nullable(),
  workingDays: z.number().int().nullable(),
  measures: z.string().nullable(),
  state: HazardState,
  failCount: z.number().int(),
  closedOn: z.string().nullable(),
  archivedOn: z.string().nullable(),
  /** past its deadline while the unit has not submitted its rectification */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  escalated: z.boolean(),
  escalatedAt: z.string().nullable(),
  escalationReason: z.enum(['overdue', 'failures']).nullable(),
  sourceInspectionId: z.string().nullable(),
  /** the block's 自查 / 互查 that found it, and which of the two (issue 19) */
  sourceCheckId: z.string().nullable(),
  sourceCheckKind: z.enum(['self', 'mutual']).nullable(),
  /** the 问题反馈 it was turned into a hazard from (manager_feedback.hazard_id) */
  sourceFeedbackId: z.string().nullable(),
  /** the safety manager who reported it: the checker of a block check, the reporter of a 问题反馈 */
  reporterManagerId: z.string().nullable(),
  reporterManagerName: z.string().nullable(),
});
export type HazardSummary = z.infer<typeof HazardSummary>;

export const HazardDetail = HazardSummary.extend({
  events: z.array(HazardEvent),
  /** what this node may do now */
  actions: z.array(HazardAction),
  alert: HazardAlert.nullable(),
  /** calendar warnings for the deadline (a provisional year, a year counted Mon–Fri) */
  warnings: z.array(z.string()),
});
export type HazardDetail = z.infer<typeof HazardDetail>;

export const HazardCreateInput = z.object({
  unitId: Id.meta({ label: '使用单位' }),
  equipmentId: Id.nullish().transform((v) => v ?? null).meta({ label: '设备' }),
  description: z.string().trim().min(1, '请描述隐患').max(2000, '隐患描述不能超过 2000 个字符').meta({ label: '隐患描述' }),
  level: HazardLevel.meta({ label: '隐患等级' }),
  foundBy: z.string().trim().min(1, '请填写发现人').max(100, '发现人不能超过 100 个字符').meta({ label: '发现人' }),
  foundOn: IsoDate.meta({ label: '发现日期' }),
  measures: OptionalText(2000).meta({ label: '整改措施' }),
  comment: OptionalText(1000).meta({ label: '意见' }),
  /** evidence before (整改前照片等), staged with files.stage */
  evidence: z.array(StagedId).max(20).default([]).meta({ label: '证据照片' }),
  sourceInspectionId: OptionalText(64).meta({ label: '来源检查' }),
  /** the safety manager who reported it (a manager of a unit of the district) */
  reporterManagerId: OptionalText(64).meta({ label: '报告人' }),
});

export const HazardUpdateInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  equipmentId: Id.nullish().meta({ label: '设备' }),
  description: z.string().trim().min(1, '请描述隐患').max(2000, '隐患描述不能超过 2000 个字符').optional().meta({ label: '隐患描述' }),
  level: HazardLevel.optional().meta({ label: '隐患等级' }),
  foundBy: z.string().trim().min(1, '请填写发现人').max(100).optional().meta({ label: '发现人' }),
  foundOn: IsoDate.optional().meta({ label: '发现日期' }),
  measures: OptionalText(2000).optional().meta({ label: '整改措施' }),
});

export const HazardTransitionInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  action: HazardAction.meta({ label: '操作' }),
  comment: OptionalText(1000).meta({ label: '意见' }),
  evidence: z.array(StagedId).max(20).default([]).meta({ label: '证据照片' }),
  /** 下达整改: the order date (default today) and either working days (default by level) or a deadline */
  orderedOn: IsoDate.optional().meta({ label: '责令整改日期' }),
  workingDays: z.number().int().min(1, '整改期限应为至少 1 个工作日').max(365, '整改期限不能超过 365 个工作日').optional().meta({ label: '整改期限（工作日）' }),
  deadline: IsoDate.optional().meta({ label: '整改期限' }),
});

export const HazardListInput = z.object({
  districtId: Id.optional().meta({ label: '所属分局' }),
  state: HazardState.optional().meta({ label: '状态' }),
  /** open = every state before 闭环销号 */
  open: z.boolean().optional().meta({ label: '未办结' }),
  level: HazardLevel.optional().meta({ label: '隐患等级' }),
  blockId: Id.optional().meta({ label: '安全管理小组' }),
  unitId: Id.optional().meta({ label: '使用单位' }),
  overdue: z.boolean().optional().meta({ label: '逾期' }),
  /** 隐患编号, unit name (or its pinyin initials) or words of the description */
  search: z.string().trim().max(100).optional().meta({ label: '搜索' }),
  /** the first so many (a picker shows a few); all when omitted */
  limit: z.number().int().min(1).max(500).optional().meta({ label: '条数上限' }),
});

export const HazardStats = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  closed: z.number().int(),
  /** closed (or archived) / total; null with no hazards */
  closureRate: z.number().nullable(),
  averageClosingDays: z.number().nullable(),
  averageClosingWorkingDays: z.number().nullable(),
  byBlock: z.array(z.object({ blockId: Id.nullable(), blockName: z.string().nullable(), open: z.number().int(), overdue: z.number().int() })),
  /** every state with its count (zeros included), in the order of the closed loop */
  byState: z.array(z.object({ state: HazardState, count: z.number().int() })),
  /** per district office (the bureau's table; one row at an office) */
  byDistrict: z.array(z.object({ districtId: Id, districtName: z.string(), total: z.number().int(), open: z.number().int(), overdue: z.number().int(), closed: z.number().int() })),
});
export type HazardStats = z.infer<typeof HazardStats>;

export const HazardSettings = z.object({
  /** default 整改期限 in working days: 一般隐患 / 重大隐患 */
  generalWorkingDays: z.number().int().min(1).max(365).default(10).meta({ label: '一般隐患整改期限（工作日）' }),
  majorWorkingDays: z.number().int().min(1).max(365).default(30).meta({ label: '重大隐患整改期限（工作日）' }),
});
export type HazardSettings = z.infer<typeof HazardSettings>;
export const HazardSettingsUpdate = HazardSettings.partial();

export const DeadlinePreviewInput = z.object({ from: IsoDate.meta({ label: '起算日期' }), workingDays: z.number().int().min(1, '整改期限应为至少 1 个工作日').max(365).meta({ label: '整改期限（工作日）' }) });
export const DeadlinePreview = z.object({ deadline: z.string(), warnings: z.array(z.string()) });
