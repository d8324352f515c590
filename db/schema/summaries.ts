import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { districts } from './district.ts';

// 月度工作小结 (issue 8). A district office owns its summary of each month; submitting it
// freezes the figures and sends it in the next bundle. The city bureau answers with a
// review row (returned with a comment, or received), which goes back to that office only
// (bureauTargetColumns), as acceptance decisions do.

export const monthlySummaries = sqliteTable(
  'monthly_summaries',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    /** the due date when it was written (the 25th by default: a setting) */
    dueOn: text('due_on').notNull(),
    /** JSON: the figures pre-filled from the data, frozen on submission */
    figures: text('figures').notNull().default('{}'),
    /** 工作经验 / 存在问题 / 意见建议, as the seed asks, plus free text */
    experience: text('experience'),
    problems: text('problems'),
    proposals: text('proposals'),
    narrative: text('narrative'),
    /** JSON array of attachments ids */
    attachments: text('attachments').notNull().default('[]'),
    /** draft / submitted (final) / returned (by the bureau, editable again) */
    state: text('state').notNull(),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
  },
  (t) => [
    uniqueIndex('monthly_summaries_origin_month_live').on(t.originNode, t.month).where(sql`${t.deletedAt} is null`),
    index('monthly_summaries_updated').on(t.updatedAt, t.id),
  ],
);

/** The bureau's answer to one submission: 退回 with a comment, or 已收. */
export const summaryReviews = sqliteTable(
  'summary_reviews',
  {
    ...syncColumns,
    summaryId: text('summary_id')
      .notNull()
      .references(() => monthlySummaries.id),
    /** the office that owns the summary: the only node this row is sent to */
    officeNode: text('office_node').notNull(),
    /** the submission answered (its submitted_at) */
    submittedAt: text('submitted_at').notNull(),
    action: text('action', { enum: ['return', 'receive'] }).notNull(),
    comment: text('comment'),
    reviewedOn: text('reviewed_on').notNull(),
    reviewedBy: text('reviewed_by').notNull(),
  },
  (t) => [
    index('summary_reviews_summary').on(t.summaryId),
    index('summary_reviews_office').on(t.officeNode),
    index('summary_reviews_updated').on(t.updatedAt, t.id),
  ],
);

/**
 * At the bureau: when each submission of a summary arrived here (the import of the
 * bundle that first carried it). 按时 / 逾期 is judged by this time, on the bureau's
 * clock, not by the office PC's submitted_at. Local to the bureau: it never travels.
 */
export const summaryReceipts = sqliteTable(
  'summary_receipts',
  {
    summaryId: text('summary_id')
      .notNull()
      .references(() => monthlySummaries.id),
    /** the submission, as the office stamped it */
    submittedAt: text('submitted_at').notNull(),
    receivedAt: text('received_at').notNull(),
    bundleId: text('bundle_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.summaryId, t.submittedAt] })],
);
