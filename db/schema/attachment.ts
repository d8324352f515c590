import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';

/**
 * A file kept for the record (scanned certificate, photo, PDF). The bytes live in
 * the data folder under their sha256, stored once however often they are used;
 * rows of other tables point at an attachment's id.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    ...syncColumns,
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
  },
  (t) => [uniqueIndex('attachments_origin_sha_live').on(t.originNode, t.sha256, t.fileName).where(sql`${t.deletedAt} is null`)],
);
