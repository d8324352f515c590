import type { BlockCandidate, BlockManager } from '../../api/schemas/blocks.ts';
import type { CoreContext } from '../context.ts';
import { supervisorCertificatesOf } from '../training/pool.ts';
import { listScope } from '../lists/list-scope.ts';
import { screenedUnits, type ScreenedUnit } from '../lists/two-lists.ts';
import { maskPhone } from '../privacy/mask.ts';
import { A_ITEM_CODES } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { todayOf } from './block-read.ts';
import { districtUnitStats } from './unit-stats.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

/** unit id → the active block it is in. */
export function activeMemberships(ctx: CoreContext): Map<string, { blockId: string; blockName: string }> {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT bm.unit_id AS unitId, b.id AS blockId, b.name AS blockName FROM block_members bm JOIN blocks b ON b.id = bm.block_id
       WHERE bm.left_at IS NULL AND bm.deleted_at IS NULL AND b.deleted_at IS NULL AND b.dissolved_at IS NULL`,
    )
    .all() as { unitId: string; blockId: string; blockName: string }[];
  return new Map(rows.map((r) => [r.unitId, { blockId: r.blockId, blockName: r.blockName }]));
}

/** List 1 of the two lists today, in the node's district. */
export function listOneUnits(ctx: CoreContext): Map<string, ScreenedUnit> {
  return new Map(screenedUnits(ctx, getRegistrySettings(ctx), listScope(ctx)).map((u) => [u.unitId, u]));
}

/** Every live unit of the district with what the block dialog shows and filters on. */
export function blockCandidates(ctx: CoreContext): BlockCandidate[] {
  const identity = requireDistrictIdentity(ctx);
  const asOf = todayOf(ctx);
  const listed = listOneUnits(ctx);
  const memberships = activeMemberships(ctx);
  return districtUnitStats(ctx, asOf, identity.districtId).map((u) => {
    const block = memberships.get(u.unitId);
    return {
      unitId: u.unitId,
      name: u.name,
      uscc: u.uscc,
      address: u.address,
      industry: u.industry,
      town: u.town,
      equipmentInUse: u.equipmentInUse,
      listed: listed.has(u.unitId),
      validManagerCount: u.validManagerCount,
      blockId: block?.blockId ?? null,
      blockName: block?.blockName ?? null,
      demoState: u.demoState,
    };
  });
}

/** The safety managers of the given units (candidates for 安全监督员), phones masked. */
export function blockManagers(ctx: CoreContext, unitIds: readonly string[]): BlockManager[] {
  const asOf = todayOf(ctx);
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT m.id AS managerId, m.unit_id AS unitId, u.name AS unitName, m.name, m.item_code AS itemCode,
              m.certificate_no AS certificateNo, m.expiry_date AS expiryDate, m.phone
       FROM safety_managers m JOIN units u ON u.id = m.unit_id
       WHERE m.unit_id IN (SELECT value FROM json_each(?)) AND m.deleted_at IS NULL
       ORDER BY u.name_sort, m.name_sort, m.id`,
    )
    .all(JSON.stringify(unitIds)) as (Omit<BlockManager, 'phoneMasked' | 'certified' | 'supervisorCertificate'> & { phone: string | null })[];
  const aCodes: readonly string[] = A_ITEM_CODES;
  const supervisors = supervisorCertificatesOf(ctx, rows.map((m) => m.managerId), asOf);
  return rows.map(({ phone, ...m }) => ({
    ...m,
    phoneMasked: maskPhone(phone),
    certified: m.itemCode !== null && aCodes.includes(m.itemCode) && m.expiryDate !== null && m.expiryDate >= asOf,
    supervisorCertificate: supervisors.get(m.managerId) ?? null,
  }));
}
