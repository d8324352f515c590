import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { blocks } from './block.ts';
import { districts } from './district.ts';
import { units } from './unit.ts';

// 专项检查 (issue 8). A district office owns its inspection plans, the record of each
// visit and the supervision orders (安全监察指令书) it issues; the city bureau receives
// them in bundles and only reads them. Checklists are versioned: the shipped ones live in
// resources/inspection-checklists/, an office's own versions in inspection_checklists, and
// a record copies the items it was made from, so a later version never rewrites it.

/** An office's own checklist version (the shipped ones are files, not rows). */
export const inspectionChecklists = sqliteTable(
  'inspection_checklists',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** stable across versions: 'elevator', 'common', or an office's own key */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** the catalogue's category code (3000 电梯 …) the list is for; null = every kind */
    equipmentKind: text('equipment_kind'),
    checklistVersion: integer('checklist_version').notNull(),
    /** JSON [{ code, text, basis? }] */
    items: text('items').notNull(),
  },
  (t) => [
    uniqueIndex('inspection_checklists_origin_key_version_live')
      .on(t.originNode, t.key, t.checklistVersion)
      .where(sql`${t.deletedAt} is null`),
    index('inspection_checklists_updated').on(t.updatedAt, t.id),
  ],
);

/** 检查计划: what is inspected, when, by whom, against which checklist. */
export const inspectionPlans = sqliteTable(
  'inspection_plans',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    title: text('title').notNull(),
    /** 常规 / 专项 / 证后 / 其他 */
    type: text('type', { enum: ['routine', 'special', 'post_cert', 'other'] }).notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    /** 'block' (scope_block_id) / 'units' (scope_unit_ids) / 'equipment_kind' (scope_equipment_kind) / 'risk_level' (scope_risk_levels) */
    scopeKind: text('scope_kind', { enum: ['block', 'units', 'equipment_kind', 'risk_level'] }).notNull(),
    scopeBlockId: text('scope_block_id').references(() => blocks.id),
    /** JSON array of unit ids */
    scopeUnitIds: text('scope_unit_ids').notNull().default('[]'),
    scopeEquipmentKind: text('scope_equipment_kind'),
    /** JSON array of risk levels ('high', 'elevated' …): the district's units at those levels when the plan was made (issue 19) */
    scopeRiskLevels: text('scope_risk_levels'),
    /** shipped key ('elevator') or an inspection_checklists key, with the version pinned */
    checklistKey: text('checklist_key').notNull(),
    checklistVersion: integer('checklist_version').notNull(),
    /** JSON [{ kind: 'inspector' | 'supervisor', id?, name }]; fewer than two is flagged */
    team: text('team').notNull().default('[]'),
    /** draft / active / done / cancelled */
    state: text('state').notNull(),
    notes: text('notes'),
  },
  (t) => [
    index('inspection_plans_district_period').on(t.districtId, t.periodStart),
    index('inspection_plans_updated').on(t.updatedAt, t.id),
  ],
);

/** 检查记录: one visit to one unit under a plan. */
export const inspectionRecords = sqliteTable(
  'inspection_records',
  {
    ...syncColumns,
    planId: text('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    inspectedOn: text('inspected_on').notNull(),
    /** JSON, as the plan's team: who actually went */
    team: text('team').notNull().default('[]'),
    /** JSON [{ code, text, result: 'ok' | 'problem' | 'na', note? }], copied from the pinned checklist */
    items: text('items').notNull().default('[]'),
    findings: text('findings'),
    /** who signed for the unit (the signatures themselves are on the printed record) */
    unitSigner: text('unit_signer'),
    /** JSON array of attachments ids: photos and files */
    attachments: text('attachments').notNull().default('[]'),
    /** draft / final */
    state: text('state').notNull(),
  },
  (t) => [
    index('inspection_records_plan').on(t.planId),
    index('inspection_records_unit').on(t.unitId),
    index('inspection_records_district_date').on(t.districtId, t.inspectedOn),
    index('inspection_records_updated').on(t.updatedAt, t.id),
  ],
);

/** 安全监察指令书: numbered per office and year (`张市监特令〔2026〕第12号`), with a deadline and a re-check. */
export const supervisionOrders = sqliteTable(
  'supervision_orders',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    recordId: text('record_id').references(() => inspectionRecords.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** the number's prefix when issued (a setting, e.g. 张市监特令) */
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** the whole number as printed */
    number: text('number').notNull(),
    issuedOn: text('issued_on').notNull(),
    deadline: text('deadline').notNull(),
    /** what was found and what the unit must do */
    content: text('content').notNull(),
    /** JSON array of hazards ids the order covers */
    hazardIds: text('hazard_ids').notNull().default('[]'),
    /** issued / rechecked / cancelled */
    state: text('state').notNull(),
    recheckedOn: text('rechecked_on'),
    recheckResult: text('recheck_result'),
  },
  (t) => [
    uniqueIndex('supervision_orders_origin_year_seq_live').on(t.originNode, t.prefix, t.year, t.seq).where(sql`${t.deletedAt} is null`),
    index('supervision_orders_record').on(t.recordId),
    index('supervision_orders_updated').on(t.updatedAt, t.id),
  ],
);
