import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { upTo, scratchFile } from './harness.ts';

// 0011: summary receipts at the bureau. Summaries that reached a bureau before keep
// their old judgement (received_at = the office's submitted_at); an office's own
// summaries get none; drafts get none.

function summary(db: Database.Database, id: string, origin: string, month: string, submittedAt: string | null) {
  db.prepare(
    `INSERT INTO monthly_summaries (id, origin_node, created_at, updated_at, district_id, month, due_on, state, submitted_at)
     VALUES (?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'seed-district-03', ?, ?, ?, ?)`,
  ).run(id, origin, month, `${month}-25`, submittedAt ? 'submitted' : 'draft', submittedAt);
}

describe('0011_summary_receipts', () => {
  it('keeps the judgement of summaries the node already holds from others, and stamps nothing else', () => {
    const db = new Database(scratchFile('bureau.sqlite'));
    migrate(db, upTo('0010_complaint_reporter_staff'));
    db.prepare("INSERT INTO node_identity (id, role, name, district_id, created_at) VALUES ('bureau', 'bureau', '市局', NULL, '2026-01-01')").run();
    summary(db, 's-office-sent', 'office-1', '2026-11', '2026-11-24T09:00:00.000Z');
    summary(db, 's-office-draft', 'office-1', '2026-12', null);
    summary(db, 's-own', 'bureau', '2026-11', '2026-11-20T09:00:00.000Z');

    expect(migrate(db, upTo('0011_summary_receipts')).applied).toEqual(['0011_summary_receipts']);
    expect(db.prepare('SELECT summary_id, submitted_at, received_at, bundle_id FROM summary_receipts').all()).toEqual([
      { summary_id: 's-office-sent', submitted_at: '2026-11-24T09:00:00.000Z', received_at: '2026-11-24T09:00:00.000Z', bundle_id: 'legacy' },
    ]);
    db.close();
  });
});
