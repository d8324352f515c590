import { trustedKeys } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
import { officeAuditChains } from '../audit/city-breaks.ts';
import type { CoreContext } from '../context.ts';
import { daysSince, reportingOf, STALE_DAYS } from './office-reporting.ts';

/**
 * Per office the bureau knows (an enrolled key): its latest bundle and the live
 * rows it owns here. Counted from the rows themselves, not from bundle manifests,
 * so the figures are what the city-wide grids show; and whether it reports on time.
 */
export function cityOverview(ctx: CoreContext) {
  const sqlite = ctx.database.sqlite;
  const offices = all(
    sqlite,
    sql<{ node_id: string; node_name: string; role: string; district_id: string | null; all_revoked: number }>`
      SELECT k.${trustedKeys.nodeId}, k.${trustedKeys.nodeName}, k.${trustedKeys.role}, k.${trustedKeys.districtId},
             min(CASE WHEN k.${trustedKeys.revokedAt} IS NULL THEN 0 ELSE 1 END) AS all_revoked
      FROM ${trustedKeys} k WHERE k.${trustedKeys.role} != 'bureau' GROUP BY k.${trustedKeys.nodeId} ORDER BY k.${trustedKeys.nodeName}`,
  );
  // run once per office: kept prepared
  const last = sqlite.prepare<[string], { sequence: number; created_at: string; imported_at: string }>(
    'SELECT sequence, created_at, imported_at FROM bundles_received WHERE node_id = ? ORDER BY sequence DESC LIMIT 1',
  );
  const count = (table: string) => sqlite.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE origin_node = ? AND deleted_at IS NULL`).pluck();
  const units = count('units');
  const equipment = count('equipment');
  const managers = count('safety_managers');
  const auditChain = officeAuditChains(ctx);
  const now = ctx.now();
  return {
    staleDays: STALE_DAYS,
    offices: offices.map((o) => {
      const l = last.get(o.node_id);
      const n = (s: typeof units) => s.get(o.node_id) ?? 0;
      return {
        nodeId: o.node_id,
        nodeName: o.node_name,
        role: o.role,
        districtId: o.district_id,
        lastSequence: l?.sequence ?? null,
        lastCreatedAt: l?.created_at ?? null,
        lastImportedAt: l?.imported_at ?? null,
        reporting: reportingOf(l?.created_at ?? null, now),
        daysSinceLastBundle: daysSince(l?.created_at ?? null, now),
        units: n(units),
        equipment: n(equipment),
        managers: n(managers),
        keyRevoked: o.all_revoked === 1,
        ...auditChain(o.node_id),
      };
    }),
  };
}
