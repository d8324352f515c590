import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { syncColumns } from './sync-columns.ts';
import { units } from './unit.ts';

export const equipmentStatuses = ['in_use', 'stopped', 'scrapped', 'cancelled'] as const;

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
    internalNo: text('internal_no'),
    model: text('model'),
    productNo: text('product_no'),
    manufacturer: text('manufacturer'),
    commissionedDate: text('commissioned_date'),
    extra: text('extra'),
  },
  (t) => [
    uniqueIndex('equipment_code_live')
      .on(t.equipmentCode)
      .where(sql`${t.equipmentCode} is not null and ${t.deletedAt} is null`),
    index('equipment_unit').on(t.unitId, t.status),
    index('equipment_next_inspection').on(t.nextInspectionDate),
    index('equipment_registration_code').on(t.registrationCode),
    index('equipment_kind').on(t.kindCode, t.categoryCode),
    // the grid's default order: most recently changed first
    index('equipment_updated').on(t.updatedAt, t.id),
  ],
);
