import { desc, eq } from 'drizzle-orm';
import { bundlesSent, trustedKeys as k } from '../../../db/schema/index.ts';
import type { SentBundle } from '../../api/schemas/bundles.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
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
  const row = ctx.database.db
    .select({ sequence: bundlesSent.sequence, hash: bundlesSent.hash, changeSeq: bundlesSent.changeSeq })
    .from(bundlesSent)
    .where(eq(bundlesSent.targetNodeId, targetNodeId))
    .orderBy(desc(bundlesSent.sequence))
    .limit(1)
    .get();
  return row ?? null;
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
  const s = bundlesSent;
  const rows = all(
    ctx.database.sqlite,
    sql<SentRow & { target_name: string }>`
      SELECT s.*, coalesce((SELECT k.${k.nodeName} FROM ${k} k WHERE k.${k.nodeId} = s.${s.targetNodeId} ORDER BY k.${k.trustedAt} DESC LIMIT 1), s.${s.targetNodeId}) AS target_name
      FROM ${s} s ORDER BY s.${s.createdAt} DESC, s.${s.sequence} DESC`,
  );
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
  // run once per bundle the receipt names: kept prepared
  const find = ctx.database.sqlite.prepare<[string, number], { id: string; hash: string; acknowledged_at: string | null }>(
    'SELECT id, hash, acknowledged_at FROM bundles_sent WHERE target_node_id = ? AND sequence = ?',
  );
  for (const b of bundles) {
    const row = find.get(targetNodeId, b.sequence);
    if (!row || row.hash !== b.hash) unknown++;
    else if (row.acknowledged_at) alreadyAcknowledged++;
    else {
      ctx.database.db.update(bundlesSent).set({ acknowledgedAt: b.importedAt }).where(eq(bundlesSent.id, row.id)).run();
      acknowledged++;
    }
  }
  return { acknowledged, alreadyAcknowledged, unknown };
}
