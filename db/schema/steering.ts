import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { attachments } from './attachment.ts';
import { districts } from './district.ts';
import { units } from './unit.ts';

// The city bureau steers (issue 19): targets per district, the assessment's rules, the
// 标准化样本 it publishes city-wide and the safety managers it sends to the training
// centre. The first two are the bureau's own working data and never travel; the last
// two are rows the bureau originates and sends down in its bundles.

/** A district's targets, kept at the bureau: its pilot unit, the rollout count, supervisors to train. */
export const districtTargets = sqliteTable('district_targets', {
  districtId: text('district_id')
    .primaryKey()
    .references(() => districts.id),
  /** the pilot unit (试点单位), one of the district's units the bureau holds */
  pilotUnitId: text('pilot_unit_id').references(() => units.id),
  /** 推广 units to accept (5–10); null: the setting's default for a pilot district, none otherwise */
  rolloutTarget: integer('rollout_target'),
  /** supervisors (安全监督员) to certify; null: the setting's default for a pilot district, none otherwise */
  supervisorsTarget: integer('supervisors_target'),
  note: text('note'),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * One version of the assessment's indicators and weights. A month is scored by the
 * newest version in effect from that month or earlier, so a change never rescores
 * the months before it.
 */
export const assessmentRules = sqliteTable(
  'assessment_rules',
  {
    id: text('id').primaryKey(),
    version: integer('version').notNull(),
    /** YYYY-MM: the first month scored by these rules */
    effectiveFrom: text('effective_from').notNull(),
    /** JSON [{ key, enabled, weight, params }] (api/schemas/steering.ts, Indicator) */
    indicators: text('indicators').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('assessment_rules_version').on(t.version), index('assessment_rules_from').on(t.effectiveFrom)],
);

/**
 * An office's 标准化样本 published city-wide by the bureau: the bureau's own row (and its
 * own attachment row for the same file), so it travels in the bureau's bundles to every
 * office. The source office's template, file and unit are named, not referenced: other
 * offices hold none of them.
 */
export const cityTemplates = sqliteTable(
  'city_templates',
  {
    ...syncColumns,
    /** the office's acceptance_templates row this publishes */
    sourceTemplateId: text('source_template_id').notNull(),
    sourceNode: text('source_node').notNull(),
    sourceFileId: text('source_file_id').notNull(),
    /** the source district, shown beside the template in every office's library */
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitName: text('unit_name').notNull(),
    checklistVersion: text('checklist_version').notNull(),
    itemCode: text('item_code').notNull(),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    title: text('title').notNull(),
    publishedAt: text('published_at').notNull(),
    withdrawnAt: text('withdrawn_at'),
    /** why it left the city library: the office withdrew it, the unit was revoked, or the bureau's own reason */
    withdrawnReason: text('withdrawn_reason'),
    /** 'bureau' when the bureau withdrew it by hand: then it is not published again by itself */
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [
    uniqueIndex('city_templates_origin_source').on(t.originNode, t.sourceTemplateId),
    index('city_templates_district').on(t.districtId),
    index('city_templates_updated').on(t.updatedAt, t.id),
  ],
);

/**
 * A safety manager of a district the training centre trains, as the bureau sends it to
 * that centre (one row per centre and manager). The full ID number travels only for
 * holders of an A certificate, whom the centre must match to candidates and certify;
 * for the others it is masked, and no phone number ever travels.
 */
export const trainingRegistry = sqliteTable(
  'training_registry',
  {
    ...syncColumns,
    /** the training centre this row goes to, and no other node */
    trainingNode: text('training_node').notNull(),
    /** the office's safety_managers row (not held at the centre) */
    managerId: text('manager_id').notNull(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitName: text('unit_name').notNull(),
    unitUscc: text('unit_uscc'),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    idNumberMasked: text('id_number_masked'),
    itemCode: text('item_code'),
    certificateNo: text('certificate_no'),
    issuedDate: text('issued_date'),
    expiryDate: text('expiry_date'),
    /** on list 2 of the city's 两项清单 when the bureau sent it */
    inList2: integer('in_list2', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('training_registry_origin_target_manager').on(t.originNode, t.trainingNode, t.managerId),
    index('training_registry_target_district').on(t.trainingNode, t.districtId),
    index('training_registry_id_number').on(t.idNumber),
    index('training_registry_updated').on(t.updatedAt, t.id),
  ],
);
