import { integer, text } from 'drizzle-orm/sqlite-core';

// Every table that travels in bundles carries these columns. Ids are UUIDv7
// (time-ordered, globally unique) so rows from many offices merge without
// clashes; deletes are tombstones (deletedAt) so that they travel too.
export const syncColumns = {
  id: text('id').primaryKey(),
  originNode: text('origin_node').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  deletedAt: text('deleted_at'),
};
