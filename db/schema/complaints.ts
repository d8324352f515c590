import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { districts } from './district.ts';
import { equipment } from './equipment.ts';
import { units } from './unit.ts';

// 投诉举报与奖励 (issue 8). A district office owns its complaints and the rewards it
// proposes and approves; the bureau reads them. The reporter's identity never travels:
// a complaint row carries only the masked name, the person lives in complaint_reporters,
// which is not a synced table (see electron/core/bundles/sync-tables.ts), and is shown
// only in the register's detail view.

/** 投诉举报登记 */
export const complaints = sqliteTable(
  'complaints',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    receivedOn: text('received_on').notNull(),
    /** 电话 / 12345 / 来信 / 来访 / 网络 */
    channel: text('channel', { enum: ['phone', '12345', 'letter', 'visit', 'online'] }).notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** 王** — what every view and every bundle shows */
    reporterMasked: text('reporter_masked'),
    content: text('content').notNull(),
    unitId: text('unit_id').references(() => units.id),
    /** a unit not (yet) in the ledger, as the reporter named it */
    unitName: text('unit_name'),
    equipmentId: text('equipment_id').references(() => equipment.id),
    handlingDeadline: text('handling_deadline').notNull(),
    handlingResult: text('handling_result'),
    handledOn: text('handled_on'),
    /** 查实 / 部分查实 / 不实 */
    outcome: text('outcome', { enum: ['substantiated', 'partly', 'unfounded'] }),
    linkedInspectionId: text('linked_inspection_id'),
    linkedHazardId: text('linked_hazard_id'),
    /** received / handling / handled */
    state: text('state').notNull(),
  },
  (t) => [
    index('complaints_district_received').on(t.districtId, t.receivedOn),
    index('complaints_unit').on(t.unitId),
    index('complaints_updated').on(t.updatedAt, t.id),
  ],
);

/** The reporter in full: this office's only, never in a bundle. */
export const complaintReporters = sqliteTable('complaint_reporters', {
  complaintId: text('complaint_id')
    .primaryKey()
    .references(() => complaints.id),
  name: text('name'),
  phone: text('phone'),
  idNumber: text('id_number'),
  address: text('address'),
  /** 举报人为本局工作人员: registered like anyone, never rewarded (国市监稽规〔2021〕4号). Migration 0010. */
  bureauStaff: integer('bureau_staff', { mode: 'boolean' }).notNull().default(false),
});

/** 举报奖励: proposed from the scheme in the settings, approved by a person. Amounts in fen (分). */
export const complaintRewards = sqliteTable(
  'complaint_rewards',
  {
    ...syncColumns,
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** 'national' (国市监稽规〔2021〕4号) / 'local' (the office's tier table) */
    scheme: text('scheme', { enum: ['national', 'local'] }).notNull(),
    /** 一级 / 二级 / 三级 */
    level: integer('level').notNull(),
    finesFen: integer('fines_fen').notNull().default(0),
    confiscatedFen: integer('confiscated_fen').notNull().default(0),
    proposedFen: integer('proposed_fen').notNull(),
    /** how the proposal was reached, as printed on the approval form */
    basis: text('basis').notNull(),
    approvedFen: integer('approved_fen'),
    approvedBy: text('approved_by'),
    approvedOn: text('approved_on'),
    /** proposed / approved / rejected / paid */
    state: text('state').notNull(),
    /**
     * JSON of the decisions after the proposal, as the approval form prints them:
     * { adjustReason?, rejectReason?, paidOn?, paidNote? } (core/complaints/reward-notes.ts).
     */
    notes: text('notes'),
  },
  (t) => [index('complaint_rewards_complaint').on(t.complaintId), index('complaint_rewards_updated').on(t.updatedAt, t.id)],
);
