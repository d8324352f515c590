import { z } from 'zod';
import { AcceptanceState } from './acceptance.ts';
import { Id, OptionalText } from './common.ts';
import { Month } from './summaries.ts';

// The city bureau steers (issue 19): targets per district (the pilot unit, the rollout
// count, supervisors to certify), the progress board built from the offices' bundles,
// the monthly 考核 with configurable indicators and weights (each score with the facts
// behind it, exported in an official layout), and which districts each training centre
// trains (their safety managers travel to it in the bureau's bundles).

export const SteeringSettings = z.object({
  /** 推广 units a pilot district accepts after its pilot unit: 5–10 (the seed's “5-10家”) */
  rolloutDefault: z.number().int().min(5, '推广单位数应为 5–10 家').max(10, '推广单位数应为 5–10 家').default(5).meta({ label: '推广目标（默认）' }),
  /** supervisors a pilot district has certified (安全监督员证) */
  supervisorsDefault: z.number().int().min(0, '监督员目标不能为负数').max(999, '监督员目标不能超过 999 人').default(10).meta({ label: '安全监督员目标（默认）' }),
  /** the districts each training centre trains: their safety managers go to it */
  trainingCoverage: z
    .array(z.object({ trainingNode: Id.meta({ label: '培训中心节点' }), districtIds: z.array(Id).max(100).meta({ label: '分局' }) }))
    .max(20)
    .default([])
    .meta({ label: '培训覆盖' }),
});
export type SteeringSettings = z.infer<typeof SteeringSettings>;
export const SteeringSettingsUpdate = SteeringSettings.partial();

export const DistrictTarget = z.object({
  districtId: Id,
  districtName: z.string(),
  /** one of the seed's pilot districts (the district list's 试点 flag) */
  pilotDistrict: z.boolean(),
  pilotUnitId: Id.nullable(),
  pilotUnitName: z.string().nullable(),
  /** in effect: this district's own value, else the default for a pilot district, else none */
  rolloutTarget: z.number().int().nullable(),
  supervisorsTarget: z.number().int().nullable(),
  /** as stored for this district (null: the default applies) */
  rolloutOwn: z.number().int().nullable(),
  supervisorsOwn: z.number().int().nullable(),
  note: z.string().nullable(),
  /** 0 while nothing is stored for the district */
  version: z.number().int(),
});
export type DistrictTarget = z.infer<typeof DistrictTarget>;

export const SaveTargetInput = z.object({
  districtId: Id.meta({ label: '所属分局' }),
  /** the version shown (0 for a district without stored targets) */
  version: z.number().int().min(0).meta({ label: '版本' }),
  pilotUnitId: Id.nullable().meta({ label: '试点单位' }),
  rolloutTarget: z.number().int().min(5, '推广单位数应为 5–10 家').max(10, '推广单位数应为 5–10 家').nullable().meta({ label: '推广目标' }),
  supervisorsTarget: z.number().int().min(0, '监督员目标不能为负数').max(999, '监督员目标不能超过 999 人').nullable().meta({ label: '安全监督员目标' }),
  note: OptionalText(200).meta({ label: '说明' }),
});

export const PilotCandidatesInput = z.object({ districtId: Id.meta({ label: '所属分局' }), search: OptionalText(50).meta({ label: '搜索' }) });
export const PilotCandidate = z.object({
  unitId: Id,
  name: z.string(),
  uscc: z.string(),
  equipmentInUse: z.number().int(),
  acceptanceState: AcceptanceState.nullable(),
});

/** 未启用: no office key for the district; 未报送: enrolled, no bundle yet; 已报送; 密钥已吊销. */
export const OfficeState = z.enum(['unenrolled', 'silent', 'reporting', 'revoked']);
export type OfficeState = z.infer<typeof OfficeState>;

export const ProgressRow = z.object({
  districtId: Id,
  districtName: z.string(),
  pilotDistrict: z.boolean(),
  office: z.object({
    state: OfficeState,
    nodes: z.array(z.object({ nodeId: z.string(), nodeName: z.string() })),
    lastCreatedAt: z.string().nullable(),
    lastImportedAt: z.string().nullable(),
  }),
  /** the pilot unit: the target's, else (fromFile) the unit of the district's latest pilot-phase file */
  pilot: z
    .object({ unitId: Id, unitName: z.string(), fromFile: z.boolean(), fileId: Id.nullable(), state: AcceptanceState.nullable(), plaqueNo: z.string().nullable() })
    .nullable(),
  rollout: z.object({ target: z.number().int().nullable(), accepted: z.number().int(), inProgress: z.number().int() }),
  supervisors: z.object({ target: z.number().int().nullable(), trained: z.number().int() }),
});
export type ProgressRow = z.infer<typeof ProgressRow>;
export const Progress = z.object({ asOf: z.string(), rows: z.array(ProgressRow) });
export type Progress = z.infer<typeof Progress>;

// ── 考核 ──────────────────────────────────────────────────────────────

export const IndicatorKey = z.enum(['summary_on_time', 'inspection_overdue', 'hazards_on_time', 'demo_units', 'supervisors', 'mutual_checks']);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

export const IndicatorRule = z.object({
  key: IndicatorKey.meta({ label: '指标' }),
  enabled: z.boolean().meta({ label: '启用' }),
  weight: z.number().int().min(0, '权重不能为负数').max(100, '权重不能超过 100').meta({ label: '权重' }),
  /**
   * In percent. summary_on_time: the share of the weight a late summary earns;
   * inspection_overdue: the overdue rate at which the score reaches 0. Unused by the others.
   */
  param: z.number().min(0).max(100).nullable().meta({ label: '参数' }),
});
export type IndicatorRule = z.infer<typeof IndicatorRule>;

export const AssessmentRules = z.object({
  version: z.number().int(),
  effectiveFrom: Month.or(z.literal('0000-01')),
  indicators: z.array(IndicatorRule),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  /** the rules the program ships with (version 1), in effect until the bureau saves its own */
  builtIn: z.boolean(),
});
export type AssessmentRules = z.infer<typeof AssessmentRules>;

export const RulesOutput = z.object({
  current: AssessmentRules,
  versions: z.array(AssessmentRules),
  /** each indicator's name, as the table and the workbook print it */
  labels: z.record(IndicatorKey, z.string()),
});
export const SaveRulesInput = z.object({
  effectiveFrom: Month.meta({ label: '生效日期' }),
  indicators: z.array(IndicatorRule).min(1).max(IndicatorKey.options.length).meta({ label: '指标' }),
  note: OptionalText(200).meta({ label: '说明' }),
});

export const AssessmentCell = z.object({
  key: IndicatorKey,
  weight: z.number(),
  /** false: the indicator does not apply to this district this month (no target, nothing due …); outside its full score */
  applicable: z.boolean(),
  /** 暂无数据: the data this indicator needs does not exist in this database */
  noData: z.boolean(),
  /** 0–1 */
  ratio: z.number().nullable(),
  /** weight × ratio, to one decimal */
  score: z.number().nullable(),
  /** the facts in one line: 按时报送 / 超期 3 台，在用 120 台（2.5%）… */
  value: z.string(),
});
export type AssessmentCell = z.infer<typeof AssessmentCell>;

export const AssessmentRow = z.object({
  districtId: Id,
  districtName: z.string(),
  /** not_assessed: no office was enrolled for the district by the month's end (未启用) */
  status: z.enum(['assessed', 'not_assessed']),
  offices: z.array(z.string()),
  cells: z.array(AssessmentCell),
  total: z.number().nullable(),
  /** the weights of the applicable indicators */
  maxScore: z.number().nullable(),
  /** total / maxScore × 100, the score ranked */
  normalized: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

export const IndicatorInfo = z.object({ key: IndicatorKey, label: z.string(), weight: z.number(), rule: z.string() });
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

export const Assessment = z.object({
  month: Month,
  /** the month's last day, or today while it runs */
  asOf: z.string(),
  rulesVersion: z.number().int(),
  indicators: z.array(IndicatorInfo),
  rows: z.array(AssessmentRow),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentInput = z.object({ month: Month.meta({ label: '月份' }) });
export const EvidenceInput = z.object({ month: Month.meta({ label: '月份' }), districtId: Id.meta({ label: '所属分局' }), indicator: IndicatorKey.meta({ label: '指标' }) });

/** A fact behind a score; `ref` opens it: a hazard, an acceptance file, an office's summary of the month (id: the office), a unit's equipment. */
export const EvidenceRow = z.object({
  cells: z.array(z.string()),
  /** counts for the score (ok) or against it (bad); null: context */
  tone: z.enum(['ok', 'bad']).nullable(),
  ref: z.object({ kind: z.enum(['hazard', 'acceptance', 'summary', 'equipment', 'unit']), id: z.string(), month: z.string().optional() }).nullable(),
});
export type EvidenceRow = z.infer<typeof EvidenceRow>;

export const Evidence = z.object({
  month: Month,
  districtId: Id,
  districtName: z.string(),
  indicator: IndicatorInfo,
  cell: AssessmentCell,
  columns: z.array(z.string()),
  rows: z.array(EvidenceRow),
  /** rows found; at most 500 are listed */
  total: z.number().int(),
});
export type Evidence = z.infer<typeof Evidence>;
export const EVIDENCE_LIMIT = 500;

// ── 标准化样本 city-wide, managers to the training centre ───────────────

export const CityTemplateWithdrawInput = z.object({ id: Id.meta({ label: '编号' }), reason: z.string().trim().min(2, '请写明撤下的理由').max(200, '理由不能超过 200 个字符').meta({ label: '原因' }) });

export const TrainingRegistryPreview = z.object({
  trainingNode: z.string(),
  nodeName: z.string(),
  districts: z.array(z.object({ districtId: Id, districtName: z.string(), managers: z.number().int(), withIdNumber: z.number().int(), list2: z.number().int() })),
  /** the rows sent so far to this centre and still live */
  sent: z.number().int(),
});
export type TrainingRegistryPreview = z.infer<typeof TrainingRegistryPreview>;
