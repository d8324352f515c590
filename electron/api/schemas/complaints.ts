import { z } from 'zod';
import { Id, OptionalPhone, OptionalText } from './common.ts';
import { IsoDate } from './registry.ts';

// 投诉举报与奖励 (issue 8): a district office's complaint register, its handling and
// the rewards of 国市监稽规〔2021〕4号 (or a local scheme), proposed by the app and
// approved by a person. Money crosses the contract in fen (integers); the user's
// yuan are parsed exactly (Yuan below), never through a float.

/** in the order of the form; '12345' is a number-like key, so z.enum's options would list it first */
export const complaintChannels = ['phone', '12345', 'letter', 'visit', 'online'] as const;
export const ComplaintChannel = z.enum(complaintChannels, { message: '受理渠道应为电话、12345、来信、来访或网络' });
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

export const ComplaintOutcome = z.enum(['substantiated', 'partly', 'unfounded'], { message: '处理结果应为查实、部分查实或不实' });
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

/** received (已登记) → handling (办理中) → handled (已办结) */
export const ComplaintState = z.enum(['received', 'handling', 'handled']);
export type ComplaintState = z.infer<typeof ComplaintState>;

export const RewardScheme = z.enum(['national', 'local'], { message: '奖励标准应为国家标准或本地标准' });
export type RewardScheme = z.infer<typeof RewardScheme>;

export const RewardState = z.enum(['proposed', 'approved', 'rejected', 'paid']);
export type RewardState = z.infer<typeof RewardState>;

export const RewardLevel = z.number({ message: '奖励等级应为一级、二级或三级' }).int().min(1, '奖励等级应为一级、二级或三级').max(3, '奖励等级应为一级、二级或三级');

/** What the person may do with a complaint now, at this node. */
export const ComplaintAction = z.enum(['edit', 'handle', 'proposeReward']);
export type ComplaintAction = z.infer<typeof ComplaintAction>;

/** Yuan as typed (200000, "200,000.00", "1.5"): at most two decimals, up to ¥10 billion, to fen exactly. */
export const Yuan = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const text = String(v).replace(/[,，\s]/g, '');
    const match = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text === '' ? '0' : text);
    if (!match || Number(match[1]) > 10_000_000_000) {
      ctx.addIssue({ code: 'custom', message: '金额应为不小于 0 的元数，最多两位小数（例如 200000 或 1500.50）' });
      return z.NEVER;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  });

const Text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字符`);

/** The reporter as given: a natural person, or nobody named (anonymous). */
export const ReporterInput = z.object({
  name: OptionalText(50).meta({ label: '姓名' }),
  phone: OptionalPhone.meta({ label: '联系电话' }),
  idNumber: OptionalText(30).meta({ label: '身份证号' }),
  address: OptionalText(200).meta({ label: '地址' }),
});

export const ComplaintCreateInput = z.object({
  receivedOn: IsoDate.meta({ label: '受理日期' }),
  channel: ComplaintChannel.meta({ label: '渠道' }),
  anonymous: z.boolean().default(false).meta({ label: '匿名' }),
  reporter: ReporterInput.default({ name: null, phone: null, idNumber: null, address: null }).meta({ label: '举报人' }),
  /** 举报人为本局工作人员: registered, but never rewarded */
  bureauStaff: z.boolean().default(false).meta({ label: '本局工作人员' }),
  content: Text('举报内容', 4000).meta({ label: '内容' }),
  /** the unit from the ledger, or the name as the reporter gave it */
  unitId: Id.nullish().transform((v) => v ?? null).meta({ label: '使用单位' }),
  unitName: OptionalText(100).meta({ label: '单位名称' }),
  equipmentId: Id.nullish().transform((v) => v ?? null).meta({ label: '设备' }),
  /** default: the setting's working days after receivedOn */
  handlingDeadline: IsoDate.nullish().transform((v) => v ?? null).meta({ label: '处理期限' }),
});

export const ComplaintUpdateInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  receivedOn: IsoDate.optional().meta({ label: '受理日期' }),
  channel: ComplaintChannel.optional().meta({ label: '渠道' }),
  anonymous: z.boolean().optional().meta({ label: '匿名' }),
  reporter: ReporterInput.optional().meta({ label: '举报人' }),
  bureauStaff: z.boolean().optional().meta({ label: '本局工作人员' }),
  content: Text('举报内容', 4000).optional().meta({ label: '内容' }),
  unitId: Id.nullish().meta({ label: '使用单位' }),
  unitName: OptionalText(100).optional().meta({ label: '单位名称' }),
  equipmentId: Id.nullish().meta({ label: '设备' }),
  handlingDeadline: IsoDate.optional().meta({ label: '处理期限' }),
});

export const ComplaintHandleInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  handlingResult: Text('处理情况', 4000).meta({ label: '处理情况' }),
  /** with an outcome the complaint is 办结; without, its progress is recorded (办理中) */
  outcome: ComplaintOutcome.nullish().transform((v) => v ?? null).meta({ label: '结果' }),
  handledOn: IsoDate.nullish().transform((v) => v ?? null).meta({ label: '办结日期' }),
  linkedInspectionId: Id.nullish().transform((v) => v ?? null).meta({ label: '关联检查' }),
  linkedHazardId: Id.nullish().transform((v) => v ?? null).meta({ label: '关联隐患' }),
});

export const ComplaintListInput = z.object({
  districtId: Id.optional().meta({ label: '所属分局' }),
  state: ComplaintState.optional().meta({ label: '状态' }),
  channel: ComplaintChannel.optional().meta({ label: '渠道' }),
  outcome: ComplaintOutcome.optional().meta({ label: '结果' }),
  overdue: z.boolean().optional().meta({ label: '逾期' }),
  unitId: Id.optional().meta({ label: '使用单位' }),
  search: z.string().trim().max(100).optional().meta({ label: '搜索' }),
});

export const RewardBrief = z.object({ id: Id, state: RewardState, proposedFen: z.number().int(), approvedFen: z.number().int().nullable() });

export const ComplaintSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  districtName: z.string(),
  receivedOn: z.string(),
  channel: ComplaintChannel,
  anonymous: z.boolean(),
  /** 王**; null when anonymous */
  reporterMasked: z.string().nullable(),
  content: z.string(),
  unitId: Id.nullable(),
  /** the ledger's name, or the one typed */
  unitName: z.string().nullable(),
  equipmentId: Id.nullable(),
  equipmentLabel: z.string().nullable(),
  handlingDeadline: z.string(),
  handlingResult: z.string().nullable(),
  handledOn: z.string().nullable(),
  outcome: ComplaintOutcome.nullable(),
  linkedInspectionId: z.string().nullable(),
  linkedHazardId: z.string().nullable(),
  state: ComplaintState,
  /** not handled and past the handling deadline, as of today */
  overdue: z.boolean(),
  /** the reward being worked on or granted (a rejected one only when it is the last) */
  reward: RewardBrief.nullable(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const Reward = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  complaintId: Id,
  districtId: Id,
  scheme: RewardScheme,
  level: z.number().int(),
  finesFen: z.number().int(),
  confiscatedFen: z.number().int(),
  proposedFen: z.number().int(),
  basis: z.string(),
  approvedFen: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  state: RewardState,
  adjustReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Reward = z.infer<typeof Reward>;

/** The full reporter: only in the register's detail, only at the office that holds it. */
export const Reporter = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  bureauStaff: z.boolean(),
});
export type Reporter = z.infer<typeof Reporter>;

export const ComplaintDetail = ComplaintSummary.extend({
  /** null at the bureau (reporters never travel) */
  reporter: Reporter.nullable(),
  rewards: z.array(Reward),
  linkedHazard: z.object({ id: Id, number: z.string().nullable(), unitName: z.string(), description: z.string(), foundOn: z.string(), state: z.string() }).nullable(),
  actions: z.array(ComplaintAction),
  /** why no reward can be proposed now (null when one can) */
  rewardRefusal: z.string().nullable(),
  /** calendar warnings for the handling deadline (a provisional year, a year counted Mon–Fri) */
  warnings: z.array(z.string()),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const RewardProposeInput = z.object({
  complaintId: Id.meta({ label: '投诉举报' }),
  /** the complaint's version the user saw */
  version: z.number().int().meta({ label: '版本' }),
  scheme: RewardScheme.meta({ label: '奖励标准' }),
  level: RewardLevel.meta({ label: '等级' }),
  finesYuan: Yuan.default(0).meta({ label: '罚款金额' }),
  confiscatedYuan: Yuan.default(0).meta({ label: '没收金额' }),
});

export const RewardPreviewInput = RewardProposeInput.omit({ complaintId: true, version: true });
export const RewardPreview = z.object({ proposedFen: z.number().int(), basis: z.string(), minimumFen: z.number().int(), capFen: z.number().int() });
export type RewardPreview = z.infer<typeof RewardPreview>;

export const RewardApproveInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  /** the person who approves (审批人) */
  approvedBy: Text('审批人', 50).meta({ label: '审批人' }),
  approvedOn: IsoDate.nullish().transform((v) => v ?? null).meta({ label: '审批日期' }),
  /** another amount than proposed, within the scheme's minimum and cap, with a reason */
  approvedYuan: Yuan.nullish().transform((v) => v ?? null).meta({ label: '审批金额' }),
  reason: OptionalText(500).meta({ label: '原因' }),
});

export const RewardRejectInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), reason: Text('不予奖励的理由', 500).meta({ label: '原因' }) });

export const RewardPaidInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), paidOn: IsoDate.nullish().transform((v) => v ?? null).meta({ label: '发放日期' }), note: OptionalText(500).meta({ label: '说明' }) });

/** A reward with its complaint (masked), for the approval form. */
export const RewardDetail = z.object({ reward: Reward, complaint: ComplaintSummary });
export type RewardDetail = z.infer<typeof RewardDetail>;

/** One level of a scheme: a share of the fines and confiscations (basis points: 500 = 5%) with a minimum. */
export const SchemeLevel = z.object({
  rateBp: z.number().int().min(0, '比例不能为负').max(10_000, '比例不能超过 100%'),
  minimumFen: z.number().int().min(0, '最低金额不能为负'),
});
export const SchemeRules = z
  .object({
    /** 一级, 二级, 三级 */
    levels: z.tuple([SchemeLevel, SchemeLevel, SchemeLevel]).meta({ label: '等级' }),
    capFen: z.number().int().min(1, '奖励上限应大于 0').meta({ label: '奖励上限' }),
  })
  .refine((s) => s.levels.every((l) => l.minimumFen <= s.capFen), { message: '各级最低金额不能高于奖励上限', path: ['capFen'] });
export type SchemeRules = z.infer<typeof SchemeRules>;

/** 国市监稽规〔2021〕4号: 5% / 3% / 1%, at least ¥5,000 / ¥3,000 / ¥1,000, at most ¥1,000,000 a case. */
export const nationalDefault: SchemeRules = {
  levels: [
    { rateBp: 500, minimumFen: 500_000 },
    { rateBp: 300, minimumFen: 300_000 },
    { rateBp: 100, minimumFen: 100_000 },
  ],
  capFen: 100_000_000,
};

/** A local scheme of fixed amounts, ¥200 / ¥100 / ¥50 (a common 12345 pattern); the office sets its own. */
export const localDefault: SchemeRules = {
  levels: [
    { rateBp: 0, minimumFen: 20_000 },
    { rateBp: 0, minimumFen: 10_000 },
    { rateBp: 0, minimumFen: 5_000 },
  ],
  capFen: 100_000_000,
};

export const ComplaintSettings = z.object({
  /** 处理期限 in working days after the day received (15: 市场监管总局令第20号, 举报 decided within 15 working days) */
  handlingWorkingDays: z.number().int().min(1).max(365).default(15),
  national: SchemeRules.default(nationalDefault),
  local: SchemeRules.default(localDefault),
  /** the local scheme's name as printed on the form */
  localName: z.string().trim().min(1).max(100).default('本地举报奖励标准'),
});
export type ComplaintSettings = z.infer<typeof ComplaintSettings>;
export const ComplaintSettingsUpdate = z.object({
  handlingWorkingDays: z.number().int().min(1, '处理期限应为 1 到 365 个工作日').max(365, '处理期限应为 1 到 365 个工作日').optional().meta({ label: '处理期限（工作日）' }),
  national: SchemeRules.optional().meta({ label: '国家奖励标准' }),
  local: SchemeRules.optional().meta({ label: '本地奖励标准' }),
  localName: z.string().trim().min(1, '请填写本地奖励标准的名称').max(100).optional().meta({ label: '本地标准名称' }),
});

const Counts = z.object({ received: z.number().int(), handled: z.number().int(), open: z.number().int(), overdue: z.number().int() });
const Sum = z.object({ count: z.number().int(), sumFen: z.number().int() });

export const ComplaintStatsInput = z.object({ districtId: Id.optional().meta({ label: '所属分局' }), month: z.string().regex(/^\d{4}-\d{2}$/, '月份应写作 YYYY-MM').optional().meta({ label: '月份' }) });
export const ComplaintStats = z.object({
  month: z.string(),
  /** received in the month; handled = 办结 in the month; open/overdue of those received in the month */
  thisMonth: Counts,
  all: Counts,
  byChannel: z.array(z.object({ channel: ComplaintChannel, received: z.number().int(), thisMonth: z.number().int() })),
  byOutcome: z.array(z.object({ outcome: ComplaintOutcome, count: z.number().int() })),
  rewards: z.object({
    /** waiting for approval: proposed amounts */
    proposed: Sum,
    /** approved or paid: approved amounts */
    approved: Sum,
    paid: Sum,
    rejected: z.number().int(),
    /** approved in the month */
    approvedThisMonth: Sum,
  }),
});
export type ComplaintStats = z.infer<typeof ComplaintStats>;
