import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

// This node's own settings (thresholds, remembered column mappings …), one JSON
// value per key. Not synced: each office tunes its own installation.
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
