import { z } from 'zod';
import { Id, OptionalText } from './common.ts';
import { PublicityFigures } from './publicity.ts';

// 月度工作小结 (issue 8): each district office reports its month to the city bureau by
// the due day (the 25th by default, a setting). The figures are pre-filled from the
// office's own data and frozen on submission; the narrative (工作经验 / 存在问题 /
// 意见建议, as the seed asks) is the office's. The bureau answers with a review
// (退回 with a comment, or 已收), which reaches that office only.

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM（如 2026-12）');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const StagedId = z.string().regex(/^[0-9a-f]{64}$/, '附件应先上传');

/** What the office stored: 草稿 / 已报送 (final) / 已退回 (being revised after the bureau's return). */
export const SummaryStoredState = z.enum(['draft', 'submitted', 'returned']);
export type SummaryStoredState = z.infer<typeof SummaryStoredState>;

/** What a summary is, the office's row and the bureau's answer together (see core/summaries/summary-status.ts). */
export const SummaryStatus = z.enum(['not_started', 'draft', 'submitted', 'received', 'returned']);
export type SummaryStatus = z.infer<typeof SummaryStatus>;

/** 按时报送 / 逾期报送 / 未报（past the due date, nothing submitted) / 待报送 (not yet due). */
export const Timeliness = z.enum(['on_time', 'late', 'missing', 'pending']);
export type Timeliness = z.infer<typeof Timeliness>;

/** A count this office's database cannot give (training is run by the training centre): 无数据, not 0. */
const Count = z.number().int().nullable();

export const SummaryFigures = z.object({
  /** the shape of this object: frozen figures keep the version they were made with */
  version: z.literal(1),
  computedAt: z.string(),
  /** the calendar month (Asia/Shanghai) and the date snapshot counts are taken on: its last day, or today in the current month */
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  registry: z.object({ units: z.number().int(), list1Units: z.number().int(), list2Managers: z.number().int() }),
  blocks: z.object({
    active: z.number().int(),
    formed: z.number().int(),
    withProblems: z.number().int(),
    problems: z.array(z.object({ code: z.string(), count: z.number().int() })),
  }),
  demo: z.object({
    passed: z.number().int(),
    inProgress: z.number().int(),
    returned: z.number().int(),
    revoked: z.number().int(),
    passedInMonth: z.number().int(),
  }),
  training: z.object({
    sessions: Count,
    candidates: Count,
    passed: Count,
    /** passed / candidates, 0–1; null without results */
    passRate: z.number().nullable(),
    supervisorsCertified: Count,
  }),
  inspections: z.object({ done: z.number().int(), ordersIssued: z.number().int() }),
  hazards: z.object({ found: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  complaints: z.object({
    received: z.number().int(),
    handled: z.number().int(),
    rewardsApproved: z.number().int(),
    rewardsApprovedFen: z.number().int(),
  }),
  // ---- 块的日常 and 链's 问题反馈 (issue 19); absent from figures frozen before they were counted ----
  /** final 自查 / 互查 and meetings held in the month; activities of the 活动安排 overdue on asOf */
  routine: z.object({ selfChecks: z.number().int(), mutualChecks: z.number().int(), meetings: z.number().int(), activitiesOverdue: z.number().int() }).optional(),
  /** 问题反馈 received, answered, turned into hazards and closed in the month */
  feedback: z.object({ received: z.number().int(), answered: z.number().int(), toHazard: z.number().int(), closed: z.number().int() }).optional(),
  // 宣传与进企业培训 (issue 19): absent in figures frozen before the log existed
  publicity: PublicityFigures.optional(),
});
export type SummaryFigures = z.infer<typeof SummaryFigures>;

/** One line of the figures table, worded once in the core for the page, the print and the .docx. */
export const FigureRow = z.object({ key: z.string(), section: z.string(), label: z.string(), value: z.string(), note: z.string().nullable() });
export type FigureRow = z.infer<typeof FigureRow>;

export const SummaryAttachment = z.object({ attachmentId: Id, fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() });

export const SummaryReview = z.object({
  id: Id,
  action: z.enum(['return', 'receive']),
  comment: z.string().nullable(),
  /** the submission it answers */
  submittedAt: z.string(),
  reviewedOn: z.string(),
  reviewedBy: z.string(),
  createdAt: z.string(),
});
export type SummaryReview = z.infer<typeof SummaryReview>;

export const SummaryDetail = z.object({
  /** null: nothing saved yet for this month (a new summary with live figures) */
  id: Id.nullable(),
  version: z.number().int().nullable(),
  month: Month,
  officeNode: z.string(),
  districtId: Id,
  districtName: z.string(),
  /** 塘桥分局2026年12月特种设备“区、块、链”监管工作小结 */
  title: z.string(),
  /** 张家港市市场监督管理局塘桥分局: the signature */
  authority: z.string(),
  dueOn: z.string(),
  storedState: SummaryStoredState.nullable(),
  status: SummaryStatus,
  timeliness: Timeliness,
  figures: SummaryFigures.nullable(),
  rows: z.array(FigureRow),
  /** frozen (submitted) or live (a draft's, refreshed on demand) */
  figuresFrozen: z.boolean(),
  experience: z.string().nullable(),
  problems: z.string().nullable(),
  proposals: z.string().nullable(),
  narrative: z.string().nullable(),
  attachments: z.array(SummaryAttachment),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** at the bureau: when this submission arrived (the import of its bundle), by which 按时 / 逾期 is judged */
  receivedAt: z.string().nullable(),
  /** every answer of the bureau, oldest first */
  reviews: z.array(SummaryReview),
  /** the bureau's answer to the current submission (or, while revising, to the one returned) */
  latestReview: SummaryReview.nullable(),
  /** this node may change the text and attachments and submit */
  editable: z.boolean(),
  /** this node (the bureau) may return it or mark it received */
  reviewable: z.boolean(),
});
export type SummaryDetail = z.infer<typeof SummaryDetail>;

export const SummaryListItem = z.object({
  month: Month,
  id: Id.nullable(),
  dueOn: z.string(),
  status: SummaryStatus,
  timeliness: Timeliness,
  submittedAt: z.string().nullable(),
  latestReview: SummaryReview.nullable(),
});
export type SummaryListItem = z.infer<typeof SummaryListItem>;

export const SummaryGetInput = z.object({
  month: Month.meta({ label: '月份' }),
  /** the bureau names the office; an office reads its own */
  officeNode: Id.optional().meta({ label: '分局节点' }),
});

const Narrative = (max: number) => OptionalText(max);

export const SummarySaveInput = z.object({
  month: Month.meta({ label: '月份' }),
  /** null for the first save of the month */
  version: z.number().int().nullable().meta({ label: '版本' }),
  experience: Narrative(5000).meta({ label: '经验做法' }),
  problems: Narrative(5000).meta({ label: '存在问题' }),
  proposals: Narrative(5000).meta({ label: '意见建议' }),
  narrative: Narrative(5000).meta({ label: '工作总结' }),
  /** the attachments kept (ids of this summary's attachments), the others removed from it; absent: all kept */
  keepAttachmentIds: z.array(Id).max(20).optional().meta({ label: '保留的附件' }),
  /** new files, staged with files.stage */
  stagedIds: z.array(StagedId).max(20).default([]).meta({ label: '附件' }),
});

export const SummaryVersionInput = z.object({ month: Month.meta({ label: '月份' }), version: z.number().int().meta({ label: '版本' }) });

export const SummaryStatusOutput = z.object({
  /** false on the bureau and the training centre: they write no summary */
  applicable: z.boolean(),
  month: Month,
  dueOn: z.string(),
  /** calendar days from today to the due date (negative once past) */
  daysLeft: z.number().int(),
  /** from the countdown day (the 15th by default) until submitted */
  showCountdown: z.boolean(),
  status: SummaryStatus,
  timeliness: Timeliness,
});
export type SummaryStatusOutput = z.infer<typeof SummaryStatusOutput>;

export const SummarySettings = z.object({
  /** 报送截止日: day of the month (a later day than the month has means its last day) */
  dueDay: z.number().int().min(1).max(31).default(25).meta({ label: '截止日' }),
  /** the home page counts down from this day of the month */
  countdownFromDay: z.number().int().min(1).max(31).default(15).meta({ label: '倒计时起始日' }),
});
export type SummarySettings = z.infer<typeof SummarySettings>;
export const SummarySettingsUpdate = SummarySettings.partial();

export const CityViewInput = z.object({
  /** the last month shown (default: this month) */
  to: Month.optional().meta({ label: '截止日期' }),
  count: z.number().int().min(1, '至少显示 1 个月').max(24, '最多显示 24 个月').default(6).meta({ label: '月数' }),
});

export const CityCell = z.object({
  month: Month,
  summaryId: Id.nullable(),
  dueOn: z.string(),
  /** not_expected: a month before the office was enrolled at the bureau */
  status: SummaryStatus.or(z.literal('not_expected')),
  timeliness: Timeliness.nullable(),
  submittedAt: z.string().nullable(),
  /** when the submission arrived at the bureau: what 按时 / 逾期 is judged by */
  receivedAt: z.string().nullable(),
  latestReview: SummaryReview.nullable(),
});
export type CityCell = z.infer<typeof CityCell>;

export const CityView = z.object({
  months: z.array(Month),
  today: z.string(),
  offices: z.array(z.object({ nodeId: z.string(), nodeName: z.string(), districtId: z.string().nullable(), districtName: z.string().nullable(), cells: z.array(CityCell) })),
});
export type CityView = z.infer<typeof CityView>;

export const SummaryReviewInput = z.object({
  summaryId: Id.meta({ label: '工作总结' }),
  /** the submission the bureau read: a newer one is not answered unseen */
  submittedAt: z.string().min(1).meta({ label: '提交时间' }),
  action: z.enum(['return', 'receive'], { message: '请选择退回或已收' }).meta({ label: '操作' }),
  comment: OptionalText(1000).meta({ label: '审阅意见' }),
});
