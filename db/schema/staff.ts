import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// 经办人员: the people who work at this desk (name, title), chosen at start as the
// 经办人 whose name every write records. Local to this installation, never synced:
// the roster of clerks is the office's own business and changes with its staffing;
// the names that matter elsewhere travel inside the records themselves (audit log,
// decided_by, reviewed_by …), so no other node needs this table.
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    /** as the person signs: unique, so a name in the audit log points at one person */
    name: text('name').notNull(),
    /** 科长, 监察员, 办事员 … as the office calls it */
    title: text('title').notNull(),
    /** a person who left stays listed (their name is in old records) but cannot be chosen */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('staff_name').on(t.name)],
);
