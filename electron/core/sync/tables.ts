import type Database from 'better-sqlite3';

/**
 * The tables that travel in bundles, parents before children so that a bundle's
 * rows can be inserted in this order with foreign keys on. A new synced table is
 * added here and gets the two change-log triggers in its migration, pasted from
 * changeLogTriggersSql(table) (./change-log-triggers.ts); change-log-triggers.test.ts
 * holds every table here to that SQL, and bundle/sync-tables.test.ts fails for a table
 * with origin_node that is missing from this list.
 */
export const syncedTables = [
  'districts',
  'units',
  'equipment',
  'safety_managers',
  'attachments',
  // 块 and 链 (issue 5): blocks before their members and links, inspectors before their links
  'blocks',
  'block_members',
  'inspectors',
  'block_inspectors',
  'block_supervisors',
  // 块的日常 (issue 19): a block's schedule, its 自查 / 互查 and meetings; before hazards, which name the check that found them
  'block_schedules',
  'block_checks',
  'block_meetings',
  // 示范单位验收 (issue 6): files before their items, items before evidence; the bureau's decisions after the files
  'acceptance_files',
  'acceptance_items',
  'acceptance_evidence',
  'acceptance_decisions',
  'acceptance_templates',
  // the bureau's city-wide 标准化样本 (issue 19): after the attachments (its own rows for the files)
  'city_templates',
  // 培训考核 (issue 7): sessions before rosters, banks before questions and exams, exams before candidates,
  // candidates before results, results before certificates; the bureau's pool last
  'training_sessions',
  'training_attendees',
  'question_banks',
  'questions',
  'exams',
  'exam_candidates',
  'exam_results',
  'supervisor_certificates',
  'supervisor_pool',
  // the bureau's safety managers for a training centre (issue 19), to that centre only
  'training_registry',
  // 隐患闭环 (issue 8): hazards before their events
  'hazards',
  'hazard_events',
  // 链 at work (issue 19): managers' 问题反馈 after the hazards they lead to; supervisors' own work entries
  'manager_feedback',
  'supervisor_work_entries',
  // 专项检查 (issue 8): checklists and plans before records, records before the orders they lead to
  'inspection_checklists',
  'inspection_plans',
  'inspection_records',
  'supervision_orders',
  // 投诉举报 (issue 8): complaints before their rewards; the reporters never travel (complaint_reporters)
  'complaints',
  'complaint_rewards',
  // 宣传与进企业培训 (issue 19): an office's log of activities, photos in attachments
  'publicity_activities',
  // 月度工作小结 (issue 8): the office's summaries, then the bureau's reviews of them
  'monthly_summaries',
  'summary_reviews',
  // the bureau's signed statements about its own keys (rotation, revocation), to every office
  'bureau_key_statements',
] as const;
export type SyncedTable = (typeof syncedTables)[number];

export function isSyncedTable(name: string): name is SyncedTable {
  return (syncedTables as readonly string[]).includes(name);
}

const columnCache = new WeakMap<Database.Database, Map<string, string[]>>();

/** The table's columns as the open database has them (the migrations are the truth, not a list kept by hand). */
export function columnsOf(sqlite: Database.Database, table: SyncedTable): string[] {
  let byTable = columnCache.get(sqlite);
  if (!byTable) columnCache.set(sqlite, (byTable = new Map()));
  let columns = byTable.get(table);
  if (!columns) {
    columns = sqlite
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .map((c) => c.name);
    byTable.set(table, columns);
  }
  return columns;
}
