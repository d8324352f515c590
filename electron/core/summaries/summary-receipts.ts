import type Database from 'better-sqlite3';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { drizzleOf } from '../../../db/drizzle-of.ts';
import { monthlySummaries, summaryReceipts } from '../../../db/schema/index.ts';

/**
 * At the bureau, inside the import's transaction: stamps each submission of the sender's
 * summaries that was not here before with this import's time. The first bundle that
 * carried a submission fixes its time; a later bundle carrying the same one changes
 * nothing (docs/DOMAIN.md, 月度工作小结: on time by the bureau's clock).
 *
 * The import hands over its better-sqlite3 handle; the builder over the same handle
 * writes inside that transaction.
 */
export function recordSummaryReceipts(sqlite: Database.Database, senderId: string, bundleId: string, receivedAt: string): void {
  const m = monthlySummaries;
  drizzleOf(sqlite)
    .insert(summaryReceipts)
    .select((qb) =>
      qb
        .select({ summaryId: m.id, submittedAt: sql<string>`${m.submittedAt}`.as('submitted_at'), receivedAt: sql<string>`${receivedAt}`.as('received_at'), bundleId: sql<string>`${bundleId}`.as('bundle_id') })
        .from(m)
        .where(and(eq(m.originNode, senderId), isNotNull(m.submittedAt), isNull(m.deletedAt))),
    )
    // a submission already stamped keeps the time of the first bundle that carried it
    .onConflictDoNothing()
    .run();
}
