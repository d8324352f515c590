import { createHash } from 'node:crypto';
import { decodePublicKey } from './signing.ts';

/**
 * 40 decimal digits in 8 groups of 5, read aloud by two clerks to confirm an
 * enrolment (the idea of Signal's safety numbers). Digits survive a phone line
 * better than hex or base64.
 *
 * sha256 gives 32 bytes, so each group takes 4 bytes (u32) mod 100000: the bias
 * (2^32 is not a multiple of 10^5) is below 1 in 40000 per group and the whole
 * number still carries about 133 bits. 2026-11-29.
 *
 * A base64 Ed25519 public key is hashed as its raw 32 bytes, so the string and the
 * Buffer of the same key give the same digits; anything else (an age1… recipient)
 * is hashed as its UTF-8 text.
 */
export function readableFingerprint(publicKeyOrRecipient: string | Buffer): string {
  const bytes =
    typeof publicKeyOrRecipient === 'string'
      ? (decodePublicKey(publicKeyOrRecipient) ?? Buffer.from(publicKeyOrRecipient.trim(), 'utf8'))
      : publicKeyOrRecipient;
  const digest = createHash('sha256').update(bytes).digest();
  const groups: string[] = [];
  for (let offset = 0; offset < digest.length; offset += 4) {
    groups.push(String(digest.readUInt32BE(offset) % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
