import type { SafetyManager } from '../../api/schemas/registry.ts';
import { maskIdNumber, maskPhone } from '../privacy/mask.ts';
import { readExtra } from './extra-json.ts';
import { certificateStatus } from './status-sql.ts';

// The full ID number and phone are selected only to be masked here: no caller of
// this module ever sees them (SECURITY: personal data leaves only in bundles).
export const managersByRowidsSql = `
SELECT m.rowid AS rid, m.id, m.origin_node AS originNode, m.created_at AS createdAt, m.updated_at AS updatedAt,
       m.version, m.deleted_at AS deletedAt, m.unit_id AS unitId, u.name AS unitName, u.uscc,
       m.name, m.id_number AS idNumber, m.item_code AS itemCode, m.certificate_no AS certificateNo,
       m.issued_date AS issuedDate, m.expiry_date AS expiryDate, m.phone, m.extra
FROM safety_managers m JOIN units u ON u.id = m.unit_id
WHERE m.rowid IN (SELECT value FROM json_each(?))`;

export interface CertificateDates {
  asOf: string;
  /** last date counted as 即将到期 (asOf + certificateExpiringDays) */
  expiringLimit: string;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function toSafetyManager(row: Record<string, unknown>, dates: CertificateDates): SafetyManager {
  const expiryDate = text(row['expiryDate']);
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
    name: row['name'] as string,
    idNumberMasked: maskIdNumber(text(row['idNumber'])),
    itemCode: text(row['itemCode']),
    certificateNo: text(row['certificateNo']),
    issuedDate: text(row['issuedDate']),
    expiryDate,
    certificateStatus: certificateStatus(expiryDate, dates.asOf, dates.expiringLimit),
    phoneMasked: maskPhone(text(row['phone'])),
    extra: readExtra(row['extra']),
  };
}
