import type { Equipment } from '../../api/schemas/registry.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import { readExtra } from './extra-json.ts';
import { inspectionStatus } from './status-sql.ts';

// Rows are read by rowid after the page (or export chunk) has been chosen by a
// narrow statement on the indexes, so the joins run for the rows shown only.
export const equipmentByRowidsSql = `
SELECT e.rowid AS rid, e.id, e.origin_node AS originNode, e.created_at AS createdAt, e.updated_at AS updatedAt,
       e.version, e.deleted_at AS deletedAt, e.unit_id AS unitId, u.name AS unitName, u.uscc, d.name AS districtName,
       e.equipment_code AS equipmentCode, e.registration_code AS registrationCode, e.registration_no AS registrationNo,
       e.kind_code AS kindCode, e.category_code AS categoryCode, e.variety_code AS varietyCode, e.category_raw AS categoryRaw,
       e.status, e.location, e.last_inspection_date AS lastInspectionDate, e.next_inspection_date AS nextInspectionDate,
       e.next_inspection_source AS nextInspectionSource,
       e.internal_no AS internalNo, e.model, e.product_no AS productNo, e.manufacturer,
       e.commissioned_date AS commissionedDate, e.extra
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
