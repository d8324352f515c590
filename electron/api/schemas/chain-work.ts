import { z } from 'zod';
import { SupervisorCertificateRef } from './blocks.ts';
import { Id, OptionalText } from './common.ts';
import { IsoDate, StagedId } from './inspections.ts';

// 链 at work (issue 19): the safety managers' 问题反馈 — registered, answered or turned into
// a hazard, closed — and the 安全监督员's work log (electron/core/chain-work).

/** registered 已登记 → answered 已答复 / hazard 已转隐患 → closed 已办结 */
export const FeedbackState = z.enum(['registered', 'answered', 'hazard', 'closed']);
export type FeedbackState = z.infer<typeof FeedbackState>;

export const Feedback = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  managerId: Id,
  managerName: z.string(),
  managerUnitId: Id,
  managerUnitName: z.string(),
  blockId: Id.nullable(),
  blockName: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  equipmentId: Id.nullable(),
  equipmentCode: z.string().nullable(),
  reportedOn: z.string(),
  takenByKind: z.enum(['inspector', 'lead_unit']),
  takenByInspectorId: Id.nullable(),
  takenByName: z.string(),
  content: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answeredBy: z.string().nullable(),
  hazardId: Id.nullable(),
  hazardState: z.string().nullable(),
  hazardDescription: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  state: FeedbackState,
  /** what this node may do now */
  actions: z.array(z.enum(['edit', 'answer', 'hazard', 'close'])),
});
export type Feedback = z.infer<typeof Feedback>;

/** One manager's reports, counted: the chain page's table per manager. */
export const FeedbackByManager = z.object({
  managerId: Id,
  managerName: z.string(),
  unitName: z.string(),
  blockName: z.string().nullable(),
  received: z.number().int(),
  open: z.number().int(),
  answered: z.number().int(),
  hazards: z.number().int(),
  closed: z.number().int(),
});
export type FeedbackByManager = z.infer<typeof FeedbackByManager>;

export const FeedbackListInput = z.object({ managerId: Id.optional().meta({ label: '安全管理员' }), blockId: Id.optional().meta({ label: '安全管理小组' }), state: FeedbackState.optional().meta({ label: '状态' }), open: z.boolean().optional().meta({ label: '未办结' }) });
export const FeedbackList = z.object({ items: z.array(Feedback), byManager: z.array(FeedbackByManager) });
export type FeedbackList = z.infer<typeof FeedbackList>;

export const TakenBy = z.discriminatedUnion('kind', [z.object({ kind: z.literal('inspector').meta({ label: '类型' }), inspectorId: Id.meta({ label: '监察人员' }) }), z.object({ kind: z.literal('lead_unit') })], {
  message: '请选择接收人：监察人员或小组牵头单位',
});

export const FeedbackSaveInput = z.object({
  /** absent: register a new report; present: correct one still 已登记 */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  managerId: Id.meta({ label: '安全管理员' }),
  reportedOn: IsoDate.meta({ label: '反映日期' }),
  takenBy: TakenBy.meta({ label: '接收人' }),
  content: z.string().trim().min(1, '请填写反馈内容').max(4000, '反馈内容不能超过 4000 个字符').meta({ label: '内容' }),
  /** the unit concerned; default the manager's own */
  unitId: Id.nullish().transform((v) => v ?? null).meta({ label: '使用单位' }),
  equipmentId: Id.nullish().transform((v) => v ?? null).meta({ label: '设备' }),
});
export type FeedbackSaveInput = z.input<typeof FeedbackSaveInput>;

export const FeedbackAnswerInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  answer: z.string().trim().min(1, '请填写答复内容').max(4000, '答复内容不能超过 4000 个字符').meta({ label: '答复' }),
  answeredBy: z.string().trim().min(1, '请填写答复人').max(50, '答复人不能超过 50 个字符').meta({ label: '答复人' }),
  answeredOn: IsoDate.optional().meta({ label: '答复日期' }),
});

/** Turned into a new hazard (description, level …) or linked with an existing one (hazardId). */
export const FeedbackHazardInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  hazardId: Id.optional().meta({ label: '隐患' }),
  description: OptionalText(2000).meta({ label: '隐患描述' }),
  level: z.enum(['general', 'major'], { message: '隐患等级应为一般隐患或重大隐患' }).optional().meta({ label: '隐患等级' }),
  measures: OptionalText(2000).meta({ label: '整改措施' }),
  evidence: z.array(StagedId).max(20).default([]).meta({ label: '证据照片' }),
});

export const FeedbackCloseInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), note: OptionalText(1000).meta({ label: '说明' }), closedOn: IsoDate.optional().meta({ label: '办结日期' }) });

// ---- the supervisors' work ----

export const WorkKind = z.enum(['check', 'feedback', 'meeting', 'inspection', 'training', 'other'], { message: '工作类型应为检查、反馈、会议、专项检查、培训或其他' });
export type WorkKind = z.infer<typeof WorkKind>;

/** One thing a supervisor did: derived from a record (a check, a report, a meeting, an inspection) or entered by hand. */
export const WorkLogEntry = z.object({
  /** the record's or the manual entry's id */
  id: Id,
  source: z.enum(['self_check', 'mutual_check', 'feedback', 'meeting', 'inspection', 'manual']),
  kind: WorkKind,
  on: z.string(),
  text: z.string(),
  blockName: z.string().nullable(),
  /** a manual entry this node made and may remove */
  removable: z.boolean(),
  version: z.number().int().nullable(),
});
export type WorkLogEntry = z.infer<typeof WorkLogEntry>;

export const SupervisorWork = z.object({
  managerId: Id,
  name: z.string(),
  unitName: z.string(),
  districtId: Id,
  districtName: z.string(),
  blockNames: z.array(z.string()),
  certificate: SupervisorCertificateRef.nullable(),
  lastActiveOn: z.string().nullable(),
  active: z.boolean(),
  counts: z.object({ checks: z.number().int(), feedback: z.number().int(), meetings: z.number().int(), inspections: z.number().int(), manual: z.number().int() }),
});
export type SupervisorWork = z.infer<typeof SupervisorWork>;

export const SupervisorWorkOutput = z.object({
  asOf: z.string(),
  activeDays: z.number().int(),
  /** the first day counted as recent: asOf − activeDays */
  activeSince: z.string(),
  supervisors: z.array(SupervisorWork),
});
export type SupervisorWorkOutput = z.infer<typeof SupervisorWorkOutput>;

export const SupervisorLogInput = z.object({ managerId: Id.meta({ label: '安全管理员' }), from: IsoDate.optional().meta({ label: '起始日期' }), to: IsoDate.optional().meta({ label: '截止日期' }) });

export const SupervisorWorkAddInput = z.object({
  managerId: Id.meta({ label: '安全管理员' }),
  doneOn: IsoDate.meta({ label: '工作日期' }),
  kind: WorkKind.meta({ label: '类型' }),
  content: z.string().trim().min(1, '请填写工作内容').max(1000, '工作内容不能超过 1000 个字符').meta({ label: '内容' }),
  blockId: Id.nullish().transform((v) => v ?? null).meta({ label: '安全管理小组' }),
});

export const ChainWorkSettings = z.object({
  /** a supervisor who did something in the last N days counts as active */
  activeDays: z.number().int().min(7, '活跃天数应在 7 到 730 之间').max(730, '活跃天数应在 7 到 730 之间').default(90).meta({ label: '活跃天数' }),
});
export type ChainWorkSettings = z.infer<typeof ChainWorkSettings>;
export const ChainWorkSettingsUpdate = ChainWorkSettings.partial().strict();
