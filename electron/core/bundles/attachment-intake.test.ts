import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { attachmentPath } from '../attachments/store.ts';
import { generateSigningKeyPair, signerFor } from '../crypto/signing.ts';
import { journalOf, removeUnreferenced, storeNewAttachments } from './attachment-intake.ts';
import { fileEntry } from './format/ndjson.ts';
import { openBundle } from './format/reader.ts';
import type { OpenedBundle } from './format/types.ts';
import { checkEntries } from './format/verify.ts';
import { writeBundle } from './format/writer.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let node: ExchangeNode | undefined;
let temp: ReturnType<typeof tempDir> | undefined;
let opened: OpenedBundle | undefined;
afterEach(() => {
  opened?.dispose();
  node?.cleanup();
  temp?.cleanup();
});

/** A real bundle with these files, opened and checked as the import does. */
async function openedWith(files: Buffer[]) {
  temp = tempDir();
  const identity = await generateX25519Identity();
  const pair = generateSigningKeyPair();
  const signer = signerFor(pair.privateKey, pair.publicKey);
  const sources = await Promise.all(
    files.map(async (bytes, i) => {
      const path = temp!.file(`file-${i}`);
      await writeFile(path, bytes);
      return fileEntry(sha(bytes), path);
    }),
  );
  const file = temp.file('b.qklb');
  await writeBundle({
    file,
    manifest: {
      bundleId: 'b1',
      node: { id: 'n1', role: 'district', name: '分局', districtId: 'd1' },
      keyId: signer.keyId,
      target: { nodeId: 'n2', recipients: [await identityToRecipient(identity)] },
      sequence: 1,
      previousHash: null,
      full: true,
      createdAt: '2026-12-07T00:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: '1',
    },
    entries: sources,
    signer,
    recipients: [await identityToRecipient(identity)],
  });
  opened = await openBundle({ file, identities: [identity], maxBytes: 1 << 30, tempRoot: await mkdtemp(join(temp.dir, 'open-')) });
  return checkEntries(opened);
}

describe('storeNewAttachments', () => {
  it('copies the files the store lacks, each noted in the run journal, and skips one it has', async () => {
    const files = [randomBytes(3 << 20), randomBytes(70_000), randomBytes(10)];
    const entries = await openedWith(files);
    node = await exchangeNode('bureau', '市局');
    const ctx = node.core.ctx;
    const run = await mkdtemp(join(temp!.dir, 'run-'));
    // already stored: neither noted nor written again
    const kept = attachmentPath(ctx, sha(files[2]!));
    mkdirSync(dirname(kept), { recursive: true });
    writeFileSync(kept, files[2]!);
    const added: string[] = [];
    expect(await storeNewAttachments(ctx, entries, run, added)).toBe(3);
    expect(added.sort()).toEqual([sha(files[0]!), sha(files[1]!)].sort());
    expect(journalOf(run).sort()).toEqual(added);
    for (const bytes of files) expect(readFileSync(attachmentPath(ctx, sha(bytes))).equals(bytes)).toBe(true);
    expect(existsSync(`${attachmentPath(ctx, sha(files[0]!))}.part`)).toBe(false);
  });

  it('names every file it may have written when one copy fails, so the caller removes them all', async () => {
    const files = [randomBytes(2 << 20), randomBytes(2 << 20), randomBytes(2 << 20), randomBytes(100_000)];
    const entries = await openedWith(files);
    // the third file's sealed work file changed on disk: its copy fails authentication
    const damaged = entries[2]!.sealed.path;
    const bytes = readFileSync(damaged);
    bytes[1000] = bytes[1000]! ^ 1;
    writeFileSync(damaged, bytes);
    node = await exchangeNode('bureau', '市局');
    const ctx = node.core.ctx;
    const run = await mkdtemp(join(temp!.dir, 'run-'));
    const added: string[] = [];
    await expect(storeNewAttachments(ctx, entries, run, added)).rejects.toThrow(/failed authentication/);
    expect(added.sort()).toEqual(files.map(sha).sort());
    expect(journalOf(run).sort()).toEqual(added);
    removeUnreferenced(ctx, added);
    for (const file of files) {
      expect(existsSync(attachmentPath(ctx, sha(file)))).toBe(false);
      expect(existsSync(`${attachmentPath(ctx, sha(file))}.part`)).toBe(false);
    }
  });
});
