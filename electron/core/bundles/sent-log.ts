import { eq } from 'drizzle-orm';
import { bundlesSent } from '../../../db/schema/index.ts';
import type { SentBundle } from '../../api/schemas/bundles.ts';
import type { CoreContext } from '../context.ts';
import type { WrittenBundle } from './format/types.ts';

interface SentRow {
  id: string;
  target_node_id: string;
  sequence: number;
  hash: string;
  full: number;
  created_at: string;
  file_name: string;
  size: number;
  row_counts: string;
  change_seq: number;
  acknowledged_at: string | null;
}

export function lastSent(ctx: CoreContext, targetNodeId: string): { sequence: number; hash: string; changeSeq: number } | null {
  const row = ctx.database.sqlite
    .prepare('SELECT sequence, hash, change_seq FROM bundles_sent WHERE target_node_id = ? ORDER BY sequence DESC LIMIT 1')
    .get(targetNodeId) as Pick<SentRow, 'sequence' | 'hash' | 'change_seq'> | undefined;
  return row ? { sequence: row.sequence, hash: row.hash, changeSeq: row.change_seq } : null;
}

export function recordSent(ctx: CoreContext, sent: { written: WrittenBundle; fileName: string; changeSeq: number; rowCounts: Record<string, number> }): void {
  const { manifest } = sent.written;
  ctx.database.db
    .insert(bundlesSent)
    .values({
      id: manifest.bundleId,
      targetNodeId: manifest.target.nodeId,
      sequence: manifest.sequence,
      hash: sent.written.hash,
      full: manifest.full,
      createdAt: manifest.createdAt,
      fileName: sent.fileName,
      size: sent.written.size,
      rowCounts: JSON.stringify(sent.rowCounts),
      changeSeq: sent.changeSeq,
    })
    .run();
}

export function listSent(ctx: CoreContext): SentBundle[] {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT s.*, coalesce((SELECT node_name FROM trusted_keys k WHERE k.node_id = s.target_node_id ORDER BY trusted_at DESC LIMIT 1), s.target_node_id) AS target_name
       FROM bundles_sent s ORDER BY s.created_at DESC, s.sequence DESC`,
    )
    .all() as Array<SentRow & { target_name: string }>;
  return rows.map((r) => ({
    bundleId: r.id,
    targetNodeId: r.target_node_id,
    targetName: r.target_name,
    sequence: r.sequence,
    full: r.full === 1,
    createdAt: r.created_at,
    fileName: r.file_name,
    size: r.size,
    rowCounts: JSON.parse(r.row_counts) as Record<string, number>,
    acknowledgedAt: r.acknowledged_at,
  }));
}

/** Marks the bundles a bureau receipt names; a hash that differs from ours is not ours (counted as unknown). */
export function acknowledge(ctx: CoreContext, bundles: Array<{ sequence: number; hash: string; importedAt: string }>, targetNodeId: string) {
  let acknowledged = 0;
  let alreadyAcknowledged = 0;
  let unknown = 0;
  const find = ctx.database.sqlite.prepare('SELECT id, hash, acknowledged_at FROM bundles_sent WHERE target_node_id = ? AND sequence = ?');
  for (const b of bundles) {
    const row = find.get(targetNodeId, b.sequence) as { id: string; hash: string; acknowledged_at: string | null } | undefined;
    if (!row || row.hash !== b.hash) unknown++;
    else if (row.acknowledged_at) alreadyAcknowledged++;
    else {
      ctx.database.db.update(bundlesSent).set({ acknowledgedAt: b.importedAt }).where(eq(bundlesSent.id, row.id)).run();
      acknowledged++;
    }
  }
  return { acknowledged, alreadyAcknowledged, unknown };
}
