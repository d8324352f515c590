import type { Unit } from '../../api/schemas/unit.ts';

// One SELECT shared by the grid query and single-row reads, so a row looks the
// same wherever it is shown.
export const unitSelect = `
SELECT u.id, u.origin_node AS originNode, u.created_at AS createdAt, u.updated_at AS updatedAt,
       u.version, u.deleted_at AS deletedAt, u.district_id AS districtId, d.name AS districtName,
       u.name, u.uscc, u.uscc_legacy AS usccLegacy, u.address, u.industry,
       u.contact_person AS contactPerson, u.contact_phone AS contactPhone, u.notes,
       (SELECT count(*) FROM equipment e WHERE e.unit_id = u.id AND e.deleted_at IS NULL AND e.status = 'in_use') AS equipmentInUse,
       (SELECT count(*) FROM safety_managers m WHERE m.unit_id = u.id AND m.deleted_at IS NULL) AS managerCount
FROM units u JOIN districts d ON d.id = u.district_id`;

export function toUnit(row: Record<string, unknown>): Unit {
  return { ...(row as unknown as Unit), usccLegacy: row['usccLegacy'] === 1 };
}
