import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyProtectionError, passphraseProtector, safeStorageProtector, sealedScheme, type SafeStorageLike } from './key-protection.ts';
import { generateSigningKeyPair } from './signing.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof KeyProtectionError) return error.code;
    throw error;
  }
  return undefined;
}

describe('passphrase protector', () => {
  const { privateKey } = generateSigningKeyPair();
  const sealed = passphraseProtector('市局 口令 2026!').seal(privateKey);

  it('round-trips a private key and stores the documented fields', () => {
    const parsed = JSON.parse(sealed) as Record<string, unknown>;
    expect(parsed).toMatchObject({ v: 1, scheme: 'passphrase', kdf: { N: 2 ** 17, r: 8, p: 1 } });
    expect(Object.keys(parsed).sort()).toEqual(['ct', 'iv', 'kdf', 'scheme', 'tag', 'v']);
    expect(sealed).not.toContain(privateKey.toString('base64'));
    expect(sealedScheme(sealed)).toBe('passphrase');
    expect(passphraseProtector('市局 口令 2026!').open(sealed).equals(privateKey)).toBe(true);
  });

  it('refuses a wrong passphrase with a Chinese message', () => {
    let error: unknown;
    try {
      passphraseProtector('市局 口令 2027!').open(sealed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyProtectionError);
    expect((error as KeyProtectionError).code).toBe('wrong-passphrase');
    expect((error as KeyProtectionError).message).toBe('口令不正确，无法解开私钥。');
  });

  it('refuses short passphrases when sealing', () => {
    expect(codeOf(() => passphraseProtector('').seal(privateKey))).toBe('weak-passphrase');
    expect(codeOf(() => passphraseProtector('1234567').seal(privateKey))).toBe('weak-passphrase');
    expect(() => passphraseProtector('1234567').seal(privateKey)).toThrow(/至少需要 8 个字符/);
  });

  it('refuses absurd KDF parameters before running scrypt', () => {
    const base = JSON.parse(sealed) as { kdf: Record<string, unknown> };
    const absurd = [
      { N: 2 ** 30 },
      { N: 2 ** 21 },
      { N: 3 * 2 ** 16 },
      { N: 1 },
      { r: 1024 },
      { r: 0 },
      { p: 64 },
      { N: 2 ** 53 },
    ];
    const started = Date.now();
    for (const change of absurd) {
      const tampered = JSON.stringify({ ...base, kdf: { ...base.kdf, ...change } });
      expect(codeOf(() => passphraseProtector('市局 口令 2026!').open(tampered)), JSON.stringify(change)).toBe('malformed');
    }
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('refuses malformed sealed strings', () => {
    const base = JSON.parse(sealed) as Record<string, unknown>;
    const cases = [
      '',
      'not json',
      '[]',
      JSON.stringify({ ...base, v: 2 }),
      JSON.stringify({ ...base, iv: Buffer.alloc(8).toString('base64') }),
      JSON.stringify({ ...base, tag: '' }),
      JSON.stringify({ ...base, extra: 1 }),
      JSON.stringify({ ...base, scheme: 'safeStorage' }),
    ];
    for (const text of cases) expect(codeOf(() => passphraseProtector('市局 口令 2026!').open(text)), text).toBe('malformed');
  });
});

/** Stands in for Electron's safeStorage, which cannot be installed here. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const key = randomBytes(1)[0]! | 1;
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ key)),
    decryptString: (b) => {
      if (b[0] === 0) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.map((x) => x ^ key)).toString('utf8');
    },
  };
}

describe('safeStorage protector', () => {
  const { privateKey } = generateSigningKeyPair();

  it('round-trips through safeStorage as base64', () => {
    const ss = fakeSafeStorage();
    const sealed = safeStorageProtector(ss).seal(privateKey);
    expect(JSON.parse(sealed)).toMatchObject({ v: 1, scheme: 'safeStorage' });
    expect(sealedScheme(sealed)).toBe('safeStorage');
    expect(safeStorageProtector(ss).open(sealed).equals(privateKey)).toBe(true);
  });

  it('reports unavailable when the OS cannot encrypt or decrypt', () => {
    expect(codeOf(() => safeStorageProtector(fakeSafeStorage(false)).seal(privateKey))).toBe('unavailable');
    const broken = JSON.stringify({ v: 1, scheme: 'safeStorage', ct: Buffer.from([0, 1, 2]).toString('base64') });
    expect(codeOf(() => safeStorageProtector(fakeSafeStorage()).open(broken))).toBe('unavailable');
    expect(codeOf(() => safeStorageProtector(fakeSafeStorage()).open('{"v":1}'))).toBe('malformed');
    expect(sealedScheme('garbage')).toBeNull();
  });
});
