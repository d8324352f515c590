import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { blocks } from './block.ts';
import { districts } from './district.ts';
import { safetyManagers } from './safety-manager.ts';
import { units } from './unit.ts';

// 块的日常 (issue 19): what a block does to check itself — 自查 by a member unit, 互查 where
// one member's safety manager checks another member, meetings and 交流学习 — and the
// schedule it keeps (活动安排). A district office owns every row; the bureau reads them
// from bundles. Due activities and their overdue flags are computed from the schedule
// and the records, never stored: they change with the date, not with a write.

/** One rule of a block's 活动安排: which activity, how often, from when (until ended_on). */
export const blockSchedules = sqliteTable(
  'block_schedules',
  {
    ...syncColumns,
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** self_check (自查) / mutual_check (互查) / meeting (会议、交流学习) */
    kind: text('kind', { enum: ['self_check', 'mutual_check', 'meeting'] }).notNull(),
    /** monthly / quarterly / custom (the dates in `dates`) */
    frequency: text('frequency', { enum: ['monthly', 'quarterly', 'custom'] }).notNull(),
    /** monthly and quarterly: due by this day of the period's last month (null: its last day) */
    dueDay: integer('due_day'),
    /** custom: JSON array of due dates (YYYY-MM-DD), ascending */
    dates: text('dates').notNull().default('[]'),
    startsOn: text('starts_on').notNull(),
    /** the rule no longer applies after this date (kept, so the past calendar stays what it was) */
    endedOn: text('ended_on'),
    notes: text('notes'),
  },
  (t) => [index('block_schedules_block').on(t.blockId), index('block_schedules_updated').on(t.updatedAt, t.id)],
);

/** 自查 (kind self: the unit's own safety manager) or 互查 (kind mutual: a manager of another member unit), against a pinned checklist. */
export const blockChecks = sqliteTable(
  'block_checks',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    kind: text('kind', { enum: ['self', 'mutual'] }).notNull(),
    checkedUnitId: text('checked_unit_id')
      .notNull()
      .references(() => units.id),
    /** the checker's unit: the checked unit itself for 自查, another member for 互查 */
    checkerUnitId: text('checker_unit_id')
      .notNull()
      .references(() => units.id),
    /** the safety manager who checked: the reporting manager of its findings */
    checkerManagerId: text('checker_manager_id')
      .notNull()
      .references(() => safetyManagers.id),
    checkedOn: text('checked_on').notNull(),
    /** shipped key ('common') or an office's own inspection_checklists key, with the version pinned */
    checklistKey: text('checklist_key').notNull(),
    checklistVersion: integer('checklist_version').notNull(),
    /** JSON [{ code, text, basis, result: 'ok' | 'problem' | 'na' | null, note }], copied from the pinned checklist */
    items: text('items').notNull().default('[]'),
    findings: text('findings'),
    /** who signed for the checked unit (the checker signs as the manager named above) */
    checkedSigner: text('checked_signer'),
    /** JSON array of attachments ids: photos and files */
    attachments: text('attachments').notNull().default('[]'),
    /** draft / final */
    state: text('state').notNull(),
  },
  (t) => [
    index('block_checks_block_date').on(t.blockId, t.checkedOn),
    index('block_checks_checker').on(t.checkerManagerId),
    index('block_checks_updated').on(t.updatedAt, t.id),
  ],
);

/** A block's meeting (会议) or learning exchange (交流学习): topic, who took part, minutes, photos. */
export const blockMeetings = sqliteTable(
  'block_meetings',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    /** meeting (会议) / exchange (交流学习) */
    kind: text('kind', { enum: ['meeting', 'exchange'] }).notNull(),
    heldOn: text('held_on').notNull(),
    topic: text('topic').notNull(),
    place: text('place'),
    /** JSON [{ kind: 'manager' | 'inspector' | 'other', id?, name, unitName? }]: managers and inspectors from the registers */
    participants: text('participants').notNull().default('[]'),
    minutes: text('minutes'),
    /** JSON array of attachments ids: photos and the signed attendance sheet */
    attachments: text('attachments').notNull().default('[]'),
  },
  (t) => [index('block_meetings_block_date').on(t.blockId, t.heldOn), index('block_meetings_updated').on(t.updatedAt, t.id)],
);
