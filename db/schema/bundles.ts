import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every insert or update of a synced table, numbered (triggers in migration 0004
 * keep it). An incremental bundle takes the rows whose latest change is newer than
 * the one the previous bundle covered: no service has to remember to mark a row.
 */
export const syncChanges = sqliteTable(
  'sync_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
  },
  (t) => [uniqueIndex('sync_changes_row').on(t.tableName, t.rowId)],
);

/** Bundles this node made: the chain per target (the bureau, or one office for bureau bundles). */
export const bundlesSent = sqliteTable(
  'bundles_sent',
  {
    id: text('id').primaryKey(),
    targetNodeId: text('target_node_id').notNull(),
    sequence: integer('sequence').notNull(),
    hash: text('hash').notNull(),
    full: integer('full', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    /** JSON {table: rows}, plus "files" */
    rowCounts: text('row_counts').notNull(),
    /** the highest sync_changes.seq this bundle covers */
    changeSeq: integer('change_seq').notNull(),
    acknowledgedAt: text('acknowledged_at'),
  },
  (t) => [uniqueIndex('bundles_sent_chain').on(t.targetNodeId, t.sequence)],
);

/** Bundles this node imported, one per (sender, sequence): replays and gaps are checked against it. */
export const bundlesReceived = sqliteTable(
  'bundles_received',
  {
    id: text('id').notNull(),
    nodeId: text('node_id').notNull(),
    sequence: integer('sequence').notNull(),
    hash: text('hash').notNull(),
    full: integer('full', { mode: 'boolean' }).notNull(),
    keyId: text('key_id').notNull(),
    createdAt: text('created_at').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    /** JSON {table: {inserted, updated, deleted, unchanged}} */
    changes: text('changes').notNull(),
    /** set once a receipt naming this bundle was written */
    receiptAt: text('receipt_at'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.sequence] }), index('bundles_received_id').on(t.id)],
);
