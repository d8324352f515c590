import type { Equipment } from '../../api/schemas/registry.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import { readExtra } from './extra-json.ts';
import { inspectionStatus } from './status-sql.ts';

// Rows are read by rowid after the page (or export chunk) has been chosen by a
// narrow statement on the indexes, so the joins run for the rows shown only.
// The piece's own columns, by the field name of the row the grid shows; the unit's
// and district's come from the joins (u., d.) and are listed apart so the export can
// take them from a lookup of the units instead (see equipment-export-rows.ts).
export const equipmentColumnSql: Readonly<Record<string, string>> = {
  id: 'e.id', originNode: 'e.origin_node', createdAt: 'e.created_at', updatedAt: 'e.updated_at',
  version: 'e.version', deletedAt: 'e.deleted_at', unitId: 'e.unit_id',
  equipmentCode: 'e.equipment_code', registrationCode: 'e.registration_code', registrationNo: 'e.registration_no',
  kindCode: 'e.kind_code', categoryCode: 'e.category_code', varietyCode: 'e.variety_code', categoryRaw: 'e.category_raw',
  status: 'e.status', location: 'e.location', lastInspectionDate: 'e.last_inspection_date',
  nextInspectionDate: 'e.next_inspection_date', nextInspectionSource: 'e.next_inspection_source',
  internalNo: 'e.internal_no', model: 'e.model', productNo: 'e.product_no', manufacturer: 'e.manufacturer',
  commissionedDate: 'e.commissioned_date', extra: 'e.extra',
};
export const unitColumnSql: Readonly<Record<string, string>> = { unitName: 'u.name', uscc: 'u.uscc', districtName: 'd.name' };

export const selectList = (columns: Readonly<Record<string, string>>) =>
  Object.entries(columns).map(([field, sql]) => `${sql} AS ${field}`).join(', ');

export const equipmentByRowidsSql = `
SELECT e.rowid AS rid, ${selectList({ ...equipmentColumnSql, ...unitColumnSql })}
FROM equipment e JOIN units u ON u.id = e.unit_id JOIN districts d ON d.id = u.district_id
WHERE e.rowid IN (SELECT value FROM json_each(?))`;

export interface StatusDates {
  asOf: string;
  /** last date still 临期 (asOf + dueSoonDays) */
  dueLimit: string;
}

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

// Built field by field rather than by spreading the database row: the export maps
// 200,000 rows, and a rest-spread of a 27-column row is several times slower.
export function toEquipment(row: Row, dates: StatusDates): Equipment {
  const catalogue = loadCatalogue();
  const name = (code: string | null) => (code ? (catalogue.get(code)?.name ?? null) : null);
  const kindCode = text(row['kindCode']);
  const categoryCode = text(row['categoryCode']);
  const varietyCode = text(row['varietyCode']);
  const nextInspectionDate = text(row['nextInspectionDate']);
  return {
    id: row['id'] as string,
    originNode: row['originNode'] as string,
    createdAt: row['createdAt'] as string,
    updatedAt: row['updatedAt'] as string,
    version: row['version'] as number,
    deletedAt: text(row['deletedAt']),
    unitId: row['unitId'] as string,
    unitName: row['unitName'] as string,
    uscc: row['uscc'] as string,
    districtName: row['districtName'] as string,
    equipmentCode: text(row['equipmentCode']),
    registrationCode: text(row['registrationCode']),
    registrationNo: text(row['registrationNo']),
    kindCode,
    kindName: name(kindCode),
    categoryCode,
    categoryName: name(categoryCode),
    varietyCode,
    varietyName: name(varietyCode),
    categoryRaw: text(row['categoryRaw']),
    status: row['status'] as Equipment['status'],
    location: text(row['location']),
    lastInspectionDate: text(row['lastInspectionDate']),
    nextInspectionDate,
    nextInspectionSource: nextInspectionDate && row['nextInspectionSource'] === 'derived' ? 'derived' : nextInspectionDate ? 'recorded' : null,
    inspectionStatus: inspectionStatus(nextInspectionDate, dates.asOf, dates.dueLimit),
    internalNo: text(row['internalNo']),
    model: text(row['model']),
    productNo: text(row['productNo']),
    manufacturer: text(row['manufacturer']),
    commissionedDate: text(row['commissionedDate']),
    extra: readExtra(row['extra']),
  };
}
