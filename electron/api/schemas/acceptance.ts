import { z } from 'zod';
import { Id, OptionalText } from './common.ts';

// 示范单位验收 (issue 6): checklist template, acceptance files, items, evidence,
// the bureau's decisions, plaque settings and the template library.

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-28');

// ---- checklist template (resources/checklists/<id>-<version>.json) ----

/** ledger / registration / inspection (with safety accessories) / managers (A certificates) / operators (作业人员 certificates for the unit's kinds) */
export const PrefillKey = z.enum(['ledger', 'registration', 'inspection', 'managers', 'operators']);
export type PrefillKey = z.infer<typeof PrefillKey>;

export const ChecklistItemTemplate = z
  .object({
    code: z.string().regex(/^\d+\.\d+$/),
    title: z.string().min(1),
    /** what evidence is expected */
    evidence: z.string().min(1),
    /** 一票否决: a 不符合 here fails the whole acceptance */
    veto: z.boolean(),
    /** how the item is checked */
    check: z.string().min(1),
    /** the registry check that pre-fills this item */
    prefill: PrefillKey.optional(),
    /** false where the registry data is the evidence */
    evidenceRequired: z.boolean().default(true),
    /** a written system or procedure: may be published as the district's template */
    systemDocument: z.boolean().default(false),
  })
  .strict();
export type ChecklistItemTemplate = z.infer<typeof ChecklistItemTemplate>;

export const ChecklistTemplate = z
  .object({
    id: z.string().min(1),
    version: z.string().regex(/^v\d+$/),
    title: z.string().min(1),
    basis: z.string(),
    issuedAt: DateText,
    areas: z
      .array(
        z
          .object({
            code: z.string().regex(/^\d+$/),
            title: z.string().min(1),
            requirement: z.string(),
            items: z.array(ChecklistItemTemplate).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    for (const area of t.areas) {
      for (const item of area.items) {
        if (seen.has(item.code)) ctx.addIssue({ code: 'custom', message: `检查项编号 ${item.code} 重复` });
        if (!item.code.startsWith(`${area.code}.`)) ctx.addIssue({ code: 'custom', message: `检查项 ${item.code} 不属于第 ${area.code} 部分` });
        seen.add(item.code);
      }
    }
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

// ---- states ----

/** 创建 → 自查中 → 分局审核 → 市局验收 → 通过（发牌）/ 退回整改 → … → 复查 / 撤销 */
export const AcceptanceState = z.enum(['created', 'self_check', 'district_review', 'city_review', 'passed', 'returned', 'recheck', 'revoked']);
export type AcceptanceState = z.infer<typeof AcceptanceState>;

/** What a node may do to a file; the bureau's are pass / return / revoke (recorded as decisions). */
export const AcceptanceAction = z.enum(['start', 'submit', 'send_back', 'submit_city', 'rectify', 'recheck', 'cancel', 'pass', 'return', 'revoke']);
export type AcceptanceAction = z.infer<typeof AcceptanceAction>;

export const AcceptancePhase = z.enum(['pilot', 'rollout']);
export const ItemResult = z.enum(['pass', 'fail', 'na']);

export const Completeness = z.object({
  /** items that need evidence (not 不适用, evidence expected) */
  required: z.number().int(),
  /** of those, items with at least one evidence file */
  complete: z.number().int(),
  /** items with a result */
  decided: z.number().int(),
  total: z.number().int(),
});
export type Completeness = z.infer<typeof Completeness>;

export const PrefillOutcome = z.object({
  key: PrefillKey,
  outcome: z.enum(['pass', 'fail', 'unknown']),
  summary: z.string(),
  details: z.array(z.string()),
});
export type PrefillOutcome = z.infer<typeof PrefillOutcome>;

/**
 * An item whose result (符合 or 不适用) goes against the system's finding (不符合): the
 * finding and the office's written reason (null when none was given, e.g. the data
 * changed after the item was saved).
 */
export const Contradiction = z.object({
  code: z.string(),
  title: z.string(),
  veto: z.boolean(),
  result: ItemResult,
  finding: z.string(),
  reason: z.string().nullable(),
});
export type Contradiction = z.infer<typeof Contradiction>;

// ---- 6.1: the operator certificates (作业项目) a unit's kinds call for (resources/checklists/operator-items-<version>.json) ----

export const OperatorRequirement = z
  .object({
    /** any one of these items satisfies the requirement (e.g. G1 or G2 for a boiler) */
    items: z.array(z.string().regex(/^[A-Z][0-9]?$/)).min(1),
    /** required: normally needed; possible: depends on the equipment or the work (listed, never a 不符合) */
    need: z.enum(['required', 'possible']),
    note: z.string().optional(),
  })
  .strict();

export const OperatorRules = z
  .object({
    version: z.string().regex(/^v\d+$/),
    basis: z.string(),
    note: z.string(),
    items: z.record(z.string(), z.string()),
    rules: z
      .array(
        z
          .object({
            /** a catalogue code at any level; a piece takes the rule of its variety, else its category, else its kind */
            code: z.string().regex(/^[0-9A-Z]{4}$/),
            label: z.string().min(1),
            requirements: z.array(OperatorRequirement),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    for (const rule of r.rules) {
      if (seen.has(rule.code)) ctx.addIssue({ code: 'custom', message: `设备代码 ${rule.code} 重复` });
      seen.add(rule.code);
      for (const req of rule.requirements) for (const item of req.items) if (!r.items[item]) ctx.addIssue({ code: 'custom', message: `作业项目 ${item} 没有名称` });
    }
  });
export type OperatorRules = z.infer<typeof OperatorRules>;

export const Evidence = z.object({
  id: Id,
  itemId: Id,
  attachmentId: Id,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const AcceptanceItem = z.object({
  id: Id,
  version: z.number().int(),
  code: z.string(),
  title: z.string(),
  evidenceExpected: z.string(),
  veto: z.boolean(),
  check: z.string(),
  evidenceRequired: z.boolean(),
  systemDocument: z.boolean(),
  result: ItemResult.nullable(),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  resultSource: z.string().nullable(),
  checkedAt: z.string().nullable(),
  prefill: PrefillOutcome.nullable(),
  /** the result goes against the system's finding: the finding and the office's reason */
  contradiction: z.object({ finding: z.string(), reason: z.string().nullable() }).nullable(),
  /** the bureau's comment when the last decision sent this item back */
  returnedComment: z.string().nullable(),
  evidence: z.array(Evidence),
});
export type AcceptanceItem = z.infer<typeof AcceptanceItem>;

export const AcceptanceArea = z.object({
  code: z.string(),
  title: z.string(),
  requirement: z.string(),
  completeness: Completeness,
  items: z.array(AcceptanceItem),
});

export const AcceptanceDecision = z.object({
  id: Id,
  fileId: Id,
  round: z.number().int(),
  outcome: z.enum(['pass', 'return', 'revoke']),
  comments: z.string().nullable(),
  returnedItems: z.array(z.object({ code: z.string(), comment: z.string() })),
  plaqueNo: z.string().nullable(),
  /** on a pass: the veto items marked against the system's finding that the bureau confirmed */
  acknowledged: z.array(Contradiction),
  decidedOn: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
});
export type AcceptanceDecision = z.infer<typeof AcceptanceDecision>;

export const AcceptanceSummary = z.object({
  id: Id,
  version: z.number().int(),
  originNode: z.string(),
  districtId: Id,
  districtName: z.string(),
  unitId: Id,
  unitName: z.string(),
  uscc: z.string(),
  phase: AcceptancePhase,
  state: AcceptanceState,
  round: z.number().int(),
  checklistVersion: z.string(),
  inspectorId: Id.nullable(),
  inspectorName: z.string().nullable(),
  startedOn: z.string().nullable(),
  targetDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  notes: z.string().nullable(),
  completeness: Completeness,
  /** titles of the items still missing evidence */
  missingEvidence: z.array(z.string()),
  failedVeto: z.number().int(),
  plaqueNo: z.string().nullable(),
  passedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type AcceptanceSummary = z.infer<typeof AcceptanceSummary>;

export const AcceptanceHistoryEntry = z.object({ at: z.string(), actor: z.string(), call: z.string(), what: z.string() });

export const AcceptanceDetail = AcceptanceSummary.extend({
  checklistTitle: z.string(),
  unitAddress: z.string().nullable(),
  unitContact: z.string().nullable(),
  areas: z.array(AcceptanceArea),
  /** every item whose result goes against the system's finding (veto items first) */
  contradictions: z.array(Contradiction),
  decisions: z.array(AcceptanceDecision),
  /** the last decision's comments when it sent the file back */
  returnComments: z.string().nullable(),
  /** what this node may do now */
  actions: z.array(AcceptanceAction),
  /** items cannot be changed by this node now */
  locked: z.boolean(),
  history: z.array(AcceptanceHistoryEntry),
});
export type AcceptanceDetail = z.infer<typeof AcceptanceDetail>;

export const AcceptanceListInput = z.object({
  districtId: Id.optional().meta({ label: '所属分局' }),
  phase: AcceptancePhase.optional().meta({ label: '验收阶段' }),
  state: AcceptanceState.optional().meta({ label: '状态' }),
});

export const BoardColumn = z.enum(['candidates', 'inReview', 'accepted', 'returned', 'revoked']);
export type BoardColumn = z.infer<typeof BoardColumn>;
export const AcceptanceBoard = z.object({
  rows: z.array(
    z.object({
      districtId: Id,
      districtName: z.string(),
      phase: AcceptancePhase,
      candidates: z.number().int(),
      inReview: z.number().int(),
      accepted: z.number().int(),
      returned: z.number().int(),
      revoked: z.number().int(),
    }),
  ),
  files: z.array(AcceptanceSummary),
});
export type AcceptanceBoard = z.infer<typeof AcceptanceBoard>;

export const AcceptanceCandidate = z.object({ id: Id, name: z.string(), uscc: z.string(), inUse: z.number().int() });
/** by name, 统一社会信用代码 or pinyin initials, as the units grid searches */
export const AcceptanceCandidatesInput = z
  .object({ search: z.string().trim().max(60).optional().meta({ label: '搜索' }), limit: z.number().int().min(1).max(2000).default(2000).meta({ label: '条数上限' }) })
  .strict();

export const AcceptanceCreateInput = z.object({
  unitId: Id.meta({ label: '使用单位' }),
  phase: AcceptancePhase.meta({ label: '验收阶段' }),
  inspectorId: Id.nullish().meta({ label: '监察人员' }),
  inspectorName: OptionalText(40).meta({ label: '监察人员姓名' }),
  startedOn: DateText.nullish().meta({ label: '开始日期' }),
  targetDate: DateText.nullish().meta({ label: '计划完成日期' }),
  notes: OptionalText(500).meta({ label: '备注' }),
});

export const AcceptanceUpdateInput = AcceptanceCreateInput.omit({ unitId: true }).extend({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) });

export const SaveItemInput = z.object({
  itemId: Id.meta({ label: '验收项目' }),
  version: z.number().int().meta({ label: '版本' }),
  result: ItemResult.nullable().meta({ label: '验收结果' }),
  reason: OptionalText(300).meta({ label: '原因' }),
  comment: OptionalText(1000).meta({ label: '意见' }),
  /** required when the result (符合 / 不适用) goes against the system's finding (不符合) */
  contradictionReason: OptionalText(500).meta({ label: '矛盾说明' }),
});

export const AttachEvidenceInput = z.object({ itemId: Id.meta({ label: '验收项目' }), stagedId: z.string().regex(/^[0-9a-f]{64}$/).meta({ label: '文件' }), note: OptionalText(200).meta({ label: '说明' }) });

export const TransitionInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), action: AcceptanceAction.meta({ label: '操作' }), comment: OptionalText(1000).meta({ label: '意见' }) });

export const DecideInput = z.object({
  fileId: Id.meta({ label: '文件' }),
  outcome: z.enum(['pass', 'return', 'revoke']).meta({ label: '结果' }),
  comments: OptionalText(2000).meta({ label: '意见' }),
  returnedItems: z.array(z.object({ code: z.string().max(10).meta({ label: '项目编号' }), comment: z.string().trim().min(1, '请写明退回理由').max(500).meta({ label: '意见' }) })).max(100).default([]).meta({ label: '退回的项目' }),
  decidedOn: DateText.optional().meta({ label: '决定日期' }),
  /** a plaque number typed by hand; otherwise made from the pattern */
  plaqueNo: OptionalText(60).meta({ label: '牌匾编号' }),
  /** a pass over veto items marked against the system's finding: the bureau has checked them (with a comment) */
  confirmContradictions: z.boolean().default(false).meta({ label: '确认矛盾项' }),
});

export const AcceptanceSettings = z.object({
  /** {year} and {seq:000} (zero-padded to the number of zeros) are replaced */
  plaquePattern: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((p) => /\{seq(:0+)?\}/.test(p), '编号格式中应包含 {seq} 或 {seq:000}')
    .default('张特示〔{year}〕第{seq:000}号'),
  /** per evidence file */
  maxEvidenceMb: z.number().int().min(1).max(80).default(20),
});
export type AcceptanceSettings = z.infer<typeof AcceptanceSettings>;
export const AcceptanceSettingsUpdate = z.object({ plaquePattern: z.string().optional().meta({ label: '牌匾编号格式' }), maxEvidenceMb: z.number().int().optional().meta({ label: '附件大小上限（MB）' }) }).strict();

export const AcceptanceTemplate = z.object({
  id: Id,
  version: z.number().int(),
  districtId: Id,
  districtName: z.string(),
  fileId: Id,
  unitName: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  attachmentId: Id,
  fileName: z.string(),
  size: z.number().int(),
  title: z.string(),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  mine: z.boolean(),
  /** district: an office's template (its own district's, or any at the bureau); city: the bureau's city-wide copy of another district's */
  scope: z.enum(['district', 'city']),
  /** the bureau's city-wide publication of this template (at the bureau and at the office that published it), if any */
  city: z
    .object({ id: Id, publishedAt: z.string(), withdrawnAt: z.string().nullable(), withdrawnReason: z.string().nullable(), withdrawnByBureau: z.boolean() })
    .nullable(),
});
export type AcceptanceTemplate = z.infer<typeof AcceptanceTemplate>;

export const PublishTemplateInput = z.object({ evidenceId: Id.meta({ label: '依据文件' }), title: OptionalText(100).meta({ label: '名称' }) });
