import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp.ts';
import { ageDecryptFile, ageEncrypt, AgeError, CHUNK } from './age-stream.ts';

// The age format with Node's native ChaCha20-Poly1305 payload: files the reference
// implementation (Debian's `age`, installed by scripts/setup.sh) and the age-encryption
// library read, and files they write that we read; damage of every kind refused.

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
const dir = () => {
  const t = tempDir();
  temps.push(t);
  return t;
};

async function encryptToFile(file: string, recipients: string[], plain: Buffer, piece = 10_000): Promise<void> {
  const pieces = function* () {
    for (let i = 0; i < plain.length; i += piece) yield plain.subarray(i, i + piece);
  };
  const out: Buffer[] = [];
  for await (const b of ageEncrypt(recipients, pieces())) out.push(b);
  writeFileSync(file, Buffer.concat(out));
}

async function decryptFile(file: string, identities: string[]): Promise<Buffer> {
  const size = readFileSync(file).length;
  const reader = await ageDecryptFile(file, size, identities, 64 << 10);
  const out: Buffer[] = [];
  for await (const b of reader.plaintext) out.push(b);
  return Buffer.concat(out);
}

async function refusal(file: string, identities: string[]): Promise<string> {
  try {
    await decryptFile(file, identities);
  } catch (error) {
    if (error instanceof AgeError) return error.kind;
    throw error;
  }
  throw new Error('decrypted a file it should have refused');
}

const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17];

describe('age with a native payload', () => {
  it.each(sizes)('round-trips %i bytes, and the age-encryption library reads what we write', async (n) => {
    const t = dir();
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const plain = randomBytes(n);
    await encryptToFile(t.file('a.age'), [recipient], plain);
    expect((await decryptFile(t.file('a.age'), [identity])).equals(plain)).toBe(true);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(Buffer.from(await decrypter.decrypt(readFileSync(t.file('a.age')))).equals(plain)).toBe(true);
  });

  it('reads what the age-encryption library writes', async () => {
    const t = dir();
    const identity = await generateX25519Identity();
    const plain = randomBytes(2 * CHUNK + 5);
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    writeFileSync(t.file('lib.age'), await encrypter.encrypt(plain));
    expect((await decryptFile(t.file('lib.age'), [identity])).equals(plain)).toBe(true);
  });

  it('is read by Debian’s age, and reads what it writes (X25519 identities)', async () => {
    const t = dir();
    execFileSync('age-keygen', ['-o', t.file('key.txt')], { stdio: 'ignore' });
    const keyText = readFileSync(t.file('key.txt'), 'utf8');
    const identity = /^(AGE-SECRET-KEY-1\S+)$/m.exec(keyText)![1]!;
    const recipient = await identityToRecipient(identity);
    expect(keyText).toContain(`public key: ${recipient}`);
    const backup = await generateX25519Identity();
    const plain = randomBytes(5 * CHUNK + 123);
    writeFileSync(t.file('plain.bin'), plain);

    // ours → age, with two recipients as a bundle has (main and backup)
    await encryptToFile(t.file('ours.age'), [recipient, await identityToRecipient(backup)], plain, 70_000);
    execFileSync('age', ['-d', '-i', t.file('key.txt'), '-o', t.file('by-age.bin'), t.file('ours.age')]);
    expect(readFileSync(t.file('by-age.bin')).equals(plain)).toBe(true);

    // age → ours
    execFileSync('age', ['-r', recipient, '-o', t.file('theirs.age'), t.file('plain.bin')]);
    expect((await decryptFile(t.file('theirs.age'), [identity])).equals(plain)).toBe(true);
    // an empty file too
    writeFileSync(t.file('empty.bin'), Buffer.alloc(0));
    execFileSync('age', ['-r', recipient, '-o', t.file('empty.age'), t.file('empty.bin')]);
    expect((await decryptFile(t.file('empty.age'), [identity])).length).toBe(0);
  });

  it('refuses another recipient, a flipped byte anywhere, truncation at and inside a chunk, and appended data', async () => {
    const t = dir();
    const identity = await generateX25519Identity();
    const other = await generateX25519Identity();
    const plain = randomBytes(3 * CHUNK);
    const file = t.file('a.age');
    await encryptToFile(file, [await identityToRecipient(identity)], plain);
    const good = readFileSync(file);
    expect(await refusal(file, [other])).toBe('not-recipient');

    const headerEnd = good.indexOf('\n', good.indexOf('\n--- ') + 1) + 1;
    for (const at of [10, headerEnd - 3, headerEnd + 2, headerEnd + 16 + 100, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at] = bad[at]! ^ 0x01;
      writeFileSync(file, bad);
      expect(await refusal(file, [identity]), `flip at ${at}`).toBe('corrupt');
    }
    // three full chunks: the last carries the flag; cut after the second it must fail
    for (const length of [headerEnd + 16 + 2 * (CHUNK + 16), good.length - 5, headerEnd + 10]) {
      writeFileSync(file, good);
      truncateSync(file, length);
      expect(await refusal(file, [identity]), `cut to ${length}`).toBe('corrupt');
    }
    writeFileSync(file, Buffer.concat([good, Buffer.from('x')]));
    expect(await refusal(file, [identity])).toBe('corrupt');
    // chunks swapped
    const body = headerEnd + 16;
    const swapped = Buffer.concat([good.subarray(0, body), good.subarray(body + CHUNK + 16, body + 2 * (CHUNK + 16)), good.subarray(body, body + CHUNK + 16), good.subarray(body + 2 * (CHUNK + 16))]);
    writeFileSync(file, swapped);
    expect(await refusal(file, [identity])).toBe('corrupt');
  });
});
