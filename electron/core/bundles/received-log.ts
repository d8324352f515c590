import { bundlesReceived as r, trustedKeys as k } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import type { Changes } from '../../api/schemas/bundles.ts';
import { all, sql } from '../data/query.ts';

interface ReceivedRow {
  id: string;
  node_id: string;
  node_name: string;
  sequence: number;
  full: number;
  created_at: string;
  imported_at: string;
  imported_by: string;
  file_name: string;
  size: number;
  changes: string;
  receipt_at: string | null;
}

export function listReceived(ctx: CoreContext) {
  const rows = all(
    ctx.database.sqlite,
    sql<ReceivedRow>`
      SELECT r.${r.id}, r.${r.nodeId}, r.${r.sequence}, r.${r.full}, r.${r.createdAt}, r.${r.importedAt}, r.${r.importedBy}, r.${r.fileName}, r.${r.size}, r.${r.changes}, r.${r.receiptAt},
             coalesce((SELECT k.${k.nodeName} FROM ${k} k WHERE k.${k.nodeId} = r.${r.nodeId} ORDER BY k.${k.trustedAt} DESC LIMIT 1), r.${r.nodeId}) AS node_name
      FROM ${r} r ORDER BY r.${r.importedAt} DESC, r.${r.sequence} DESC`,
  );
  return rows.map((row) => ({
    bundleId: row.id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    sequence: row.sequence,
    full: row.full === 1,
    createdAt: row.created_at,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    fileName: row.file_name,
    size: row.size,
    changes: JSON.parse(row.changes) as Changes,
    receiptAt: row.receipt_at,
  }));
}
