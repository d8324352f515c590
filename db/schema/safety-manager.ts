import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';
import { units } from './unit.ts';

// 特种设备安全管理员 (持证). The ID number is personal information: stored here,
// shown masked, and leaves the machine only inside encrypted bundles.
export const safetyManagers = sqliteTable(
  'safety_managers',
  {
    ...syncColumns,
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    nameInitials: text('name_initials'),
    // the pinyin sort key of the name, surname read as a surname (electron/core/pinyin.ts), kept by triggers
    nameSort: text('name_sort'),
    idNumber: text('id_number'),
    itemCode: text('item_code'),
    certificateNo: text('certificate_no'),
    issuedDate: text('issued_date'),
    expiryDate: text('expiry_date'),
    phone: text('phone'),
    extra: text('extra'),
  },
  (t) => [
    index('safety_managers_unit').on(t.unitId),
    index('safety_managers_certificate').on(t.certificateNo),
    index('safety_managers_item_expiry').on(t.itemCode, t.expiryDate),
    index('safety_managers_updated').on(t.updatedAt, t.id),
    index('safety_managers_name_sort').on(t.nameSort),
  ],
);
