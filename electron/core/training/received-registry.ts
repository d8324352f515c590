import type { CoreContext } from '../context.ts';
import { getIdentity } from '../node/node-service.ts';
import { bureauRows } from '../sync/authority.ts';
import { all, get, sql, sqlFragment, sqlRaw } from '../data/query.ts';

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

const bureau = sqlRaw(bureauRows('r'));
const select = (self: string) => sqlFragment`SELECT r.manager_id AS managerId, r.name, r.id_number AS idNumber, r.unit_name AS unitName, r.unit_uscc AS unitUscc, r.district_id AS districtId, NULL AS phone
        FROM training_registry r WHERE r.deleted_at IS NULL AND r.training_node = ${self} AND ${bureau}`;

function selfId(ctx: CoreContext): string | null {
  return getIdentity(ctx)?.id ?? null;
}

/** The received managers of a district, on list 2, or named by their office's manager id. */
export function receivedPeople(ctx: CoreContext, by: { districtId?: string | undefined; twoLists?: boolean; managerIds?: readonly string[] }): RegistryPerson[] {
  const self = selfId(ctx);
  if (!self) return [];
  const people = select(self);
  const { sqlite } = ctx.database;
  const out: RegistryPerson[] = [];
  if (by.districtId) out.push(...all(sqlite, sql<RegistryPerson>`${people} AND r.district_id = ${by.districtId}`));
  if (by.twoLists) out.push(...all(sqlite, sql<RegistryPerson>`${people} AND r.in_list2 = 1`));
  if (by.managerIds?.length) out.push(...all(sqlite, sql<RegistryPerson>`${people} AND r.manager_id IN (SELECT value FROM json_each(${JSON.stringify(by.managerIds)}))`));
  return out;
}

/** A received manager by ID number (the A-certificate holders carry it in full). */
export function receivedByIdNumber(ctx: CoreContext, idNumber: string): RegistryPerson | undefined {
  const self = selfId(ctx);
  if (!self) return undefined;
  return get(ctx.database.sqlite, sql<RegistryPerson>`${select(self)} AND r.id_number = ${idNumber} ORDER BY r.updated_at DESC LIMIT 1`);
}

/** The certificate rows of one person in the received registry: the manager the roster names, or any with the ID number. */
export function receivedCertificates(ctx: CoreContext, managerId: string | null, idNumber: string | null) {
  const self = selfId(ctx);
  if (!self) return [];
  return all(
    ctx.database.sqlite,
    sql<{ id: string; itemCode: string | null; certificateNo: string | null; expiryDate: string | null; unitName: string | null; unitUscc: string | null; districtId: string | null }>`
       SELECT r.manager_id AS id, r.item_code AS itemCode, r.certificate_no AS certificateNo, r.expiry_date AS expiryDate, r.unit_name AS unitName,
              r.unit_uscc AS unitUscc, r.district_id AS districtId
       FROM training_registry r WHERE r.deleted_at IS NULL AND r.training_node = ${self} AND ${bureau}
         AND (r.manager_id = ${managerId} OR (${idNumber} IS NOT NULL AND r.id_number = ${idNumber}))`,
  );
}

/** Per district: the managers received and how many are on list 2 (the roster picker's choices). */
export function registrySummary(ctx: CoreContext): { districts: Array<{ districtId: string; districtName: string; managers: number; list2: number }>; updatedAt: string | null } {
  const self = selfId(ctx);
  if (!self) return { districts: [], updatedAt: null };
  const { sqlite } = ctx.database;
  const districts = all(
    sqlite,
    sql<{ districtId: string; districtName: string; managers: number; list2: number }>`SELECT r.district_id AS districtId, d.name AS districtName, count(*) AS managers, sum(r.in_list2) AS list2
       FROM training_registry r JOIN districts d ON d.id = r.district_id
       WHERE r.deleted_at IS NULL AND r.training_node = ${self} AND ${bureau} GROUP BY r.district_id ORDER BY d.sort_order, d.name`,
  );
  const updatedAt = get(sqlite, sql<{ at: string | null }>`SELECT max(r.updated_at) AS at FROM training_registry r WHERE r.training_node = ${self} AND ${bureau}`)?.at ?? null;
  return { districts, updatedAt };
}
