import { localDay } from '../registry/as-of.ts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { bundlesReceived } from '../../../db/schema/index.ts';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { appendAudit } from '../audit.ts';
import { anchorNote, recordOwnAnchor, signHead } from '../audit/anchors.ts';
import { checkReceiptAnchor, recordReceivedAnchor } from '../audit/received.ts';
import type { CoreContext } from '../context.ts';
import { bureauKey, loadSigner, trustedNode, trustedSigner } from '../keys/keys.ts';
import { requireIdentity } from '../node/node-service.ts';
import { BundleRefusal } from './format/types.ts';
import { readReceipt, verifyReceipt, writeReceipt, type Receipt } from './format/receipt.ts';
import { exchangeDir } from './paths.ts';
import { acknowledge } from './sent-log.ts';

const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

/**
 * The bureau's signed statement of which bundles of an office it holds. One file
 * per office lists every bundle of that office imported so far, so a lost receipt
 * is replaced by the next one.
 */
export function writeReceipts(ctx: CoreContext, input: ParsedInput<'bundles.writeReceipts'>) {
  const self = requireIdentity(ctx);
  const signer = loadSigner(ctx, input.passphrase);
  const sqlite = ctx.database.sqlite;
  const nodes = input.nodeId
    ? [{ node_id: input.nodeId }]
    : ctx.database.db
        .selectDistinct({ node_id: bundlesReceived.nodeId })
        .from(bundlesReceived)
        .where(isNull(bundlesReceived.receiptAt))
        .orderBy(asc(bundlesReceived.nodeId))
        .all();
  const outDir = path.resolve(input.outDir ?? exchangeDir(ctx, 'receipts'));
  mkdirSync(outDir, { recursive: true });
  const now = ctx.now().toISOString();
  const anchor = signHead(ctx, self.id, signer);
  const receipts = nodes.map(({ node_id: nodeId }) => {
    const bundles = ctx.database.db
      .select({ id: bundlesReceived.id, sequence: bundlesReceived.sequence, hash: bundlesReceived.hash, imported_at: bundlesReceived.importedAt })
      .from(bundlesReceived)
      .where(eq(bundlesReceived.nodeId, nodeId))
      .orderBy(asc(bundlesReceived.sequence))
      .all();
    if (bundles.length === 0) throw new AppError('NOT_FOUND', '该单位还没有已导入的数据包，无需出具回执。');
    const nodeName = trustedNode(ctx, nodeId)?.nodeName ?? nodeId;
    const receipt: Receipt = {
      format: 1,
      kind: 'qkl-receipt',
      issuer: { nodeId: self.id, keyId: signer.keyId, name: self.name },
      issuedAt: now,
      bundles: bundles.map((b) => ({ nodeId, sequence: b.sequence, hash: b.hash, bundleId: b.id, importedAt: b.imported_at })),
      auditAnchor: anchor,
    };
    const file = path.join(outDir, `回执-${nodeName.replace(/[\\/:*?"<>|\s]+/g, '_')}-${localDay(now)}-${bundles.at(-1)!.sequence}.qklr`);
    writeFileSync(file, writeReceipt(receipt, signer));
    return { nodeId, nodeName, file, bundles: bundles.length };
  });
  sqlite.transaction(() => {
    const logged = receipts.map((r) => {
      ctx.database.db.update(bundlesReceived).set({ receiptAt: now }).where(and(eq(bundlesReceived.nodeId, r.nodeId), isNull(bundlesReceived.receiptAt))).run();
      return appendAudit(ctx, { nodeId: self.id, call: 'bundles.writeReceipts', table: 'bundles_received', rowIds: [], after: { node: r.nodeId, bundles: r.bundles, file: path.basename(r.file), auditAnchor: anchorNote(anchor) } });
    });
    if (logged.length > 0) recordOwnAnchor(ctx, anchor, { source: 'receipt', ref: now, targetNodeId: null, loggedSeq: logged[0]! });
  })();
  return { receipts };
}

/** On an office: a receipt signed by the trusted bureau key marks the bundles it names as acknowledged. */
export function importReceipt(ctx: CoreContext, input: ParsedInput<'bundles.importReceipt'>) {
  const self = requireIdentity(ctx);
  const bureau = bureauKey(ctx);
  if (!bureau) throw new AppError('NOT_FOUND', '尚未信任市局公钥，无法核验回执。');
  const file = path.resolve(input.path);
  if ((statSync(file, { throwIfNoEntry: false })?.size ?? Infinity) > MAX_RECEIPT_BYTES) {
    throw new AppError('UNREADABLE_FILE', `无法读取回执文件：${file}`);
  }
  let read: ReturnType<typeof readReceipt>;
  try {
    read = readReceipt(readFileSync(file));
  } catch (error) {
    if (error instanceof BundleRefusal) throw new AppError('BUNDLE_REFUSED', `回执文件格式不正确：${error.message}`, { reason: error.reason });
    throw error;
  }
  // a rotated bureau key stays good for receipts until it is revoked
  const issuer = trustedSigner(ctx, read.receipt.issuer.keyId);
  if (!issuer || issuer.role !== 'bureau' || issuer.revokedAt || !verifyReceipt(read, issuer.signingKey)) {
    throw new AppError('BUNDLE_REFUSED', '回执的签名无法用已信任的市局公钥核验，已拒收。', { reason: 'bad-signature' });
  }
  const mine = read.receipt.bundles.filter((b) => b.nodeId === self.id);
  const anchor = read.receipt.auditAnchor;
  const result = ctx.database.sqlite.transaction(() => {
    const counts = acknowledge(ctx, mine, read.receipt.issuer.nodeId);
    // the bureau's audit head: kept, and checked against the bureau's anchors we hold
    const check = anchor ? checkReceiptAnchor(ctx, anchor, { nodeId: read.receipt.issuer.nodeId, keyId: issuer.keyId, signingKey: issuer.signingKey }) : null;
    if (check) recordReceivedAnchor(ctx, check, 'receipt', read.receipt.issuedAt);
    appendAudit(ctx, { nodeId: self.id, call: 'bundles.importReceipt', table: 'bundles_sent', rowIds: [], after: { issuedAt: read.receipt.issuedAt, ...counts, receivedAnchor: check && { status: check.status, seq: check.anchor.seq } } });
    return counts;
  })();
  return result;
}
