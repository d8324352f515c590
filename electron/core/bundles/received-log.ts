import type { CoreContext } from '../context.ts';
import type { Changes } from '../../api/schemas/bundles.ts';

export function listReceived(ctx: CoreContext) {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT r.*, coalesce((SELECT node_name FROM trusted_keys k WHERE k.node_id = r.node_id ORDER BY trusted_at DESC LIMIT 1), r.node_id) AS node_name
       FROM bundles_received r ORDER BY r.imported_at DESC, r.sequence DESC`,
    )
    .all() as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    bundleId: String(r['id']),
    nodeId: String(r['node_id']),
    nodeName: String(r['node_name']),
    sequence: Number(r['sequence']),
    full: r['full'] === 1,
    createdAt: String(r['created_at']),
    importedAt: String(r['imported_at']),
    importedBy: String(r['imported_by']),
    fileName: String(r['file_name']),
    size: Number(r['size']),
    changes: JSON.parse(String(r['changes'])) as Changes,
    receiptAt: (r['receipt_at'] as string | null) ?? null,
  }));
}
