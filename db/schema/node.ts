import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

// This installation's identity: exactly one row, made at first start or by `qkl init`.
// Not synced: every node knows itself; other nodes learn it from keys and bundles.
export const nodeIdentity = sqliteTable('node_identity', {
  id: text('id').primaryKey(),
  role: text('role', { enum: ['district', 'training', 'bureau'] }).notNull(),
  name: text('name').notNull(),
  districtId: text('district_id'),
  createdAt: text('created_at').notNull(),
});
