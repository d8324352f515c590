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
  const offices = sqlite
    .prepare(
      `SELECT k.node_id, k.node_name, k.role, k.district_id,
              min(CASE WHEN k.revoked_at IS NULL THEN 0 ELSE 1 END) AS all_revoked
       FROM trusted_keys k WHERE k.role != 'bureau' GROUP BY k.node_id ORDER BY k.node_name`,
    )
    .all() as Array<{ node_id: string; node_name: string; role: string; district_id: string | null; all_revoked: number }>;
  const last = sqlite.prepare('SELECT sequence, created_at, imported_at FROM bundles_received WHERE node_id = ? ORDER BY sequence DESC LIMIT 1');
  const count = (table: string) => sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE origin_node = ? AND deleted_at IS NULL`);
  const units = count('units');
  const equipment = count('equipment');
  const managers = count('safety_managers');
  const auditChain = officeAuditChains(ctx);
  const now = ctx.now();
  return {
    staleDays: STALE_DAYS,
    offices: offices.map((o) => {
      const l = last.get(o.node_id) as { sequence: number; created_at: string; imported_at: string } | undefined;
      const n = (s: typeof units) => (s.get(o.node_id) as { n: number }).n;
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
