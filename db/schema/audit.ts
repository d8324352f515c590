import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Append-only (triggers in the migrations refuse UPDATE and DELETE). Each entry
// carries the hash of the previous one, so a removed or edited entry breaks the chain.
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  nodeId: text('node_id').notNull(),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  call: text('call').notNull(),
  tableName: text('table_name').notNull(),
  rowIds: text('row_ids').notNull(),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
