import { and, desc, eq } from 'drizzle-orm';
import { auditAnchors, auditLog } from '../../../db/schema/index.ts';
import { keyIdOf, verifyDetached, type Signer } from '../crypto/signing.ts';
import { GENESIS_HASH } from '../audit.ts';
import type { CoreContext } from '../context.ts';

// An anchor is a node's audit head (sequence number + hash) signed with the node's
// Ed25519 key. Sent out in every bundle and receipt, it is a copy of the chain's
// state that the node itself can no longer take back: rewriting or cutting the log
// afterwards no longer reaches it.

/** Prefix of the signed bytes, so an anchor signature can never pass for a bundle's or a receipt's. */
export const AUDIT_ANCHOR_SIGNING_DOMAIN = 'qkl-audit-anchor-v1\n';

export interface SignedAnchor {
  nodeId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** base64 */
  signature: string;
}

/** The exact signed bytes: fixed fields in a fixed order, so a stored anchor can be checked again at any time. */
export function anchorMessage(anchor: Pick<SignedAnchor, 'nodeId' | 'seq' | 'hash' | 'at'>): Buffer {
  return Buffer.from(JSON.stringify({ v: 1, nodeId: anchor.nodeId, seq: anchor.seq, hash: anchor.hash, at: anchor.at }), 'utf8');
}

/** The newest entry of this node's log; seq 0 and the genesis hash while it is empty. */
export function auditHead(ctx: CoreContext): { seq: number; hash: string } {
  const row = ctx.database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** Signs the current head. The caller's own audit entry for the export comes after it and records it. */
export function signHead(ctx: CoreContext, nodeId: string, signer: Signer): SignedAnchor {
  const head = auditHead(ctx);
  const unsigned = { nodeId, seq: head.seq, hash: head.hash, at: ctx.now().toISOString() };
  const signature = signer.sign(Buffer.concat([Buffer.from(AUDIT_ANCHOR_SIGNING_DOMAIN, 'utf8'), anchorMessage(unsigned)]));
  return { ...unsigned, keyId: signer.keyId, signature: signature.toString('base64') };
}

/** True only if `publicKey` is the key the anchor names and it signed exactly these fields. */
export function anchorSignatureHolds(anchor: SignedAnchor, publicKey: string): boolean {
  try {
    if (keyIdOf(publicKey) !== anchor.keyId) return false;
  } catch {
    return false;
  }
  const signature = Buffer.from(anchor.signature, 'base64');
  if (signature.toString('base64') !== anchor.signature) return false;
  return verifyDetached(AUDIT_ANCHOR_SIGNING_DOMAIN, anchorMessage(anchor), signature, publicKey);
}

export interface OwnAnchorRecord {
  source: 'export' | 'receipt';
  ref: string | null;
  targetNodeId: string | null;
  /** the audit entry (already appended) that records the anchor being made */
  loggedSeq: number;
}

/** Keeps an anchor this node made; inside the transaction that records the bundle or receipts. */
export function recordOwnAnchor(ctx: CoreContext, anchor: SignedAnchor, record: OwnAnchorRecord): void {
  // the anchor exactly as signed: its seq, hash, time, key and signature are what the signature covers
  ctx.database.db
    .insert(auditAnchors)
    .values({
      nodeId: anchor.nodeId,
      own: true,
      source: record.source,
      ref: record.ref,
      targetNodeId: record.targetNodeId,
      seq: anchor.seq,
      hash: anchor.hash,
      at: anchor.at,
      keyId: anchor.keyId,
      signature: anchor.signature,
      loggedSeq: record.loggedSeq,
      recordedAt: ctx.now().toISOString(),
      status: 'own',
    })
    .run();
}

/** The anchor of the newest bundle this node made for `targetNodeId`: where the next bundle's proof starts. */
export function lastExportAnchor(ctx: CoreContext, targetNodeId: string): SignedAnchor | null {
  const a = auditAnchors;
  const row = ctx.database.db
    .select({ nodeId: a.nodeId, seq: a.seq, hash: a.hash, at: a.at, keyId: a.keyId, signature: a.signature })
    .from(a)
    .where(and(eq(a.own, true), eq(a.source, 'export'), eq(a.targetNodeId, targetNodeId)))
    .orderBy(desc(a.id))
    .limit(1)
    .get();
  return row ?? null;
}

/** What an audit entry says about the anchor made with it (checked against the anchor table by verify). */
export function anchorNote(anchor: SignedAnchor): { seq: number; hash: string } {
  return { seq: anchor.seq, hash: anchor.hash };
}
