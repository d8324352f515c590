import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { districts } from './district.ts';
import { safetyManagers } from './safety-manager.ts';
import { units } from './unit.ts';

// 块 (安全管理小组) and 链 (工作联系). A district office groups 5–10 using units into
// a block that checks itself, led by a (future) demonstration unit; its inspectors
// and the member units' safety managers form the chain. Every row travels in
// bundles, so nothing is deleted: a unit leaving, an inspector or supervisor taken
// off, a block dissolved are dates (left_at, removed_at, dissolved_at), and history
// stays. Natural keys are unique per origin node, so two offices never clash at the bureau.

export const blocks = sqliteTable(
  'blocks',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    /** a member unit; null while none is chosen (a problem shown on the board) */
    leadUnitId: text('lead_unit_id').references(() => units.id),
    /** meeting / mutual-check rhythm as the office writes it: 每月, 每季度 … */
    schedule: text('schedule'),
    notes: text('notes'),
    dissolvedAt: text('dissolved_at'),
    dissolvedReason: text('dissolved_reason'),
  },
  (t) => [
    // Names of live blocks are kept distinct by the service, not by an index: a rename
    // swap between two blocks would otherwise clash half-way through a bundle's merge.
    index('blocks_district').on(t.districtId),
    index('blocks_updated').on(t.updatedAt, t.id),
  ],
);

/** Membership periods: a unit joins (joined_at) and may leave (left_at, left_reason); rows are never removed. */
export const blockMembers = sqliteTable(
  'block_members',
  {
    ...syncColumns,
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    joinedAt: text('joined_at').notNull(),
    leftAt: text('left_at'),
    leftReason: text('left_reason'),
  },
  (t) => [
    // a unit is in at most one active block (of this office); the service says so in Chinese first
    uniqueIndex('block_members_origin_unit_active').on(t.originNode, t.unitId).where(sql`${t.leftAt} is null and ${t.deletedAt} is null`),
    index('block_members_block').on(t.blockId),
    index('block_members_unit').on(t.unitId),
    index('block_members_updated').on(t.updatedAt, t.id),
  ],
);

/** 监察人员 of a district: the office's own staff who hold an enforcement certificate. */
export const inspectors = sqliteTable(
  'inspectors',
  {
    ...syncColumns,
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    /** 执法证号 */
    enforcementNo: text('enforcement_no'),
    phone: text('phone'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('inspectors_origin_enforcement_live')
      .on(t.originNode, t.enforcementNo)
      .where(sql`${t.enforcementNo} is not null and ${t.deletedAt} is null`),
    index('inspectors_district').on(t.districtId),
    index('inspectors_updated').on(t.updatedAt, t.id),
  ],
);

/** An inspector responsible for a block, from assigned_at until removed_at. */
export const blockInspectors = sqliteTable(
  'block_inspectors',
  {
    ...syncColumns,
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    assignedAt: text('assigned_at').notNull(),
    removedAt: text('removed_at'),
  },
  (t) => [
    uniqueIndex('block_inspectors_active').on(t.blockId, t.inspectorId).where(sql`${t.removedAt} is null and ${t.deletedAt} is null`),
    index('block_inspectors_inspector').on(t.inspectorId),
    index('block_inspectors_updated').on(t.updatedAt, t.id),
  ],
);

/**
 * 安全监督员 of a block: a safety manager of a member unit. Supervisor certificates
 * come with the training work (issue 7); until then any safety manager of a member
 * unit may be assigned.
 */
export const blockSupervisors = sqliteTable(
  'block_supervisors',
  {
    ...syncColumns,
    blockId: text('block_id')
      .notNull()
      .references(() => blocks.id),
    managerId: text('manager_id')
      .notNull()
      .references(() => safetyManagers.id),
    assignedAt: text('assigned_at').notNull(),
    removedAt: text('removed_at'),
  },
  (t) => [
    uniqueIndex('block_supervisors_active').on(t.blockId, t.managerId).where(sql`${t.removedAt} is null and ${t.deletedAt} is null`),
    index('block_supervisors_manager').on(t.managerId),
    index('block_supervisors_updated').on(t.updatedAt, t.id),
  ],
);
