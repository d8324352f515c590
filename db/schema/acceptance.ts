import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { attachments } from './attachment.ts';
import { districts } from './district.ts';
import { units } from './unit.ts';

// 示范单位验收 (issue 6). A district office owns its acceptance files, their items,
// evidence links and the templates it publishes; the city bureau's decisions
// (验收通过 / 退回整改 / 撤销) are rows the bureau owns, pointing at the file, and go
// back to the office in a bureau-to-office bundle. Nobody edits another node's rows.

/** One unit's way to becoming a demonstration unit, on a pinned checklist version. */
export const acceptanceFiles = sqliteTable(
  'acceptance_files',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** 试点 (pilot) / 推广 (rollout) */
    phase: text('phase', { enum: ['pilot', 'rollout'] }).notNull(),
    /** the checklist template version the items were made from (resources/checklists) */
    checklistVersion: text('checklist_version').notNull(),
    /** 指导监察人员: one of the district's inspectors, or a name written by hand */
    inspectorId: text('inspector_id'),
    inspectorName: text('inspector_name'),
    /** the office's own state; the bureau's decisions complete it (see acceptance/state.ts) */
    state: text('state').notNull(),
    /** submissions to the city bureau so far; a decision answers one round */
    round: integer('round').notNull().default(0),
    startedOn: text('started_on'),
    targetDate: text('target_date'),
    submittedAt: text('submitted_at'),
    notes: text('notes'),
  },
  (t) => [
    // one open file per unit in an office is the service's rule, not an index: a file the
    // bureau revoked is closed by the bureau's decision while the office's row is unchanged
    index('acceptance_files_origin_unit').on(t.originNode, t.unitId),
    index('acceptance_files_district').on(t.districtId),
    index('acceptance_files_updated').on(t.updatedAt, t.id),
  ],
);

/** One checklist item of a file: the office's result (符合 / 不符合 / 不适用 with reason) and comment. */
export const acceptanceItems = sqliteTable(
  'acceptance_items',
  {
    ...syncColumns,
    fileId: text('file_id')
      .notNull()
      .references(() => acceptanceFiles.id),
    code: text('code').notNull(),
    result: text('result', { enum: ['pass', 'fail', 'na'] }),
    /** why 不适用 (required then) */
    reason: text('reason'),
    comment: text('comment'),
    /** 'prefill' when the result came from the registry check, else 'manual' */
    resultSource: text('result_source'),
    checkedAt: text('checked_at'),
    /** the system's finding (不符合) when the office's result went against it, as it read when saved */
    systemFinding: text('system_finding'),
    /** why the office's result goes against the system's finding (required then) */
    contradictionReason: text('contradiction_reason'),
  },
  (t) => [
    uniqueIndex('acceptance_items_file_code_live').on(t.originNode, t.fileId, t.code).where(sql`${t.deletedAt} is null`),
    index('acceptance_items_updated').on(t.updatedAt, t.id),
  ],
);

/** An evidence file attached to an item; removing it is a tombstone. */
export const acceptanceEvidence = sqliteTable(
  'acceptance_evidence',
  {
    ...syncColumns,
    fileId: text('file_id')
      .notNull()
      .references(() => acceptanceFiles.id),
    itemId: text('item_id')
      .notNull()
      .references(() => acceptanceItems.id),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    note: text('note'),
  },
  (t) => [index('acceptance_evidence_item').on(t.itemId), index('acceptance_evidence_file').on(t.fileId), index('acceptance_evidence_updated').on(t.updatedAt, t.id)],
);

/** The bureau's answer to one submission round of a file: its own row, sent back to the office. */
export const acceptanceDecisions = sqliteTable(
  'acceptance_decisions',
  {
    ...syncColumns,
    fileId: text('file_id')
      .notNull()
      .references(() => acceptanceFiles.id),
    /** the office that owns the file: the only node this row is sent to */
    officeNode: text('office_node').notNull(),
    round: integer('round').notNull(),
    /** 验收通过 / 退回整改 / 撤销 */
    outcome: text('outcome', { enum: ['pass', 'return', 'revoke'] }).notNull(),
    comments: text('comments'),
    /** items sent back: JSON [{ code, comment }] */
    returnedItems: text('returned_items'),
    plaqueNo: text('plaque_no'),
    /** a pass over veto items marked against the system's finding: JSON [{ code, title, finding, reason }] the bureau confirmed */
    acknowledgedItems: text('acknowledged_items'),
    decidedOn: text('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
  },
  (t) => [
    uniqueIndex('acceptance_decisions_origin_plaque_live').on(t.originNode, t.plaqueNo).where(sql`${t.plaqueNo} is not null and ${t.deletedAt} is null`),
    index('acceptance_decisions_file').on(t.fileId),
    index('acceptance_decisions_office').on(t.officeNode),
    index('acceptance_decisions_updated').on(t.updatedAt, t.id),
  ],
);

/** 制度文件标准化样本: an accepted unit's system document published as the district's template. */
export const acceptanceTemplates = sqliteTable(
  'acceptance_templates',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    fileId: text('file_id')
      .notNull()
      .references(() => acceptanceFiles.id),
    itemCode: text('item_code').notNull(),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    title: text('title').notNull(),
    publishedAt: text('published_at').notNull(),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [
    uniqueIndex('acceptance_templates_origin_attachment_live')
      .on(t.originNode, t.itemCode, t.attachmentId)
      .where(sql`${t.withdrawnAt} is null and ${t.deletedAt} is null`),
    index('acceptance_templates_updated').on(t.updatedAt, t.id),
  ],
);
