import { describe, expect, it } from 'vitest';
import { decodePublicKey, generateSigningKeyPair, keyIdOf, signDetached, signerFor, verifyDetached } from './signing.ts';

const domain = 'qkl-test-v1\n';
const message = Buffer.from('清单内容 manifest bytes');

describe('Ed25519 signing', () => {
  it('makes raw 32-byte public keys and 32-hex key ids', () => {
    const pair = generateSigningKeyPair();
    expect(decodePublicKey(pair.publicKey)).toHaveLength(32);
    expect(keyIdOf(pair.publicKey)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyIdOf(pair.publicKey)).toBe(keyIdOf(pair.publicKey));
    expect(keyIdOf(generateSigningKeyPair().publicKey)).not.toBe(keyIdOf(pair.publicKey));
  });

  it('verifies its own signatures and nothing altered', () => {
    const pair = generateSigningKeyPair();
    const signature = signDetached(domain, message, pair.privateKey);
    expect(signature).toHaveLength(64);
    expect(verifyDetached(domain, message, signature, pair.publicKey)).toBe(true);
    expect(verifyDetached('other-domain\n', message, signature, pair.publicKey)).toBe(false);
    expect(verifyDetached(domain, Buffer.concat([message, Buffer.from(' ')]), signature, pair.publicKey)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[10]! ^= 1;
    expect(verifyDetached(domain, message, flipped, pair.publicKey)).toBe(false);
    expect(verifyDetached(domain, message, signature, generateSigningKeyPair().publicKey)).toBe(false);
  });

  it('answers false, never throws, on inputs of the wrong shape', () => {
    const pair = generateSigningKeyPair();
    const signature = signDetached(domain, message, pair.privateKey);
    const bad: Array<[Buffer, string]> = [
      [signature.subarray(0, 63), pair.publicKey],
      [Buffer.concat([signature, Buffer.alloc(1)]), pair.publicKey],
      [Buffer.alloc(0), pair.publicKey],
      [signature, ''],
      [signature, 'not base64 at all!'],
      [signature, Buffer.alloc(31).toString('base64')],
      [signature, Buffer.alloc(33).toString('base64')],
      // same bytes, non-canonical spelling (no padding)
      [signature, pair.publicKey.replace(/=+$/, '')],
    ];
    for (const [sig, key] of bad) expect(verifyDetached(domain, message, sig, key)).toBe(false);
    expect(verifyDetached(domain, message, null as unknown as Buffer, pair.publicKey)).toBe(false);
    expect(() => keyIdOf('nope')).toThrow();
  });

  it('signerFor signs raw bytes with the key id of the pair, and refuses a mismatched pair', () => {
    const pair = generateSigningKeyPair();
    const signer = signerFor(pair.privateKey, pair.publicKey);
    expect(signer.keyId).toBe(keyIdOf(pair.publicKey));
    const signature = signer.sign(Buffer.concat([Buffer.from(domain), message]));
    expect(verifyDetached(domain, message, signature, pair.publicKey)).toBe(true);
    expect(() => signerFor(pair.privateKey, generateSigningKeyPair().publicKey)).toThrow(/does not belong/);
  });
});
