import { z } from 'zod';
import { Id, OptionalText } from './common.ts';
import { IsoDate, ItemResult, RecordFile, RecordItem, StagedId } from './inspections.ts';

// 块的日常 (issue 19): a block's 活动安排 as rules, the due activities they generate, and
// the records that fulfil them — 自查 and 互查 against the inspection checklists, meetings
// and 交流学习 (electron/core/routine).

export const ActivityKind = z.enum(['self_check', 'mutual_check', 'meeting'], { message: '活动类型应为自查、互查或会议（交流学习）' });
export type ActivityKind = z.infer<typeof ActivityKind>;
export const Frequency = z.enum(['monthly', 'quarterly', 'custom'], { message: '频次应为每月、每季度或指定日期' });
export type Frequency = z.infer<typeof Frequency>;

export const ScheduleRule = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  blockId: Id,
  kind: ActivityKind,
  frequency: Frequency,
  dueDay: z.number().int().nullable(),
  dates: z.array(z.string()),
  startsOn: z.string(),
  endedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** 每月（25 日前）自查 …, worded once in the core */
  label: z.string(),
});
export type ScheduleRule = z.infer<typeof ScheduleRule>;

export const ScheduleRuleSaveInput = z.object({
  /** absent: a new rule of the block */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  blockId: Id.meta({ label: '安全管理小组' }),
  kind: ActivityKind.meta({ label: '类型' }),
  frequency: Frequency.meta({ label: '频次' }),
  dueDay: z.number().int().min(1, '截止日应在 1 到 31 之间').max(31, '截止日应在 1 到 31 之间').nullish().transform((v) => v ?? null).meta({ label: '截止日' }),
  dates: z.array(IsoDate).max(60, '指定日期最多 60 个').default([]).meta({ label: '日期' }),
  startsOn: IsoDate.meta({ label: '开始日期' }),
  endedOn: IsoDate.nullish().transform((v) => v ?? null).meta({ label: '结束日期' }),
  notes: OptionalText(200).meta({ label: '备注' }),
});

/** One due activity: done (a record exists in its period), overdue (its due date passed without one) or open. */
export const DueActivity = z.object({
  ruleId: Id,
  kind: ActivityKind,
  /** 2026年3月 / 2026年第1季度 / 2026-03-20 */
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  status: z.enum(['done', 'overdue', 'open']),
  /** the records that fulfil it (checks or meetings) */
  recordIds: z.array(Id),
  /** 自查: every member unit checks itself; the members due and those without a final self-check */
  unitsDue: z.number().int().nullable(),
  unitsMissing: z.array(z.object({ unitId: Id, name: z.string() })),
});
export type DueActivity = z.infer<typeof DueActivity>;

export const BlockCalendar = z.object({
  blockId: Id,
  blockName: z.string(),
  districtName: z.string(),
  rules: z.array(ScheduleRule),
  activities: z.array(DueActivity),
  overdue: z.number().int(),
});
export type BlockCalendar = z.infer<typeof BlockCalendar>;

export const CalendarInput = z.object({ blockId: Id.optional().meta({ label: '安全管理小组' }), asOf: IsoDate.optional().meta({ label: '截至日期' }) });
export const CalendarOutput = z.object({ asOf: z.string(), blocks: z.array(BlockCalendar) });
export type CalendarOutput = z.infer<typeof CalendarOutput>;

// ---- 自查 and 互查 ----

export const CheckKind = z.enum(['self', 'mutual'], { message: '检查类型应为自查或互查' });
export type CheckKind = z.infer<typeof CheckKind>;

export const BlockCheckSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  blockId: Id,
  blockName: z.string(),
  kind: CheckKind,
  checkedUnitId: Id,
  checkedUnitName: z.string(),
  checkerUnitId: Id,
  checkerUnitName: z.string(),
  checkerManagerId: Id,
  checkerManagerName: z.string(),
  checkedOn: z.string(),
  state: z.enum(['draft', 'final']),
  problems: z.number().int(),
  hazards: z.number().int(),
  mine: z.boolean(),
});
export type BlockCheckSummary = z.infer<typeof BlockCheckSummary>;

export const BlockCheckDetail = BlockCheckSummary.extend({
  checklistKey: z.string(),
  checklistVersion: z.number().int(),
  checklistName: z.string(),
  items: z.array(RecordItem),
  findings: z.string().nullable(),
  checkedSigner: z.string().nullable(),
  files: z.array(RecordFile),
  foundHazards: z.array(z.object({ id: Id, description: z.string(), level: z.enum(['general', 'major']), state: z.string() })),
  actions: z.array(z.enum(['edit', 'finalize', 'finding'])),
});
export type BlockCheckDetail = z.infer<typeof BlockCheckDetail>;

export const BlockCheckListInput = z.object({ blockId: Id.optional().meta({ label: '安全管理小组' }), kind: CheckKind.optional().meta({ label: '类型' }), managerId: Id.optional().meta({ label: '安全管理员' }) });

export const BlockCheckSaveInput = z.object({
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  blockId: Id.meta({ label: '安全管理小组' }),
  kind: CheckKind.meta({ label: '类型' }),
  checkedUnitId: Id.meta({ label: '被检查单位' }),
  checkerManagerId: Id.meta({ label: '检查人' }),
  checkedOn: IsoDate.meta({ label: '检查日期' }),
  /** a new check pins this checklist (default the common items); ignored on an edit */
  checklistKey: z.string().min(1).max(60).default('common').meta({ label: '检查表' }),
  checklistVersion: z.number().int().min(1).default(1).meta({ label: '检查表版本' }),
  items: z.array(z.object({ code: z.string().min(1).meta({ label: '项目编号' }), result: ItemResult.nullable().meta({ label: '检查结果' }), note: OptionalText(500).meta({ label: '说明' }) })).max(300).default([]).meta({ label: '检查项目' }),
  findings: OptionalText(4000).meta({ label: '检查发现' }),
  checkedSigner: OptionalText(50).meta({ label: '被检查单位签字人' }),
  addFiles: z.array(StagedId).max(30).default([]).meta({ label: '新增附件' }),
  removeFiles: z.array(Id).max(30).default([]).meta({ label: '删除的附件' }),
});
export type BlockCheckSaveInput = z.input<typeof BlockCheckSaveInput>;

export const CheckFindingInput = z.object({
  checkId: Id.meta({ label: '检查记录' }),
  description: z.string().trim().min(1, '请描述隐患').max(2000, '隐患描述不能超过 2000 个字符').meta({ label: '问题描述' }),
  level: z.enum(['general', 'major'], { message: '隐患等级应为一般隐患或重大隐患' }).meta({ label: '隐患等级' }),
  equipmentId: Id.nullish().transform((v) => v ?? null).meta({ label: '设备' }),
  measures: OptionalText(2000).meta({ label: '整改措施' }),
  evidence: z.array(StagedId).max(20).default([]).meta({ label: '证据照片' }),
});

// ---- meetings and 交流学习 ----

export const Participant = z.object({
  kind: z.enum(['manager', 'inspector', 'other'], { message: '参加人员应为安全管理员、监察人员或其他人员' }).meta({ label: '参会人员类型' }),
  /** a safety manager's or an inspector's id; absent for others */
  id: Id.optional().meta({ label: '编号' }),
  name: z.string().trim().max(50, '姓名不能超过 50 个字符').default('').meta({ label: '姓名' }),
  /** on read: the manager's unit */
  unitName: z.string().nullable().optional().meta({ label: '单位名称' }),
});
export type Participant = z.infer<typeof Participant>;

export const BlockMeeting = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  blockId: Id,
  blockName: z.string(),
  kind: z.enum(['meeting', 'exchange']),
  heldOn: z.string(),
  topic: z.string(),
  place: z.string().nullable(),
  participants: z.array(Participant),
  minutes: z.string().nullable(),
  files: z.array(RecordFile),
  mine: z.boolean(),
});
export type BlockMeeting = z.infer<typeof BlockMeeting>;

export const BlockMeetingSaveInput = z.object({
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  blockId: Id.meta({ label: '安全管理小组' }),
  kind: z.enum(['meeting', 'exchange'], { message: '请选择会议或交流学习' }).meta({ label: '类型' }),
  heldOn: IsoDate.meta({ label: '活动日期' }),
  topic: z.string().trim().min(1, '请填写会议主题').max(200, '主题不能超过 200 个字符').meta({ label: '会议主题' }),
  place: OptionalText(100).meta({ label: '地点' }),
  participants: z.array(Participant).max(100, '参加人员最多 100 人').meta({ label: '参加人数' }),
  minutes: OptionalText(8000).meta({ label: '会议纪要' }),
  addFiles: z.array(StagedId).max(30).default([]).meta({ label: '新增附件' }),
  removeFiles: z.array(Id).max(30).default([]).meta({ label: '删除的附件' }),
});
export type BlockMeetingSaveInput = z.input<typeof BlockMeetingSaveInput>;
