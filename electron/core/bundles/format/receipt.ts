import { z } from 'zod';
import { keyIdOf, verifyDetached, type Signer } from '../../crypto/signing.ts';
import { BundleRefusal, RECEIPT_SIGNING_DOMAIN } from './types.ts';

// Receipts: the bureau signs the list of bundles it imported, so an office learns
// which of its bundles arrived (and can stop resending them). Small, plain JSON:
// the signed bytes travel base64-wrapped so no re-serialisation can change them.

export interface Receipt {
  format: 1;
  kind: 'qkl-receipt';
  issuer: { nodeId: string; keyId: string; name: string };
  issuedAt: string;
  bundles: Array<{ nodeId: string; sequence: number; hash: string; bundleId: string; importedAt: string }>;
  /** the issuer's audit head, signed on its own (core/audit/anchors.ts); absent in receipts of older versions */
  auditAnchor?: { nodeId: string; seq: number; hash: string; at: string; keyId: string; signature: string };
}

export interface ReadReceipt {
  receipt: Receipt;
  receiptBytes: Buffer;
  signature: Buffer;
}

const MAX_RECEIPT_FILE_BYTES = 16 << 20;
const text = z.string().min(1).max(512);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const receiptSchema = z.strictObject({
  format: z.literal(1),
  kind: z.literal('qkl-receipt'),
  issuer: z.strictObject({ nodeId: text, keyId: z.string().regex(/^[0-9a-f]{16,64}$/), name: text }),
  issuedAt: text,
  bundles: z.array(
    z.strictObject({
      nodeId: text,
      sequence: z.number().int().min(1),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      bundleId: text,
      importedAt: text,
    }),
  ),
  auditAnchor: z
    .strictObject({
      nodeId: text,
      seq: z.number().int().min(0),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      at: text,
      keyId: z.string().regex(/^[0-9a-f]{16,64}$/),
      signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    })
    .optional(),
}) satisfies z.ZodType<Receipt>;
const envelopeSchema = z.strictObject({ receipt: base64, signature: base64 });

export function writeReceipt(receipt: Receipt, signer: Signer): Buffer {
  const receiptBytes = Buffer.from(JSON.stringify(receiptSchema.parse(receipt)), 'utf8');
  const signature = signer.sign(Buffer.concat([Buffer.from(RECEIPT_SIGNING_DOMAIN, 'utf8'), receiptBytes]));
  return Buffer.from(JSON.stringify({ receipt: receiptBytes.toString('base64'), signature: signature.toString('base64') }), 'utf8');
}

/** Parses and validates; says nothing about who signed it (verifyReceipt does). */
export function readReceipt(bytes: Buffer): ReadReceipt {
  if (bytes.length > MAX_RECEIPT_FILE_BYTES) throw malformed('文件过大');
  const envelope = envelopeSchema.safeParse(parseJson(bytes));
  if (!envelope.success) throw malformed('文件结构不对');
  const receiptBytes = strictBase64(envelope.data.receipt);
  const signature = strictBase64(envelope.data.signature);
  const receipt = receiptSchema.safeParse(parseJson(receiptBytes));
  if (!receipt.success) throw malformed('回执字段不符合要求');
  return { receipt: receipt.data, receiptBytes, signature };
}

/** True only if the pinned key signed these bytes and the receipt names that key as its issuer. */
export function verifyReceipt(read: ReadReceipt, publicKey: string): boolean {
  try {
    if (keyIdOf(publicKey) !== read.receipt.issuer.keyId) return false;
  } catch {
    return false;
  }
  return verifyDetached(RECEIPT_SIGNING_DOMAIN, read.receiptBytes, read.signature, publicKey);
}

/** Canonical base64 only: one receipt has one encoding. */
function strictBase64(value: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw malformed('编码无效');
  return bytes;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function malformed(detail: string): BundleRefusal {
  return new BundleRefusal('malformed', `回执文件无效（${detail}），请向市局重新索取。`);
}
