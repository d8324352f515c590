import type { BlockCandidate, BlockManager } from '../../api/schemas/blocks.ts';
import type { CoreContext } from '../context.ts';
import { blockMembers as bm, blocks, safetyManagers as m, units } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
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
  const rows = all(
    ctx.database.sqlite,
    sql<{ unitId: string; blockId: string; blockName: string }>`
       SELECT bm.${bm.unitId} AS unitId, b.${blocks.id} AS blockId, b.${blocks.name} AS blockName FROM ${bm} bm JOIN ${blocks} b ON b.${blocks.id} = bm.${bm.blockId}
       WHERE bm.${bm.leftAt} IS NULL AND bm.${bm.deletedAt} IS NULL AND b.${blocks.deletedAt} IS NULL AND b.${blocks.dissolvedAt} IS NULL`,
  );
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
  const rows = all(
    ctx.database.sqlite,
    sql<Omit<BlockManager, 'phoneMasked' | 'certified' | 'supervisorCertificate'> & { phone: string | null }>`
       SELECT m.${m.id} AS managerId, m.${m.unitId} AS unitId, u.${units.name} AS unitName, m.${m.name}, m.${m.itemCode} AS itemCode,
              m.${m.certificateNo} AS certificateNo, m.${m.expiryDate} AS expiryDate, m.${m.phone}
       FROM ${m} m JOIN ${units} u ON u.${units.id} = m.${m.unitId}
       WHERE m.${m.unitId} IN (SELECT value FROM json_each(${JSON.stringify(unitIds)})) AND m.${m.deletedAt} IS NULL
       ORDER BY u.${units.nameSort}, m.${m.nameSort}, m.${m.id}`,
  );
  const aCodes: readonly string[] = A_ITEM_CODES;
  const supervisors = supervisorCertificatesOf(ctx, rows.map((m) => m.managerId), asOf);
  return rows.map(({ phone, ...m }) => ({
    ...m,
    phoneMasked: maskPhone(phone),
    certified: m.itemCode !== null && aCodes.includes(m.itemCode) && m.expiryDate !== null && m.expiryDate >= asOf,
    supervisorCertificate: supervisors.get(m.managerId) ?? null,
  }));
}
