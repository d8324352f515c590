import type { CallName } from '../api/contract.ts';

// Which thread answers a call.
//
// The writer owns the database and everything kept in memory between calls (an
// import's previewed plan, picked-file grants, the jobs). While it sits in a long
// synchronous write (a 100,000-row import, a large bundle) it answers nothing, so:
//  - jobs.progress and jobs.cancel are answered by the host itself, from the
//    shared-memory job board (electron/core/jobs/job-board.ts);
//  - the reads below go to a second core on a read-only connection to the same
//    file. SQLite's WAL lets it read the last committed state while the writer
//    writes, and a read started after a write was answered sees that write.
// Only calls that read nothing but the database belong here; reader.test.ts runs
// every one of them on a read-only core and compares it with the writer. A call that
// writes for some inputs only (the 工作联系表's audit entry, risk scores gone stale) is
// refused by the read-only connection with NEEDS_WRITER, and the host asks the writer.

export const hostAnsweredJobCalls = ['jobs.progress', 'jobs.cancel'] as const satisfies readonly CallName[];

export const readerCalls = new Set<CallName>([
  'app.info',
  'stats.get',
  'node.get',
  'node.calls',
  'districts.list',
  'units.query',
  'units.get',
  'equipment.query',
  'managers.query',
  'registry.summary',
  'lists.get',
  'settings.get',
  'dashboard.get',
  'grid.export',
  'lists.exportXlsx',
  'bundles.sent',
  'bundles.received',
  'city.overview',
  'blocks.list',
  'blocks.get',
  'inspectors.list',
  'chain.roster',
  'acceptance.board',
  'acceptance.list',
  'hazards.list',
  'hazards.stats',
  'complaints.list',
  'complaints.stats',
  'inspections.listPlans',
  'inspections.listRecords',
  'inspections.listOrders',
  'inspections.stats',
  'training.sessions',
  'training.exams',
  'training.certificates',
  'training.pool',
  'summaries.list',
  'summaries.status',
]);
