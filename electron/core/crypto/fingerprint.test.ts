import { describe, expect, it } from 'vitest';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { readableFingerprint } from './fingerprint.ts';
import { generateSigningKeyPair } from './signing.ts';

describe('readableFingerprint', () => {
  it('is 8 groups of 5 digits, deterministic, and differs between keys', () => {
    const { publicKey } = generateSigningKeyPair();
    const fingerprint = readableFingerprint(publicKey);
    console.log('fingerprint example:', fingerprint);
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(readableFingerprint(publicKey)).toBe(fingerprint);
    expect(readableFingerprint(generateSigningKeyPair().publicKey)).not.toBe(fingerprint);
  });

  it('gives the same digits for a key as base64 text and as raw bytes', () => {
    const { publicKey } = generateSigningKeyPair();
    expect(readableFingerprint(Buffer.from(publicKey, 'base64'))).toBe(readableFingerprint(publicKey));
  });

  it('works for age recipients', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    const fingerprint = readableFingerprint(recipient);
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(readableFingerprint(`  ${recipient}\n`)).toBe(fingerprint);
  });

  it('matches a fixed vector (sha256 of the empty input)', () => {
    // sha256('') = e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855
    const expected = [0xe3b0c442, 0x98fc1c14, 0x9afbf4c8, 0x996fb924, 0x27ae41e4, 0x649b934c, 0xa495991b, 0x7852b855]
      .map((n) => String(n % 100000).padStart(5, '0'))
      .join(' ');
    expect(readableFingerprint(Buffer.alloc(0))).toBe(expected);
  });
});
