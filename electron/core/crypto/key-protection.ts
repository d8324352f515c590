import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

// Private keys at rest (docs/SECURITY.md, "Key custody"): Electron safeStorage where the OS
// offers it, else a passphrase. Both seal to a small JSON string so the keys service
// can store either in the same column and tell them apart by `scheme`.

export type KeyProtectionCode = 'wrong-passphrase' | 'malformed' | 'unavailable' | 'weak-passphrase';

export class KeyProtectionError extends Error {
  constructor(
    readonly code: KeyProtectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyProtectionError';
  }
}

export interface KeyProtector {
  scheme: 'safeStorage' | 'passphrase';
  seal(plain: Buffer): string;
  open(sealed: string): Buffer;
}

/** The part of Electron's safeStorage we use, so the core never imports 'electron'. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(s: string): Buffer;
  decryptString(b: Buffer): string;
}

// scrypt N=2^17, r=8, p=1: 128 MiB and roughly half a second here, the interactive
// setting recommended for file encryption (age uses 2^18 for its passphrase files).
// 2026-11-29.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
// Bounds for parameters read back from a sealed string: a tampered file must not make
// us allocate gigabytes or spin for minutes before we even try the passphrase.
const LIMITS = { N: 2 ** 20, r: 16, p: 4 } as const;
const MIN_PASSPHRASE_CHARS = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const base64 = z.string().max(1 << 16).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const passphraseSealed = z.strictObject({
  v: z.literal(1),
  scheme: z.literal('passphrase'),
  kdf: z.strictObject({ N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: base64 }),
  iv: base64,
  ct: base64,
  tag: base64,
});
const safeStorageSealed = z.strictObject({ v: z.literal(1), scheme: z.literal('safeStorage'), ct: base64 });
const anySealed = z.object({ scheme: z.enum(['passphrase', 'safeStorage']) });

const malformed = () => new KeyProtectionError('malformed', '私钥文件已损坏或格式不对，无法读取。');

/** Which protector can open this sealed string, or null if it is not one of ours. */
export function sealedScheme(sealed: string): KeyProtector['scheme'] | null {
  const parsed = anySealed.safeParse(parseJson(sealed));
  return parsed.success ? parsed.data.scheme : null;
}

/**
 * `scryptN` lowers the sealing cost for test databases only (hosts leave the
 * default); opening always reads the cost from the sealed string, within LIMITS.
 */
export function passphraseProtector(passphrase: string, options: { scryptN?: number } = {}): KeyProtector {
  const params = { ...SCRYPT, N: options.scryptN ?? SCRYPT.N };
  if (!kdfWithinBounds(params) || params.N < 2 ** 10) throw new KeyProtectionError('malformed', 'scrypt 参数超出允许范围');
  return {
    scheme: 'passphrase',
    seal(plain) {
      if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_CHARS) {
        throw new KeyProtectionError('weak-passphrase', `口令太短，至少需要 ${MIN_PASSPHRASE_CHARS} 个字符。`);
      }
      const salt = randomBytes(SALT_BYTES);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, params), iv);
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      return JSON.stringify({
        v: 1,
        scheme: 'passphrase',
        kdf: { ...params, salt: salt.toString('base64') },
        iv: iv.toString('base64'),
        ct: ct.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      });
    },
    open(sealed) {
      const parsed = passphraseSealed.safeParse(parseJson(sealed));
      if (!parsed.success) throw malformed();
      const { kdf, iv, ct, tag } = parsed.data;
      if (!kdfWithinBounds(kdf)) {
        throw new KeyProtectionError('malformed', '私钥文件的加密参数异常（可能被篡改），已拒绝打开。');
      }
      const salt = Buffer.from(kdf.salt, 'base64');
      const ivBytes = Buffer.from(iv, 'base64');
      const tagBytes = Buffer.from(tag, 'base64');
      if (salt.length < SALT_BYTES || ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw malformed();
      const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt, kdf), ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tagBytes);
      try {
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]);
      } catch {
        // GCM cannot tell a wrong passphrase from a changed file; the wrong passphrase is by far the likelier.
        throw new KeyProtectionError('wrong-passphrase', '口令不正确，无法解开私钥。');
      }
    },
  };
}

export function safeStorageProtector(ss: SafeStorageLike): KeyProtector {
  const unavailable = () =>
    new KeyProtectionError('unavailable', '本机系统的密钥保管功能不可用，无法用它保护私钥；请改用口令保护。');
  return {
    scheme: 'safeStorage',
    seal(plain) {
      if (!ss.isEncryptionAvailable()) throw unavailable();
      // safeStorage takes strings; base64 keeps the binary DER intact through it.
      const ct = ss.encryptString(plain.toString('base64'));
      return JSON.stringify({ v: 1, scheme: 'safeStorage', ct: ct.toString('base64') });
    },
    open(sealed) {
      const parsed = safeStorageSealed.safeParse(parseJson(sealed));
      if (!parsed.success) throw malformed();
      if (!ss.isEncryptionAvailable()) throw unavailable();
      let text: string;
      try {
        text = ss.decryptString(Buffer.from(parsed.data.ct, 'base64'));
      } catch {
        // Typically another OS user or a reinstalled system: the keychain key is gone.
        throw new KeyProtectionError('unavailable', '无法用本机系统的密钥保管功能解开私钥（可能更换了系统或用户）。');
      }
      const plain = Buffer.from(text, 'base64');
      if (plain.toString('base64') !== text) throw malformed();
      return plain;
    },
  };
}

function kdfWithinBounds(kdf: { N: number; r: number; p: number }): boolean {
  const powerOfTwo = kdf.N > 1 && (kdf.N & (kdf.N - 1)) === 0;
  return powerOfTwo && kdf.N <= LIMITS.N && kdf.r >= 1 && kdf.r <= LIMITS.r && kdf.p >= 1 && kdf.p <= LIMITS.p;
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  // OpenSSL needs 128·r·(N+2) bytes for V plus 128·r·p for B; Node's default cap is 32 MiB.
  const maxmem = 128 * kdf.r * (kdf.N + 2) + 128 * kdf.r * kdf.p + (1 << 20);
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem });
}

function parseJson(text: string): unknown {
  if (typeof text !== 'string' || text.length > 1 << 20) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
