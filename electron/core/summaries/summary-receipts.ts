import type Database from 'better-sqlite3';

/**
 * At the bureau, inside the import's transaction: stamps each submission of the sender's
 * summaries that was not here before with this import's time. The first bundle that
 * carried a submission fixes its time; a later bundle carrying the same one changes
 * nothing (docs/DOMAIN.md, 月度工作小结: on time by the bureau's clock).
 */
export function recordSummaryReceipts(sqlite: Database.Database, senderId: string, bundleId: string, receivedAt: string): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO summary_receipts (summary_id, submitted_at, received_at, bundle_id)
       SELECT id, submitted_at, ?, ? FROM monthly_summaries WHERE origin_node = ? AND submitted_at IS NOT NULL AND deleted_at IS NULL`,
    )
    .run(receivedAt, bundleId, senderId);
}
