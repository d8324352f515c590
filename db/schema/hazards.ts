import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { blocks } from './block.ts';
import { districts } from './district.ts';
import { equipment } from './equipment.ts';
import { units } from './unit.ts';

// 隐患闭环 (issue 8). A district office owns the hidden dangers it finds and every step
// taken on them; the city bureau receives both tables in bundles and only reads them.
// The state lives on the hazard (see electron/core/hazards/state.ts); each step is an
// event row, so the history travels and nothing is rewritten.

export const hazards = sqliteTable(
  'hazards',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    equipmentId: text('equipment_id').references(() => equipment.id),
    /** the unit's block when the hazard was found: who is alerted if it is escalated */
    blockId: text('block_id').references(() => blocks.id),
    /**
     * 隐患编号 as people quote it (2026-0012): the year registered (China time) and a serial
     * per district and year, given by the office that registers it. Null only on a row an
     * office registered before numbers existed and has not sent again since.
     */
    number: text('number'),
    description: text('description').notNull(),
    /** 一般隐患 / 重大隐患 */
    level: text('level', { enum: ['general', 'major'] }).notNull(),
    foundBy: text('found_by').notNull(),
    foundOn: text('found_on').notNull(),
    /** set when 下达整改: working_days after the order date on the official calendar, or by hand */
    deadline: text('deadline'),
    workingDays: integer('working_days'),
    /** 整改措施 */
    measures: text('measures'),
    state: text('state').notNull(),
    /** 复查不通过 so far */
    failCount: integer('fail_count').notNull().default(0),
    closedOn: text('closed_on'),
    archivedOn: text('archived_on'),
    escalated: integer('escalated', { mode: 'boolean' }).notNull().default(false),
    escalatedAt: text('escalated_at'),
    /** 'overdue' | 'failures' */
    escalationReason: text('escalation_reason'),
    /** the inspection that found it, once inspections exist (issue 8, later slice) */
    sourceInspectionId: text('source_inspection_id'),
    /** the block's 自查 / 互查 that found it (issue 19) */
    sourceCheckId: text('source_check_id'),
    /** the safety manager who reported it: the checker of a block check, the reporter of a 问题反馈 */
    reporterManagerId: text('reporter_manager_id'),
  },
  (t) => [
    index('hazards_district_state').on(t.districtId, t.state),
    index('hazards_unit').on(t.unitId),
    index('hazards_block').on(t.blockId),
    index('hazards_deadline').on(t.deadline),
    index('hazards_updated').on(t.updatedAt, t.id),
    index('hazards_district_number').on(t.districtId, t.number),
  ],
);

/** One step on a hazard: who moved it from which state to which, why, with which evidence. */
export const hazardEvents = sqliteTable(
  'hazard_events',
  {
    ...syncColumns,
    hazardId: text('hazard_id')
      .notNull()
      .references(() => hazards.id),
    /** create / order / start / submit / review / pass / fail / archive / escalate */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
    comment: text('comment'),
    /** JSON array of attachments ids (the shared content-hash store) */
    evidence: text('evidence').notNull().default('[]'),
  },
  (t) => [index('hazard_events_hazard').on(t.hazardId, t.at), index('hazard_events_updated').on(t.updatedAt, t.id)],
);
