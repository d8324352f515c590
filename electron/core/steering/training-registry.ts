import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import { trainingRegistry } from '../../../db/schema/index.ts';
import type { TrainingRegistryPreview } from '../../api/schemas/steering.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { CITY_WIDE } from '../lists/list-titles.ts';
import { screenedUnits } from '../lists/two-lists.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { localDate } from '../registry/as-of.ts';
import { A_ITEM_CODES } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { requireIdentity } from '../node/node-service.ts';
import { coverageOf } from './steering-settings.ts';
import { all, get, sql as rowsSql } from '../data/query.ts';

// The safety managers a training centre needs, sent by the bureau (training_registry):
// every manager of the districts the centre trains, as the offices' bundles brought them,
// one row per centre and manager, addressed to that centre alone. What travels is what
// the centre needs to build rosters and certify: name, unit, district, the certificate,
// and whether the manager is on list 2. The full ID number goes only with an A
// certificate (作业项目 A, or A1–A8): those are the people the centre matches to answer
// sheets and certifies as supervisors; the others carry it masked. The phone never goes.
// Rows are brought up to date just before each bundle to the centre is made, so they are
// as fresh as the bureau's registry; a manager gone from it, or of a district the centre
// no longer trains, is sent as a tombstone.

const A_CODES = new Set<string>(A_ITEM_CODES);
const isA = (code: string | null) => code !== null && A_CODES.has(code.trim().toUpperCase());

interface Wanted {
  managerId: string;
  districtId: string;
  unitName: string;
  unitUscc: string | null;
  name: string;
  idNumber: string | null;
  idNumberMasked: string | null;
  itemCode: string | null;
  certificateNo: string | null;
  issuedDate: string | null;
  expiryDate: string | null;
  inList2: number;
}

const fields = ['districtId', 'unitName', 'unitUscc', 'name', 'idNumber', 'idNumberMasked', 'itemCode', 'certificateNo', 'issuedDate', 'expiryDate', 'inList2'] as const;

/** The managers of the given districts as the registry holds them now, in the form the centre receives. */
function wantedRows(ctx: CoreContext, districtIds: readonly string[]): Map<string, Wanted> {
  if (districtIds.length === 0) return new Map();
  const today = localDate(ctx.now());
  const listed = screenedUnits(ctx, getRegistrySettings(ctx), { districtId: null, districtName: CITY_WIDE }).map((u) => u.unitId);
  const rows = all(ctx.database.sqlite, rowsSql<Omit<Wanted, 'idNumberMasked' | 'inList2'> & { unitId: string }>`SELECT m.id AS managerId, u.district_id AS districtId, u.name AS unitName, u.uscc AS unitUscc, m.name, m.id_number AS idNumber, m.item_code AS itemCode,
              m.certificate_no AS certificateNo, m.issued_date AS issuedDate, m.expiry_date AS expiryDate, u.id AS unitId
       FROM safety_managers m JOIN units u ON u.id = m.unit_id
       WHERE m.deleted_at IS NULL AND u.deleted_at IS NULL AND u.district_id IN (SELECT value FROM json_each(${JSON.stringify(districtIds)})) ORDER BY m.id`);
  const onList1 = new Set(listed);
  const out = new Map<string, Wanted>();
  for (const { unitId, ...r } of rows) {
    const a = isA(r.itemCode);
    out.set(r.managerId, {
      ...r,
      idNumber: a ? r.idNumber : null,
      idNumberMasked: maskIdNumber(r.idNumber),
      // list 2: a valid A certificate in a unit of list 1, on the day it is sent
      inList2: a && onList1.has(unitId) && r.expiryDate !== null && r.expiryDate >= today ? 1 : 0,
    });
  }
  return out;
}

/**
 * Brings the rows addressed to one training centre up to date (the bureau, before a
 * bundle to the centre). Returns the counts; rows that did not change are not touched,
 * so an incremental bundle carries only what changed.
 */
export function refreshTrainingRegistry(ctx: CoreContext, trainingNode: string): { inserted: number; updated: number; removed: number } {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const wanted = wantedRows(ctx, coverageOf(ctx, trainingNode));
    const existing = all(sqlite, rowsSql<Wanted & { id: string; deletedAt: string | null }>`SELECT id, manager_id AS managerId, deleted_at AS deletedAt, district_id AS districtId, unit_name AS unitName, unit_uscc AS unitUscc, name, id_number AS idNumber,
                id_number_masked AS idNumberMasked, item_code AS itemCode, certificate_no AS certificateNo, issued_date AS issuedDate, expiry_date AS expiryDate, in_list2 AS inList2
         FROM training_registry WHERE origin_node = ${identity.id} AND training_node = ${trainingNode}`);
    const now = ctx.now().toISOString();
    const { db } = ctx.database;
    const t = trainingRegistry;
    // beside the write layer on purpose: the refresh is audited as one entry of counts
    // (the rows are personal data), not one entry per row
    const bump = { updatedAt: now, version: sql`${t.version} + 1` };
    const values = ({ inList2, ...rest }: Wanted) => ({ ...rest, inList2: inList2 === 1 });
    let inserted = 0;
    let updated = 0;
    let removed = 0;
    const seen = new Set<string>();
    for (const row of existing) {
      seen.add(row.managerId);
      const want = wanted.get(row.managerId);
      if (!want) {
        if (row.deletedAt === null) {
          db.update(t).set({ deletedAt: now, ...bump }).where(eq(t.id, row.id)).run();
          removed++;
        }
      } else if (row.deletedAt !== null || fields.some((f) => row[f] !== want[f])) {
        db.update(t).set({ ...values(want), deletedAt: null, ...bump }).where(eq(t.id, row.id)).run();
        updated++;
      }
    }
    for (const want of wanted.values()) {
      if (seen.has(want.managerId)) continue;
      const sync = { id: newId(), originNode: identity.id, createdAt: now, updatedAt: now, version: 1 };
      db.insert(t).values({ ...sync, trainingNode, ...values(want) }).run();
      inserted++;
    }
    if (inserted + updated + removed > 0) {
      // counts only: the rows are personal data
      appendAudit(ctx, { nodeId: identity.id, call: 'steering.refreshTrainingRegistry', table: 'training_registry', rowIds: [], after: { trainingNode, inserted, updated, removed } });
    }
    return { inserted, updated, removed };
  })();
}

/** What the next bundle to the centre will carry, per district (the bureau's settings page). */
export function trainingRegistryPreview(ctx: CoreContext, trainingNode: string): TrainingRegistryPreview {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  const centre = get(sqlite, rowsSql<{ name: string }>`SELECT node_name AS name FROM trusted_keys WHERE node_id = ${trainingNode} AND role = 'training' LIMIT 1`);
  if (!centre) throw new AppError('NOT_FOUND', '该培训中心的公钥尚未登记，请先在“密钥与信任”中登记其公钥。');
  const districtIds = coverageOf(ctx, trainingNode);
  const rows = [...wantedRows(ctx, districtIds).values()];
  const names = new Map(all(sqlite, rowsSql<{ id: string; name: string }>`SELECT id, name FROM districts`).map((d) => [d.id, d.name]));
  const sent = get(sqlite, rowsSql<{ n: number }>`SELECT count(*) AS n FROM training_registry WHERE origin_node = ${identity.id} AND training_node = ${trainingNode} AND deleted_at IS NULL`)!.n;
  return {
    trainingNode,
    nodeName: centre.name,
    districts: districtIds.map((id) => {
      const own = rows.filter((r) => r.districtId === id);
      return { districtId: id, districtName: names.get(id) ?? id, managers: own.length, withIdNumber: own.filter((r) => r.idNumber !== null).length, list2: own.filter((r) => r.inList2 === 1).length };
    }),
    sent,
  };
}
