import { z } from 'zod';
import { RiskLevel, RiskLevelCounts } from './risk.ts';
import { Id, OptionalText } from './common.ts';

// 专项检查 (issue 8): a district office's inspection plans, the record of each visit
// and the checklists they follow (electron/core/inspections). Orders are in
// supervision-orders.ts.

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD');
export const StagedId = z.string().regex(/^[0-9a-f]{64}$/, '文件应先上传');

const ChecklistKey = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '检查表代号只能由小写字母、数字和连字符组成');

export const ChecklistItem = z.object({
  code: z.string().trim().min(1, '请填写检查项目编号').max(20, '检查项目编号不能超过 20 个字符').meta({ label: '项目编号' }),
  text: z.string().trim().min(1, '请填写检查内容').max(500, '检查内容不能超过 500 个字符').meta({ label: '检查内容' }),
  /** the regulation it rests on, where known */
  basis: OptionalText(300).optional().meta({ label: '检查依据' }),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A shipped checklist file (resources/inspection-checklists/<key>-v<version>.json). */
export const ChecklistFile = z.object({
  key: ChecklistKey,
  version: z.number().int().min(1),
  name: z.string().min(1),
  /** the catalogue's kind code (3000 电梯 …); null = every kind (the common items) */
  equipmentKind: z.string().regex(/^[0-9A-Z]{4}$/).nullable(),
  /** a kind's list starts with this version of the common items */
  common: z.object({ key: ChecklistKey, version: z.number().int().min(1) }).optional(),
  issuedAt: IsoDate,
  items: z.array(ChecklistItem).min(1),
});
export type ChecklistFile = z.infer<typeof ChecklistFile>;

/** A checklist version as plans use it: the shipped ones and the offices' own, items resolved (common first). */
export const Checklist = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  equipmentKind: z.string().nullable(),
  source: z.enum(['shipped', 'office']),
  /** the office's row (null for shipped lists) */
  id: Id.nullable(),
  originNode: z.string().nullable(),
  districtId: Id.nullable(),
  /** the newest version of its key this node knows */
  latest: z.boolean(),
  items: z.array(z.object({ code: z.string(), text: z.string(), basis: z.string().nullable() })),
});
export type Checklist = z.infer<typeof Checklist>;

export const ChecklistSaveInput = z.object({
  /** a new version of this key, which must still be at basedOnVersion (else CONFLICT); absent: a new list of the office */
  key: ChecklistKey.optional().meta({ label: '检查表代码' }),
  basedOnVersion: z.number().int().min(1).optional().meta({ label: '所依据的版本' }),
  name: z.string().trim().min(1, '请填写检查表名称').max(100, '检查表名称不能超过 100 个字符').meta({ label: '检查表名称' }),
  equipmentKind: z.string().regex(/^[0-9A-Z]{4}$/, '设备种类应为目录中的种类代码').nullish().transform((v) => v ?? null).meta({ label: '设备种类' }),
  items: z.array(ChecklistItem).min(1, '检查表至少要有一个检查项目').max(200, '检查表最多 200 个检查项目').meta({ label: '检查项目' }),
});

export const PlanType = z.enum(['routine', 'special', 'post_cert', 'other'], { message: '检查类型应为常规、专项、证后或其他' });
export type PlanType = z.infer<typeof PlanType>;
export const PlanState = z.enum(['draft', 'active', 'done', 'cancelled']);
export type PlanState = z.infer<typeof PlanState>;

export const TeamMember = z.object({
  kind: z.enum(['inspector', 'supervisor'], { message: '检查人员应为监察人员或安全监督员' }).meta({ label: '人员类型' }),
  /** an inspector's id or a supervisor's safety-manager id; absent for a person outside the lists */
  id: Id.optional().meta({ label: '编号' }),
  name: z.string().trim().max(50, '姓名不能超过 50 个字符').default('').meta({ label: '姓名' }),
  /** on read: a registered inspector's 执法证号 (only they count for the two-person rule); ignored on input */
  enforcementNo: z.string().nullable().optional().meta({ label: '执法证号' }),
});
export type TeamMember = z.infer<typeof TeamMember>;
export const Team = z.array(TeamMember).max(20, '检查组最多 20 人');

export const Scope = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('block').meta({ label: '范围类型' }), blockId: z.string().min(1, '请选择小组').max(64).meta({ label: '安全管理小组' }) }),
    z.object({ kind: z.literal('units'), unitIds: z.array(Id).min(1, '请至少选择一家被检查单位').max(2000, '一次最多选择 2000 家单位').meta({ label: '使用单位' }) }),
    z.object({ kind: z.literal('equipment_kind'), equipmentKind: z.string().regex(/^[0-9A-Z]{4}$/, '请选择设备种类').meta({ label: '设备种类' }) }),
    // 风险分级 (issue 19): the district's units at these levels when the plan is made
    z.object({ kind: z.literal('risk_level'), levels: z.array(RiskLevel).min(1, '请至少选择一个风险等级').max(4).meta({ label: '等级' }) }),
  ],
  { message: '请选择检查范围：小组、单位、设备种类或风险等级' },
);
export type Scope = z.infer<typeof Scope>;

/** What is flagged but not refused: a team under two people, a visit outside the plan's period. */
export const InspectionWarning = z.object({ code: z.enum(['team-too-small', 'outside-period']), message: z.string() });

export const ScopeUnit = z.object({ id: Id, name: z.string(), address: z.string().nullable() });

export const PlanSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  districtId: Id,
  districtName: z.string(),
  title: z.string(),
  type: PlanType,
  periodStart: z.string(),
  periodEnd: z.string(),
  scopeKind: z.enum(['block', 'units', 'equipment_kind', 'risk_level']),
  scopeBlockId: Id.nullable(),
  scopeBlockName: z.string().nullable(),
  scopeEquipmentKind: z.string().nullable(),
  /** the levels of a 'risk_level' scope */
  scopeRiskLevels: z.array(RiskLevel).nullable(),
  unitCount: z.number().int(),
  checklistKey: z.string(),
  checklistVersion: z.number().int(),
  team: z.array(TeamMember),
  state: PlanState,
  notes: z.string().nullable(),
  recordsDraft: z.number().int(),
  recordsFinal: z.number().int(),
  warnings: z.array(InspectionWarning),
  mine: z.boolean(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  checklistName: z.string(),
  /** the units in scope as the plan fixed them, with their visit (if any) */
  units: z.array(ScopeUnit.extend({ recordId: Id.nullable(), recordState: z.enum(['draft', 'final']).nullable() })),
  actions: z.array(z.enum(['edit', 'activate', 'finish', 'cancel', 'record'])),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

const PlanFields = {
  title: z.string().trim().min(1, '请填写计划名称').max(100, '计划名称不能超过 100 个字符').meta({ label: '计划名称' }),
  type: PlanType.meta({ label: '计划类型' }),
  periodStart: IsoDate.meta({ label: '计划开始日期' }),
  periodEnd: IsoDate.meta({ label: '计划结束日期' }),
  scope: Scope.meta({ label: '检查范围' }),
  checklistKey: z.string().min(1, '请选择检查表').meta({ label: '检查表' }),
  checklistVersion: z.number().int().min(1).meta({ label: '检查表版本' }),
  team: Team.meta({ label: '检查人员' }),
  notes: OptionalText(2000).meta({ label: '备注' }),
};
export const PlanCreateInput = z.object(PlanFields);
export const PlanUpdateInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), ...PlanFields });
export const PlanStateInput = z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }), state: z.enum(['active', 'done', 'cancelled']).meta({ label: '状态' }) });
export const PlanListInput = z.object({ districtId: Id.optional().meta({ label: '所属分局' }), state: PlanState.optional().meta({ label: '状态' }) });

export const ItemResult = z.enum(['ok', 'problem', 'na'], { message: '检查结果应为符合、不符合或不适用' });
export const RecordItem = z.object({ code: z.string(), text: z.string(), basis: z.string().nullable(), result: ItemResult.nullable(), note: z.string().nullable() });
export type RecordItem = z.infer<typeof RecordItem>;

export const RecordFile = z.object({ attachmentId: Id, fileName: z.string(), mimeType: z.string(), size: z.number().int() });

export const RecordSummary = z.object({
  id: Id,
  originNode: z.string(),
  version: z.number().int(),
  planId: Id,
  planTitle: z.string(),
  planType: PlanType,
  districtId: Id,
  unitId: Id,
  unitName: z.string(),
  inspectedOn: z.string(),
  team: z.array(TeamMember),
  state: z.enum(['draft', 'final']),
  problems: z.number().int(),
  hazards: z.number().int(),
  warnings: z.array(InspectionWarning),
  mine: z.boolean(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const RecordDetail = RecordSummary.extend({
  districtName: z.string(),
  unitAddress: z.string().nullable(),
  unitUscc: z.string(),
  checklistKey: z.string(),
  checklistVersion: z.number().int(),
  checklistName: z.string(),
  items: z.array(RecordItem),
  findings: z.string().nullable(),
  unitSigner: z.string().nullable(),
  files: z.array(RecordFile),
  /** hazards found on this visit (hazards.source_inspection_id) */
  foundHazards: z.array(z.object({ id: Id, description: z.string(), level: z.enum(['general', 'major']), state: z.string(), deadline: z.string().nullable() })),
  orders: z.array(z.object({ id: Id, number: z.string(), deadline: z.string(), state: z.string() })),
  actions: z.array(z.enum(['edit', 'finalize', 'finding', 'order'])),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

export const RecordSaveInput = z.object({
  /** absent: a new visit under planId */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  planId: Id.meta({ label: '计划' }),
  unitId: Id.meta({ label: '使用单位' }),
  inspectedOn: IsoDate.meta({ label: '检查日期' }),
  /** absent on a new record: the plan's team */
  team: Team.optional().meta({ label: '检查人员' }),
  items: z.array(z.object({ code: z.string().min(1).meta({ label: '项目编号' }), result: ItemResult.nullable().meta({ label: '检查结果' }), note: OptionalText(500).meta({ label: '说明' }) })).max(300).default([]).meta({ label: '检查项目' }),
  findings: OptionalText(4000).meta({ label: '检查发现' }),
  unitSigner: OptionalText(50).meta({ label: '被检查单位签字人' }),
  /** photos and files staged with files.stage, added to the record */
  addFiles: z.array(StagedId).max(30).default([]).meta({ label: '新增附件' }),
  /** attachments taken off the record */
  removeFiles: z.array(Id).max(100).default([]).meta({ label: '删除的附件' }),
});
export const RecordListInput = z.object({ districtId: Id.optional().meta({ label: '所属分局' }), planId: Id.optional().meta({ label: '计划' }), unitId: Id.optional().meta({ label: '使用单位' }), state: z.enum(['draft', 'final']).optional().meta({ label: '状态' }) });

export const FindingInput = z.object({
  recordId: Id.meta({ label: '检查记录' }),
  description: z.string().trim().min(1, '请描述发现的问题').max(2000, '问题描述不能超过 2000 个字符').meta({ label: '问题描述' }),
  level: z.enum(['general', 'major'], { message: '隐患等级应为一般隐患或重大隐患' }).meta({ label: '隐患等级' }),
  equipmentId: Id.nullish().transform((v) => v ?? null).meta({ label: '设备' }),
  measures: OptionalText(2000).meta({ label: '整改措施' }),
  /** absent: the record's team */
  foundBy: OptionalText(100).meta({ label: '发现人' }),
  evidence: z.array(StagedId).max(20).default([]).meta({ label: '证据照片' }),
});

/** What a plan dialog picks from: the office's active blocks, the kinds its units hold, and who may join a team. */
export const PlanOptions = z.object({
  blocks: z.array(z.object({ id: Id, name: z.string(), members: z.number().int() })),
  kinds: z.array(z.object({ code: z.string(), name: z.string(), units: z.number().int() })),
  inspectors: z.array(z.object({ id: Id, name: z.string(), enforcementNo: z.string().nullable() })),
  supervisors: z.array(z.object({ id: Id, name: z.string(), unitName: z.string(), blockName: z.string().nullable() })),
  /** the district's units by current risk level (issue 19) */
  riskCounts: RiskLevelCounts,
});
export type PlanOptions = z.infer<typeof PlanOptions>;
