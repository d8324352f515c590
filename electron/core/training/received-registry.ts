import type { CoreContext } from '../context.ts';
import { getIdentity } from '../node/node-service.ts';
import { bureauRows } from '../sync/authority.ts';

// At a training centre, the registry is the list of safety managers the bureau sends it
// (training_registry: the districts it trains, addressed to this centre). Rosters are
// built from it as an office builds them from its ledger, and the certificate rule
// (a valid A certificate) reads it too. Only rows the bureau made and addressed to this
// node count; an office never holds any.

export interface RegistryPerson {
  managerId: string | null;
  name: string;
  idNumber: string | null;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
  phone: string | null;
}

const select = (self: string) => ({
  sql: `SELECT r.manager_id AS managerId, r.name, r.id_number AS idNumber, r.unit_name AS unitName, r.unit_uscc AS unitUscc, r.district_id AS districtId, NULL AS phone
        FROM training_registry r WHERE r.deleted_at IS NULL AND r.training_node = ? AND ${bureauRows('r')}`,
  params: [self],
});

function selfId(ctx: CoreContext): string | null {
  return getIdentity(ctx)?.id ?? null;
}

/** The received managers of a district, on list 2, or named by their office's manager id. */
export function receivedPeople(ctx: CoreContext, by: { districtId?: string | undefined; twoLists?: boolean; managerIds?: readonly string[] }): RegistryPerson[] {
  const self = selfId(ctx);
  if (!self) return [];
  const { sql, params } = select(self);
  const { sqlite } = ctx.database;
  const out: RegistryPerson[] = [];
  if (by.districtId) out.push(...(sqlite.prepare(`${sql} AND r.district_id = ?`).all(...params, by.districtId) as RegistryPerson[]));
  if (by.twoLists) out.push(...(sqlite.prepare(`${sql} AND r.in_list2 = 1`).all(...params) as RegistryPerson[]));
  if (by.managerIds?.length) out.push(...(sqlite.prepare(`${sql} AND r.manager_id IN (SELECT value FROM json_each(?))`).all(...params, JSON.stringify(by.managerIds)) as RegistryPerson[]));
  return out;
}

/** A received manager by ID number (the A-certificate holders carry it in full). */
export function receivedByIdNumber(ctx: CoreContext, idNumber: string): RegistryPerson | undefined {
  const self = selfId(ctx);
  if (!self) return undefined;
  const { sql, params } = select(self);
  return ctx.database.sqlite.prepare(`${sql} AND r.id_number = ? ORDER BY r.updated_at DESC LIMIT 1`).get(...params, idNumber) as RegistryPerson | undefined;
}

/** The certificate rows of one person in the received registry: the manager the roster names, or any with the ID number. */
export function receivedCertificates(ctx: CoreContext, managerId: string | null, idNumber: string | null) {
  const self = selfId(ctx);
  if (!self) return [];
  return ctx.database.sqlite
    .prepare(
      `SELECT r.manager_id AS id, r.item_code AS itemCode, r.certificate_no AS certificateNo, r.expiry_date AS expiryDate, r.unit_name AS unitName,
              r.unit_uscc AS unitUscc, r.district_id AS districtId
       FROM training_registry r WHERE r.deleted_at IS NULL AND r.training_node = ? AND ${bureauRows('r')}
         AND (r.manager_id = ? OR (? IS NOT NULL AND r.id_number = ?))`,
    )
    .all(self, managerId, idNumber, idNumber) as Array<{ id: string; itemCode: string | null; certificateNo: string | null; expiryDate: string | null; unitName: string | null; unitUscc: string | null; districtId: string | null }>;
}

/** Per district: the managers received and how many are on list 2 (the roster picker's choices). */
export function registrySummary(ctx: CoreContext): { districts: Array<{ districtId: string; districtName: string; managers: number; list2: number }>; updatedAt: string | null } {
  const self = selfId(ctx);
  if (!self) return { districts: [], updatedAt: null };
  const { sqlite } = ctx.database;
  const districts = sqlite
    .prepare(
      `SELECT r.district_id AS districtId, d.name AS districtName, count(*) AS managers, sum(r.in_list2) AS list2
       FROM training_registry r JOIN districts d ON d.id = r.district_id
       WHERE r.deleted_at IS NULL AND r.training_node = ? AND ${bureauRows('r')} GROUP BY r.district_id ORDER BY d.sort_order, d.name`,
    )
    .all(self) as Array<{ districtId: string; districtName: string; managers: number; list2: number }>;
  const updatedAt = (sqlite.prepare(`SELECT max(r.updated_at) AS at FROM training_registry r WHERE r.training_node = ? AND ${bureauRows('r')}`).get(self) as { at: string | null }).at;
  return { districts, updatedAt };
}
