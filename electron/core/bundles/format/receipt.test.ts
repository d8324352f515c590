import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signerFor } from '../../crypto/signing.ts';
import { readReceipt, verifyReceipt, writeReceipt, type Receipt } from './receipt.ts';
import { BundleRefusal, MANIFEST_SIGNING_DOMAIN } from './types.ts';

const bureau = generateSigningKeyPair();
const signer = signerFor(bureau.privateKey, bureau.publicKey);

function receipt(): Receipt {
  return {
    format: 1,
    kind: 'qkl-receipt',
    issuer: { nodeId: 'bureau', keyId: signer.keyId, name: '市市场监督管理局' },
    issuedAt: '2026-11-29T02:00:00.000Z',
    bundles: [
      { nodeId: 'd1', sequence: 1, hash: 'a'.repeat(64), bundleId: 'b-1', importedAt: '2026-11-29T01:00:00.000Z' },
      { nodeId: 'd1', sequence: 2, hash: 'b'.repeat(64), bundleId: 'b-2', importedAt: '2026-11-29T01:30:00.000Z' },
    ],
  };
}

function malformed(bytes: Buffer): string {
  try {
    readReceipt(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleRefusal);
    expect((error as BundleRefusal).reason).toBe('malformed');
    return (error as BundleRefusal).message;
  }
  throw new Error('not refused');
}

describe('receipts', () => {
  it('round-trips and verifies with the issuing key only', () => {
    const bytes = writeReceipt(receipt(), signer);
    const read = readReceipt(bytes);
    expect(read.receipt).toEqual(receipt());
    expect(verifyReceipt(read, bureau.publicKey)).toBe(true);
    expect(verifyReceipt(read, generateSigningKeyPair().publicKey)).toBe(false);
    expect(verifyReceipt(read, 'garbage')).toBe(false);
  });

  it('does not verify a changed receipt or a bundle signature passed off as a receipt', () => {
    const envelope = JSON.parse(writeReceipt(receipt(), signer).toString()) as { receipt: string; signature: string };
    const changed = { ...receipt(), bundles: [...receipt().bundles, { ...receipt().bundles[0]!, sequence: 3 }] };
    const forged = { ...envelope, receipt: Buffer.from(JSON.stringify(changed)).toString('base64') };
    expect(verifyReceipt(readReceipt(Buffer.from(JSON.stringify(forged))), bureau.publicKey)).toBe(false);

    const receiptBytes = Buffer.from(JSON.stringify(receipt()));
    const crossDomain = signer.sign(Buffer.concat([Buffer.from(MANIFEST_SIGNING_DOMAIN), receiptBytes]));
    const replayed = { receipt: receiptBytes.toString('base64'), signature: crossDomain.toString('base64') };
    expect(verifyReceipt(readReceipt(Buffer.from(JSON.stringify(replayed))), bureau.publicKey)).toBe(false);
  });

  it('does not verify when the receipt names another issuer key', () => {
    const other = { ...receipt(), issuer: { ...receipt().issuer, keyId: 'f'.repeat(32) } };
    expect(verifyReceipt(readReceipt(writeReceipt(other, signer)), bureau.publicKey)).toBe(false);
  });

  it('refuses malformed files', () => {
    const good = JSON.parse(writeReceipt(receipt(), signer).toString()) as { receipt: string; signature: string };
    const wrapped = (r: unknown) => Buffer.from(JSON.stringify({ ...good, receipt: Buffer.from(JSON.stringify(r)).toString('base64') }));
    expect(malformed(Buffer.from('not json'))).toMatch(/回执文件无效/);
    expect(malformed(Buffer.from('{}'))).toContain('文件结构不对');
    expect(malformed(Buffer.from(JSON.stringify({ ...good, extra: 1 })))).toContain('文件结构不对');
    expect(malformed(Buffer.from(JSON.stringify({ ...good, signature: 'a' })))).toContain('编码无效');
    expect(malformed(wrapped({ ...receipt(), format: 2 }))).toContain('回执字段');
    expect(malformed(wrapped({ ...receipt(), kind: 'qkl-bundle' }))).toContain('回执字段');
    expect(malformed(wrapped({ ...receipt(), bundles: [{ nodeId: 'd1' }] }))).toContain('回执字段');
    expect(malformed(Buffer.alloc((16 << 20) + 1, 0x20))).toContain('文件过大');
  });
});
