import { z } from 'zod';
import { AcceptanceState } from './acceptance.ts';
import { Id, OptionalEnforcementNo, OptionalPhone, OptionalText, SyncMeta } from './common.ts';
import { IsoDate } from './registry.ts';
import { RiskLevel } from './risk.ts';

// 块 (安全管理小组) and 链 (工作联系), seed section 四: blocks of 5–10 using units of one
// district that check each other, led by a demonstration unit; the chain links the
// district's inspectors (监察人员) with the member units' certified safety managers.

/** The size rule of a block: a block outside it is shown as a problem, never refused. */
export const BlockSettings = z.object({
  minSize: z.number().int().min(2, '最少成员数应在 2 到 50 之间').max(50, '最少成员数应在 2 到 50 之间').default(5),
  maxSize: z.number().int().min(2, '最多成员数应在 2 到 50 之间').max(50, '最多成员数应在 2 到 50 之间').default(10),
});
export type BlockSettings = z.infer<typeof BlockSettings>;
export const BlockSettingsUpdate = z
  .object({
    minSize: z.number().int().min(2, '最少成员数应在 2 到 50 之间').max(50, '最少成员数应在 2 到 50 之间').meta({ label: '最少成员数' }),
    maxSize: z.number().int().min(2, '最多成员数应在 2 到 50 之间').max(50, '最多成员数应在 2 到 50 之间').meta({ label: '最多成员数' }),
  })
  .partial()
  .strict();

/**
 * What the board flags on a block:
 * - too-small / too-large: outside the size settings (default 5–10);
 * - no-lead: no lead unit chosen;
 * - lead-not-demo: the lead is not an accepted demonstration unit. Acceptance arrives
 *   with issue 6; until then no unit is accepted, so every lead carries this warning;
 * - member-without-manager: a member unit without a safety manager holding a valid A
 *   certificate on the day (the rule of list 2);
 * - no-inspector: no active inspector responsible for the block;
 * - activity-overdue: an activity of its 活动安排 (自查, 互查, meeting) past its due date without a record (issue 19).
 */
export const blockProblemCodes = [
  'too-small',
  'too-large',
  'no-lead',
  'lead-not-demo',
  'member-without-manager',
  'no-inspector',
  'supervisor-without-a',
  'supervisor-not-certified',
  'activity-overdue',
] as const;
export const BlockProblemCode = z.enum(blockProblemCodes);
export type BlockProblemCode = z.infer<typeof BlockProblemCode>;

export const BlockProblem = z.object({
  code: BlockProblemCode,
  /** error: to be fixed; warning: expected for now (lead-not-demo) */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** the units the problem is about (member-without-manager) */
  unitIds: z.array(z.string()),
});
export type BlockProblem = z.infer<typeof BlockProblem>;

export const BlockMember = z.object({
  unitId: Id,
  name: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  /** pieces with status 在用 */
  equipmentInUse: z.number().int(),
  /** in-use pieces past their next inspection date, as of today (the registry's rule) */
  overdueCount: z.number().int(),
  /** safety managers with a valid A certificate today */
  validManagerCount: z.number().int(),
  joinedAt: z.string(),
  isLead: z.boolean(),
  /** the unit's demonstration-unit acceptance state (passed = an accepted 示范单位); null without a file */
  demoState: AcceptanceState.nullable(),
  /** the unit's current 风险等级 and score (issue 19) */
  riskLevel: RiskLevel.nullable().default(null),
  riskScore: z.number().int().nullable().default(null),
});
export type BlockMember = z.infer<typeof BlockMember>;

export const BlockInspectorRef = z.object({
  inspectorId: Id,
  name: z.string(),
  enforcementNo: z.string().nullable(),
  active: z.boolean(),
});

/** A safety manager's 特种设备安全监督员证 (培训考核), the best one this node knows; null without one. */
export const SupervisorCertificateRef = z.object({
  certificateNo: z.string(),
  validUntil: z.string(),
  status: z.enum(['valid', 'expiring', 'expired', 'revoked']),
});
export type SupervisorCertificateRef = z.infer<typeof SupervisorCertificateRef>;

export const BlockSupervisorRef = z.object({
  managerId: Id,
  name: z.string(),
  unitId: Id,
  unitName: z.string(),
  supervisorCertificate: SupervisorCertificateRef.nullable(),
});

export const Block = z.object({
  ...SyncMeta,
  districtId: Id,
  districtName: z.string(),
  name: z.string(),
  leadUnitId: Id.nullable(),
  leadUnitName: z.string().nullable(),
  schedule: z.string().nullable(),
  notes: z.string().nullable(),
  dissolvedAt: z.string().nullable(),
  dissolvedReason: z.string().nullable(),
  /** current members, lead first, then by name */
  members: z.array(BlockMember),
  inspectors: z.array(BlockInspectorRef),
  supervisors: z.array(BlockSupervisorRef),
  equipmentInUse: z.number().int(),
  overdueCount: z.number().int(),
  /** none for a dissolved block */
  problems: z.array(BlockProblem),
  /** the 活动安排 in force today, worded (每月互查 …), and the activities past due without a record */
  scheduleRules: z.array(z.string()),
  activitiesOverdue: z.number().int(),
  /** this node made the block and may change it */
  editable: z.boolean(),
});
export type Block = z.infer<typeof Block>;

export const BlockListInput = z.object({ includeDissolved: z.boolean().default(false).meta({ label: '含已解散' }) });
export const BlockList = z.object({
  /** the date the counts and certificate checks are made for (today, China time) */
  asOf: z.string(),
  settings: BlockSettings,
  blocks: z.array(Block),
});
export type BlockList = z.infer<typeof BlockList>;

export const BlockHistoryEvent = z.object({
  at: z.string(),
  kind: z.enum(['created', 'joined', 'left', 'inspector-assigned', 'inspector-removed', 'supervisor-assigned', 'supervisor-removed', 'dissolved']),
  /** the unit, inspector or safety manager concerned (the block's name for created/dissolved) */
  subject: z.string(),
  reason: z.string().nullable(),
});
export type BlockHistoryEvent = z.infer<typeof BlockHistoryEvent>;

export const BlockDetail = Block.extend({ history: z.array(BlockHistoryEvent) });
export type BlockDetail = z.infer<typeof BlockDetail>;

const IdList = (max: number, message: string) => z.array(Id).max(max, message);

/** The fields of a block as the dialog edits them; members, inspectors and supervisors as whole sets. */
export const BlockFields = z.object({
  name: z.string().trim().min(1, '请填写小组名称').max(60, '小组名称不能超过 60 个字符').meta({ label: '小组名称' }),
  memberUnitIds: IdList(50, '一个小组最多 50 家成员单位').meta({ label: '成员单位' }),
  /** one of memberUnitIds, or null */
  leadUnitId: Id.nullish().transform((v) => v ?? null).meta({ label: '牵头单位' }),
  inspectorIds: IdList(20, '一个小组最多 20 名监察人员').default([]).meta({ label: '监察人员' }),
  /** safety managers of member units (安全监督员, see BlockSupervisorRef) */
  supervisorManagerIds: IdList(50, '一个小组最多 50 名安全监督员').default([]).meta({ label: '安全监督员' }),
  schedule: OptionalText(50).meta({ label: '活动安排' }),
  notes: OptionalText(1000).meta({ label: '备注' }),
});

export const BlockSaveInput = BlockFields.extend({
  /** absent: create a block; present: edit it at the version the user saw */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  /** why members taken off the block left (kept in the membership history) */
  leaveReason: OptionalText(200).meta({ label: '移出原因' }),
});
export type BlockSaveInput = z.input<typeof BlockSaveInput>;

export const BlockDissolveInput = z.object({
  id: Id.meta({ label: '编号' }),
  version: z.number().int().meta({ label: '版本' }),
  reason: z.string().trim().min(1, '请填写解散原因').max(200, '解散原因不能超过 200 个字符').meta({ label: '原因' }),
});

/** A unit of the district the dialog can choose from. */
export const BlockCandidate = z.object({
  unitId: Id,
  name: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  /** the town read from the address (镇 / 街道), '' when none */
  town: z.string(),
  equipmentInUse: z.number().int(),
  /** on list 1 of the two lists today */
  listed: z.boolean(),
  validManagerCount: z.number().int(),
  /** the active block the unit is in, if any */
  blockId: Id.nullable(),
  blockName: z.string().nullable(),
  /** the unit's demonstration-unit acceptance state; null without a file */
  demoState: AcceptanceState.nullable(),
});
export type BlockCandidate = z.infer<typeof BlockCandidate>;

export const BlockManager = z.object({
  managerId: Id,
  unitId: Id,
  unitName: z.string(),
  name: z.string(),
  itemCode: z.string().nullable(),
  certificateNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** valid A certificate today */
  certified: z.boolean(),
  /** the 特种设备安全监督员证 this node knows of (its own or the bureau's pool) */
  supervisorCertificate: SupervisorCertificateRef.nullable(),
});
export type BlockManager = z.infer<typeof BlockManager>;

export const BlockProposal = z.object({
  /** stable within one answer: town and number */
  key: z.string(),
  name: z.string(),
  town: z.string(),
  memberUnitIds: z.array(Id),
  members: z.array(BlockCandidate),
  leadUnitId: Id.nullable(),
  /** the size and manager problems the block would have (no-inspector: none is chosen yet) */
  problems: z.array(BlockProblem),
});
export type BlockProposal = z.infer<typeof BlockProposal>;

export const BlockSuggestions = z.object({
  asOf: z.string(),
  settings: BlockSettings,
  /** list-1 units not in an active block that the proposals cover */
  unitCount: z.number().int(),
  proposals: z.array(BlockProposal),
});
export type BlockSuggestions = z.infer<typeof BlockSuggestions>;

// ---- inspectors (监察人员) ----

export const Inspector = z.object({
  ...SyncMeta,
  districtId: Id,
  name: z.string(),
  enforcementNo: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** active blocks the inspector is responsible for */
  blockNames: z.array(z.string()),
  editable: z.boolean(),
});
export type Inspector = z.infer<typeof Inspector>;

export const InspectorListInput = z.object({ includeInactive: z.boolean().default(true).meta({ label: '含已停用' }) });

export const InspectorSaveInput = z.object({
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  name: z.string().trim().min(1, '请填写监察人员姓名').max(30, '姓名不能超过 30 个字符').meta({ label: '姓名' }),
  enforcementNo: OptionalEnforcementNo.meta({ label: '执法证号' }),
  phone: OptionalPhone.meta({ label: '联系电话' }),
  active: z.boolean().default(true).meta({ label: '在用' }),
});
export type InspectorSaveInput = z.input<typeof InspectorSaveInput>;

// ---- the chain (链) ----

export const RosterManager = z.object({
  managerId: Id,
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** in full on the 工作联系表 only (contactSheet: true), which exists to call people; null elsewhere */
  phone: z.string().nullable(),
  itemCode: z.string().nullable(),
  certificateNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  certificate: z.enum(['valid', 'expiring', 'expired', 'unknown', 'not-a']),
  isSupervisor: z.boolean(),
});

export const RosterUnit = z.object({
  unitId: Id,
  name: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  isLead: z.boolean(),
  managers: z.array(RosterManager),
});

export const RosterBlock = z.object({
  blockId: Id,
  name: z.string(),
  schedule: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  inspectors: z.array(z.object({ inspectorId: Id, name: z.string(), enforcementNo: z.string().nullable(), phone: z.string().nullable() })),
  units: z.array(RosterUnit),
  supervisors: z.array(BlockSupervisorRef.extend({ phoneMasked: z.string().nullable(), phone: z.string().nullable() })),
});
export type RosterBlock = z.infer<typeof RosterBlock>;

export const chainProblemCodes = ['no-inspector', 'unit-without-manager', 'certificate-expiring'] as const;
export const ChainProblem = z.object({
  code: z.enum(chainProblemCodes),
  blockId: Id,
  blockName: z.string(),
  unitId: Id.nullable(),
  managerId: Id.nullable(),
  message: z.string(),
});
export type ChainProblem = z.infer<typeof ChainProblem>;

export const ChainRosterInput = z.object({
  asOf: IsoDate.optional().meta({ label: '截至日期' }),
  /**
   * For the 工作联系表 (its print and xlsx): safety managers' phones in full, to call them.
   * Each such read is audited (how many people's phones, not the phones).
   */
  contactSheet: z.boolean().optional().meta({ label: '通讯录' }),
});
export const ChainRoster = z.object({
  asOf: z.string(),
  districtName: z.string(),
  /** 张家港市市场监督管理局塘桥分局 */
  authority: z.string(),
  /** certificates expiring within this many days are flagged (registry setting) */
  expiringDays: z.number().int(),
  blocks: z.array(RosterBlock),
  problems: z.array(ChainProblem),
});
export type ChainRoster = z.infer<typeof ChainRoster>;
