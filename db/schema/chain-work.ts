import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { blocks, inspectors } from './block.ts';
import { districts } from './district.ts';
import { equipment } from './equipment.ts';
import { hazards } from './hazards.ts';
import { safetyManagers } from './safety-manager.ts';
import { units } from './unit.ts';

// 链 at work (issue 19): the safety managers' 问题反馈, followed to an answer or a hazard
// and closed, and what each 安全监督员 did beyond what the other records show. A district
// office owns the rows; the bureau reads them from bundles.

/** 问题反馈: a safety manager's report, taken by an inspector or the block's lead unit. */
export const managerFeedback = sqliteTable(
  'manager_feedback',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** who reported: a safety manager of the district */
    managerId: text('manager_id')
      .notNull()
      .references(() => safetyManagers.id),
    /** the manager's block when the report was registered */
    blockId: text('block_id').references(() => blocks.id),
    /** the unit and piece the report is about (optional) */
    unitId: text('unit_id').references(() => units.id),
    equipmentId: text('equipment_id').references(() => equipment.id),
    reportedOn: text('reported_on').notNull(),
    /** inspector (an inspector of the office) / lead_unit (the block's lead unit) */
    takenByKind: text('taken_by_kind', { enum: ['inspector', 'lead_unit'] }).notNull(),
    takenByInspectorId: text('taken_by_inspector_id').references(() => inspectors.id),
    /** the inspector's or the lead unit's name as it was when taken */
    takenByName: text('taken_by_name').notNull(),
    content: text('content').notNull(),
    answer: text('answer'),
    answeredOn: text('answered_on'),
    answeredBy: text('answered_by'),
    /** the hazard it was turned into or linked with, and the day it was (the monthly summary counts by it) */
    hazardId: text('hazard_id').references(() => hazards.id),
    hazardOn: text('hazard_on'),
    closedOn: text('closed_on'),
    closeNote: text('close_note'),
    /** registered / answered / hazard / closed */
    state: text('state').notNull(),
  },
  (t) => [
    index('manager_feedback_manager').on(t.managerId),
    index('manager_feedback_district_date').on(t.districtId, t.reportedOn),
    index('manager_feedback_hazard').on(t.hazardId),
    index('manager_feedback_updated').on(t.updatedAt, t.id),
  ],
);

/** 监督员工作记录 entered by hand: what a supervisor did that no other record shows. */
export const supervisorWorkEntries = sqliteTable(
  'supervisor_work_entries',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    managerId: text('manager_id')
      .notNull()
      .references(() => safetyManagers.id),
    blockId: text('block_id').references(() => blocks.id),
    doneOn: text('done_on').notNull(),
    /** check / feedback / meeting / inspection / training / other */
    kind: text('kind', { enum: ['check', 'feedback', 'meeting', 'inspection', 'training', 'other'] }).notNull(),
    content: text('content').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('supervisor_work_entries_manager').on(t.managerId, t.doneOn), index('supervisor_work_entries_updated').on(t.updatedAt, t.id)],
);
