import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { units } from './unit.ts';

export const equipmentStatuses = ['in_use', 'stopped', 'scrapped', 'cancelled'] as const;
/** where next_inspection_date comes from: the ledger or a form ('recorded'), or last date + the kind's interval ('derived') */
export const nextInspectionSources = ['recorded', 'derived'] as const;

// 特种设备. Catalogue codes (catalogue-2014) are resolved at import; the raw text
// of the ledger is kept so a legacy or unknown code is never silently lost.
export const equipment = sqliteTable(
  'equipment',
  {
    ...syncColumns,
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    equipmentCode: text('equipment_code'),
    registrationCode: text('registration_code'),
    registrationNo: text('registration_no'),
    kindCode: text('kind_code'),
    categoryCode: text('category_code'),
    varietyCode: text('variety_code'),
    categoryRaw: text('category_raw'),
    status: text('status', { enum: equipmentStatuses }).notNull().default('in_use'),
    location: text('location'),
    lastInspectionDate: text('last_inspection_date'),
    nextInspectionDate: text('next_inspection_date'),
    // 'derived' marks a date computed from the last inspection (shown as 推算); NULL with a
    // date is a recorded date of a row written before derivation existed
    nextInspectionSource: text('next_inspection_source', { enum: nextInspectionSources }),
    internalNo: text('internal_no'),
    model: text('model'),
    productNo: text('product_no'),
    manufacturer: text('manufacturer'),
    commissionedDate: text('commissioned_date'),
    extra: text('extra'),
  },
  (t) => [
    // per origin node: two offices may both list one piece (moved, or a stale ledger); the city view shows such pairs
    uniqueIndex('equipment_origin_code_live')
      .on(t.originNode, t.equipmentCode)
      .where(sql`${t.equipmentCode} is not null and ${t.deletedAt} is null`),
    // A unit's pieces, with what the 20-unit screening and the per-unit inspection
    // counts read, so both are answered from the index (units grid, two lists, summary).
    // Ends in the grid's tie-breaker (updated_at, id) so it also covers the equipment grid
    // filtered to a district or a unit, and its sort by unit name (units in name order,
    // each unit's few pieces sorted on their own), with no read of the table.
    index('equipment_unit').on(t.unitId, t.status, t.kindCode, t.categoryCode, t.varietyCode, t.nextInspectionDate, t.deletedAt, t.updatedAt, t.id),
    index('equipment_registration_code').on(t.registrationCode),
    // changed since (bundles): tombstones included
    index('equipment_updated').on(t.updatedAt, t.id),
    // The grid's indexes hold live rows only (partial on deleted_at IS NULL, the grid's
    // own condition) and cover its statements, so a count or a deep page reads the
    // index, not the 200,000-row table. deleted_at is listed (always NULL, one byte)
    // because SQLite does not count a partial index as covering without it. Each ends
    // in (updated_at, id): the grid's tie-breaker, so its sorts need no sort step.
    // Default order, newest first; status kept for the 在用 filter.
    index('equipment_live_updated').on(t.updatedAt, t.id, t.status, t.deletedAt).where(sql`${t.deletedAt} is null`),
    // sort by / filter on the next inspection date (超期, 临期, home-page counts); unit_id
    // last so the units grid counts each unit's 超期 / 临期 pieces from this index alone
    index('equipment_live_next').on(t.nextInspectionDate, t.updatedAt, t.id, t.status, t.deletedAt, t.unitId).where(sql`${t.deletedAt} is null`),
    // filter by kind in the default order, and sort by kind
    index('equipment_live_kind').on(t.kindCode, t.updatedAt, t.id, t.status, t.deletedAt).where(sql`${t.deletedAt} is null`),
  ],
);
