import { and, desc, eq } from 'drizzle-orm';
import { bundlesReceived } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { BundleRefusal, type Manifest } from './format/types.ts';

export type ChainVerdict = { kind: 'new' } | { kind: 'already-imported' };

/**
 * Bundles of one node form a chain: sequence numbers without gaps, each naming the
 * previous bundle's hash. A full snapshot may skip a gap (it holds everything),
 * never go back.
 */
export function checkChain(ctx: CoreContext, manifest: Manifest, hash: string): ChainVerdict {
  const db = ctx.database.db;
  const same = db
    .select({ hash: bundlesReceived.hash })
    .from(bundlesReceived)
    .where(and(eq(bundlesReceived.nodeId, manifest.node.id), eq(bundlesReceived.sequence, manifest.sequence)))
    .get();
  if (same) {
    if (same.hash === hash) return { kind: 'already-imported' };
    throw new BundleRefusal('fork', `“${manifest.node.name}”的第 ${manifest.sequence} 号数据包已导入过，但内容与这一份不同。请联系该单位核实（可能是数据库被恢复到旧备份后重新导出）。`);
  }
  const last = db
    .select({ sequence: bundlesReceived.sequence, hash: bundlesReceived.hash })
    .from(bundlesReceived)
    .where(eq(bundlesReceived.nodeId, manifest.node.id))
    .orderBy(desc(bundlesReceived.sequence))
    .limit(1)
    .get();
  const lastSequence = last?.sequence ?? 0;
  if (manifest.sequence < lastSequence) {
    throw new BundleRefusal('stale', `这是“${manifest.node.name}”较早的第 ${manifest.sequence} 号数据包，已导入到第 ${lastSequence} 号，无需再导入。`);
  }
  if (manifest.full) return { kind: 'new' };
  if (manifest.sequence > lastSequence + 1) {
    const missing = Array.from({ length: manifest.sequence - lastSequence - 1 }, (_, i) => lastSequence + 1 + i);
    const named = missing.length > 10 ? `${missing.slice(0, 10).join('、')} 等 ${missing.length} 个` : missing.join('、');
    throw new BundleRefusal('gap', `缺少“${manifest.node.name}”的第 ${named} 号数据包。请先导入缺少的数据包，或请该单位导出一个完整数据包。`);
  }
  if (last && manifest.previousHash !== last.hash) {
    throw new BundleRefusal('fork', `“${manifest.node.name}”的第 ${manifest.sequence} 号数据包与已导入的第 ${last.sequence} 号接不上（前一包校验值不符）。请联系该单位核实。`);
  }
  return { kind: 'new' };
}
