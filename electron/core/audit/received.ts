import { auditAnchors } from '../../../db/schema/index.ts';
import { localDay } from '../registry/as-of.ts';
import { all, sql } from '../data/query.ts';
import { z } from 'zod';
import { entryHash, GENESIS_HASH } from '../audit.ts';
import { readNdjson } from '../bundles/format/ndjson.ts';
import { BundleRefusal, type Manifest } from '../bundles/format/types.ts';
import type { CoreContext } from '../context.ts';
import { readSealed, type SealedFile } from '../files/sealed-file.ts';
import { trustedSigner } from '../keys/keys.ts';
import { anchorSignatureHolds, type SignedAnchor } from './anchors.ts';

// Anchors received from other nodes, and whether each extends that node's earlier
// ones. A break does not refuse the bundle: its rows are still genuine and signed,
// and refusing would only hide the office's data from the city. It is recorded
// and shown on the city view, and the broken anchor becomes the new starting point.

export type ReceivedStatus = 'first' | 'extends' | 'unchecked' | 'break' | 'invalid';

export interface AnchorCheck {
  anchor: SignedAnchor;
  status: ReceivedStatus;
  problemSeq: number | null;
  problem: string | null;
}

interface Known {
  seq: number;
  hash: string;
  at: string;
  recordedAt: string;
}

const day = localDay;

/** The node's anchors since its latest break (that one included): what a new anchor must extend. */
function knownAnchors(ctx: CoreContext, nodeId: string): Known[] {
  const a = auditAnchors;
  return all(
    ctx.database.sqlite,
    sql<Known>`
      SELECT ${a.seq}, ${a.hash}, ${a.at}, ${a.recordedAt} AS recordedAt FROM ${a}
      WHERE ${a.own} = 0 AND ${a.nodeId} = ${nodeId} AND ${a.status} != 'invalid'
        AND ${a.id} >= coalesce((SELECT max(${a.id}) FROM ${a} WHERE ${a.own} = 0 AND ${a.nodeId} = ${nodeId} AND ${a.status} = 'break'), 0)`,
  );
}

const verdict = (anchor: SignedAnchor, status: ReceivedStatus, problemSeq: number | null = null, problem: string | null = null): AnchorCheck => ({ anchor, status, problemSeq, problem });

/** A newer anchor (by the sender's own clock) must not stand before an older one: that is a cut log. */
function rolledBack(anchor: SignedAnchor, known: Known[]): AnchorCheck | null {
  const earlier = known.filter((k) => k.at <= anchor.at);
  const furthest = earlier.reduce<Known | null>((best, k) => (!best || k.seq > best.seq ? k : best), null);
  if (!furthest || furthest.seq <= anchor.seq) return null;
  return verdict(anchor, 'break', anchor.seq + 1, `审计记录被回退：${day(furthest.recordedAt)} 收到的锚点已到第 ${furthest.seq} 条，这次的锚点只到第 ${anchor.seq} 条（较新的记录被删除）`);
}

function signedBy(anchor: SignedAnchor, nodeId: string, keyId: string, signingKey: string | null): boolean {
  return anchor.nodeId === nodeId && anchor.keyId === keyId && signingKey !== null && anchorSignatureHolds(anchor, signingKey);
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const proofRow = z.object({
  seq: z.number().int().min(1),
  id: z.string(),
  nodeId: z.string(),
  at: z.string(),
  actor: z.string(),
  call: z.string(),
  tableName: z.string(),
  rowIds: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  prevHash: hex64,
  hash: hex64,
});

/** Recomputes the chain through the proof; the first place it does not hold, or null. */
async function walkProof(file: SealedFile, anchor: SignedAnchor, from: number, known: Map<number, Known>): Promise<{ seq: number; message: string } | null> {
  const witness = (seq: number, hash: string) => {
    const k = known.get(seq);
    return k && k.hash !== hash ? { seq, message: `第 ${seq} 条与 ${day(k.recordedAt)} 收到的锚点不符：此前的审计记录被改写` } : null;
  };
  let prev: string | null = from === 0 ? GENESIS_HASH : null;
  let expected = from + 1;
  try {
    for await (const raw of readNdjson(readSealed(file))) {
      const parsed = proofRow.safeParse(raw);
      if (!parsed.success) return { seq: expected, message: `审计记录证明中第 ${expected} 条的格式不对` };
      const row = parsed.data;
      if (expected > anchor.seq) return { seq: expected, message: `审计记录证明超出了签名的锚点（第 ${anchor.seq} 条）` };
      if (row.seq !== expected) return { seq: expected, message: `审计记录证明的序号不连续（应为第 ${expected} 条，实为第 ${row.seq} 条）` };
      if (prev === null) {
        prev = row.prevHash;
        const base = witness(from, prev);
        if (base) return base;
      }
      if (row.prevHash !== prev) return { seq: row.seq, message: `第 ${row.seq} 条与上一条记录的链接不符` };
      const hash = entryHash(prev, row);
      if (hash !== row.hash) return { seq: row.seq, message: `第 ${row.seq} 条的内容与其哈希不符` };
      const mismatch = witness(row.seq, hash);
      if (mismatch) return mismatch;
      prev = hash;
      expected++;
    }
  } catch (error) {
    if (error instanceof BundleRefusal) return { seq: expected, message: `审计记录证明无法读取（${error.message}）` };
    throw error;
  }
  if (expected - 1 !== anchor.seq) return { seq: expected, message: `审计记录证明只到第 ${expected - 1} 条，锚点却在第 ${anchor.seq} 条` };
  if (prev === null) return witness(from, anchor.hash);
  return prev === anchor.hash ? null : { seq: anchor.seq, message: `第 ${anchor.seq} 条的哈希与签名的锚点不符` };
}

/**
 * A bundle's anchor: signed by the bundle's signer, and its proof reaching from the
 * anchors we hold of that node to the new one. Null for bundles of older versions.
 */
export async function checkBundleAnchor(ctx: CoreContext, manifest: Manifest, proofFile: SealedFile | null): Promise<AnchorCheck | null> {
  const a = manifest.auditAnchor;
  if (!a) return null;
  const anchor: SignedAnchor = { nodeId: a.nodeId, seq: a.seq, hash: a.hash, at: a.at, keyId: a.keyId, signature: a.signature };
  // the key that signed the manifest (checked before this), and no other
  const key = a.keyId === manifest.keyId ? trustedSigner(ctx, a.keyId) : null;
  if (!key || key.nodeId !== manifest.node.id || !signedBy(anchor, manifest.node.id, a.keyId, key.signingKey)) {
    return verdict(anchor, 'invalid', a.seq, '审计锚点的签名无效（不是数据包签名单位的密钥签发的）');
  }
  if (!proofFile) return verdict(anchor, 'break', a.seq, '数据包缺少审计记录证明');
  const known = knownAnchors(ctx, a.nodeId);
  const back = rolledBack(anchor, known);
  if (back) return back;
  if (a.proofFrom > a.seq) return verdict(anchor, 'break', a.seq + 1, `审计记录被回退：上一个数据包的锚点在第 ${a.proofFrom} 条，这次只到第 ${a.seq} 条`);
  const before = known.filter((k) => k.at <= a.at && k.seq <= a.seq);
  if (before.length > 0 && before.every((k) => k.seq < a.proofFrom)) {
    const last = Math.max(...before.map((k) => k.seq));
    return verdict(anchor, 'break', a.proofFrom, `审计记录证明从第 ${a.proofFrom + 1} 条开始，接不上已收到的第 ${last} 条锚点`);
  }
  const inRange = new Map(known.filter((k) => k.seq >= a.proofFrom && k.seq <= a.seq).map((k) => [k.seq, k]));
  const problem = await walkProof(proofFile, anchor, a.proofFrom, inRange);
  if (problem) return verdict(anchor, 'break', problem.seq, problem.message);
  return verdict(anchor, known.length === 0 ? 'first' : 'extends');
}

/**
 * A receipt's anchor comes without a proof: it is kept (a later bundle's proof
 * covers it) and checked against what we hold for the same sequence number.
 */
export function checkReceiptAnchor(ctx: CoreContext, anchor: SignedAnchor, issuer: { nodeId: string; keyId: string; signingKey: string }): AnchorCheck {
  if (!signedBy(anchor, issuer.nodeId, issuer.keyId, issuer.signingKey)) return verdict(anchor, 'invalid', anchor.seq, '回执中审计锚点的签名无效');
  const known = knownAnchors(ctx, anchor.nodeId);
  const same = known.find((k) => k.seq === anchor.seq && k.hash !== anchor.hash);
  if (same) return verdict(anchor, 'break', anchor.seq, `第 ${anchor.seq} 条与 ${day(same.recordedAt)} 收到的锚点不符：审计链被改写`);
  return rolledBack(anchor, known) ?? verdict(anchor, 'unchecked');
}

/** Keeps a received anchor with its verdict; inside the import's transaction. The same receipt imported twice is kept once. */
export function recordReceivedAnchor(ctx: CoreContext, check: AnchorCheck, source: 'bundle' | 'receipt', ref: string | null): void {
  const { anchor } = check;
  const sqlite = ctx.database.sqlite;
  const known = sqlite.prepare('SELECT 1 FROM audit_anchors WHERE own = 0 AND node_id = ? AND seq = ? AND hash = ? AND signature = ?').get(anchor.nodeId, anchor.seq, anchor.hash, anchor.signature);
  if (known) return;
  // the anchor as its node signed it: seq, hash, time, key and signature kept exactly
  ctx.database.db
    .insert(auditAnchors)
    .values({
      nodeId: anchor.nodeId,
      own: false,
      source,
      ref,
      seq: anchor.seq,
      hash: anchor.hash,
      at: anchor.at,
      keyId: anchor.keyId,
      signature: anchor.signature,
      recordedAt: ctx.now().toISOString(),
      status: check.status,
      problemSeq: check.problemSeq,
      problem: check.problem,
    })
    .run();
}
