import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf, signerFor, type Signer } from '../../crypto/signing.ts';
import { readSealed } from '../../files/sealed-file.ts';
import { fileEntry, readNdjson, tableEntry } from './ndjson.ts';
import { openBundle } from './reader.ts';
import type { EntrySource, Manifest } from './types.ts';
import { checkEntries, verifyManifestSignature } from './verify.ts';
import { writeBundle } from './writer.ts';

let work: string;
let identity: string;
let backupIdentity: string;
let recipients: string[];
let publicKey: string;
let signer: Signer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'qkl-writer-test-'));
  identity = await generateX25519Identity();
  backupIdentity = await generateX25519Identity();
  recipients = [await identityToRecipient(identity), await identityToRecipient(backupIdentity)];
  const pair = generateSigningKeyPair();
  publicKey = pair.publicKey;
  signer = signerFor(pair.privateKey, pair.publicKey);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function manifestBase(): Omit<Manifest, 'entries' | 'format'> {
  return {
    bundleId: '0193a0b2-7c1d-7000-8000-000000000001',
    node: { id: 'node-district-1', role: 'district', name: '第一分局', districtId: 'd1' },
    keyId: signer.keyId,
    target: { nodeId: 'node-bureau', recipients },
    sequence: 3,
    previousHash: 'ab'.repeat(32),
    full: false,
    createdAt: '2026-11-29T01:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: '7',
  };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function rowsOf(table: string, count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({ id: `${table}-${i}`, 名称: `单位${i}`, n: i, note: i % 7 === 0 ? null : 'x\ny' }));
}

async function collect(path: string | AsyncIterable<Uint8Array>): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of readNdjson(path)) rows.push(row);
  return rows;
}

describe('writeBundle → openBundle round trip', () => {
  it('carries tables and files with matching hashes, sizes and rows', async () => {
    const files = [randomBytes(5 * 1024 * 1024 + 17), randomBytes(1000), Buffer.alloc(0)];
    const filePaths: string[] = [];
    for (const [i, bytes] of files.entries()) {
      const path = join(work, `attachment-${i}`);
      await writeFile(path, bytes);
      filePaths.push(path);
    }
    const tables = { units: rowsOf('u', 2500), equipment: rowsOf('e', 40), empty: [] };
    const sources: EntrySource[] = [
      ...Object.entries(tables).map(([name, rows]) => tableEntry(name, rows, rows.length)),
      ...files.map((bytes, i) => fileEntry(sha256(bytes), filePaths[i]!)),
    ];
    const file = join(work, 'round-trip.qklb');
    const written = await writeBundle({ file, manifest: manifestBase(), entries: sources, signer, recipients });

    expect(written.size).toBe((await stat(file)).size);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(written.manifest.format).toBe(1);
    expect(written.manifest.entries.map((e) => [e.index, e.kind, e.name, e.rows])).toEqual([
      [0, 'table', 'units', 2500],
      [1, 'table', 'equipment', 40],
      [2, 'table', 'empty', 0],
      [3, 'file', sha256(files[0]!), 0],
      [4, 'file', sha256(files[1]!), 0],
      [5, 'file', sha256(files[2]!), 0],
    ]);

    const tempRoot = await mkdtemp(join(work, 'open-'));
    for (const id of [identity, backupIdentity]) {
      const opened = await openBundle({ file, identities: [id], maxBytes: 64 << 20, tempRoot });
      expect(opened.hash).toBe(written.hash);
      expect(opened.manifest).toEqual(written.manifest);
      verifyManifestSignature(opened, publicKey);
      const entries = checkEntries(opened);
      for (const [i, bytes] of files.entries()) {
        const entry = entries[3 + i]!;
        expect(entry.sha256).toBe(sha256(bytes));
        expect(entry.size).toBe(bytes.length);
      }
      expect(await collect(readSealed(entries[0]!.sealed))).toEqual(tables.units);
      expect(await collect(readSealed(entries[1]!.sealed))).toEqual(tables.equipment);
      expect(await collect(readSealed(entries[2]!.sealed))).toEqual([]);
      // entry files are named by index, inside one fresh folder under tempRoot
      expect(entries.map((e) => e.sealed.path.slice(tempRoot.length + 1).split('/')[1])).toEqual(['0', '1', '2', '3', '4', '5']);
      // and sealed: an attachment's bytes are not in its work file (raw bytes would be, unsealed)
      expect(readFileSync(entries[4]!.sealed.path).includes(files[1]!.subarray(0, 64))).toBe(false);
      opened.dispose();
    }
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('accepts async entry sources and pulls table rows lazily', async () => {
    let pulled = 0;
    function* lazyRows() {
      for (let i = 0; i < 50_000; i++) {
        pulled++;
        yield { i, text: 'row '.repeat(10) };
      }
    }
    const entry = tableEntry('lazy', lazyRows(), 50_000);
    expect(pulled).toBe(0);
    async function* sources() {
      yield entry;
    }
    const file = join(work, 'async.qklb');
    const written = await writeBundle({ file, manifest: manifestBase(), entries: sources(), signer, recipients });
    expect(pulled).toBe(50_000);
    expect(written.manifest.entries[0]).toMatchObject({ name: 'lazy', rows: 50_000 });
  });

  it('signs a digest the source knows without hashing again; the receiver still refuses one that does not match', async () => {
    const bytes = randomBytes(300_000);
    const known = (sha: string): EntrySource => ({
      kind: 'file',
      name: sha,
      rows: 0,
      sha256: sha,
      async *open() {
        yield bytes;
      },
    });
    const tempRoot = await mkdtemp(join(work, 'known-'));
    const good = join(work, 'known-good.qklb');
    const written = await writeBundle({ file: good, manifest: manifestBase(), entries: [known(sha256(bytes))], signer, recipients });
    expect(written.manifest.entries[0]!.sha256).toBe(sha256(bytes));
    const opened = await openBundle({ file: good, identities: [identity], maxBytes: 64 << 20, tempRoot });
    verifyManifestSignature(opened, publicKey);
    expect(checkEntries(opened)[0]!.size).toBe(bytes.length);
    opened.dispose();

    // a store file changed on disk after it was named: the writer signs the name, the receiver's hash differs
    const stale = join(work, 'known-stale.qklb');
    await writeBundle({ file: stale, manifest: manifestBase(), entries: [known('0'.repeat(64))], signer, recipients });
    const damaged = await openBundle({ file: stale, identities: [identity], maxBytes: 64 << 20, tempRoot });
    verifyManifestSignature(damaged, publicKey);
    expect(() => checkEntries(damaged)).toThrow(expect.objectContaining({ reason: 'entry-hash' }));
    damaged.dispose();
    await expect(writeBundle({ file: join(work, 'known-bad.qklb'), manifest: manifestBase(), entries: [known('xyz')], signer, recipients })).rejects.toThrow(/bad sha256/);
  });

  it('leaves nothing behind when an entry fails half-way', async () => {
    const file = join(work, 'failed.qklb');
    const failing: EntrySource = {
      kind: 'file',
      name: 'f'.repeat(64),
      rows: 0,
      async *open() {
        yield randomBytes(300_000);
        throw new Error('disk went away');
      },
    };
    await expect(writeBundle({ file, manifest: manifestBase(), entries: [failing], signer, recipients })).rejects.toThrow('disk went away');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('refuses row counts and file hashes that do not match, and a foreign signer', async () => {
    const file = join(work, 'lies.qklb');
    const lyingTable = tableEntry('units', rowsOf('u', 3), 4);
    await expect(writeBundle({ file, manifest: manifestBase(), entries: [lyingTable], signer, recipients })).rejects.toThrow(/3 rows written, 4 announced/);
    const path = join(work, 'changed-attachment');
    await writeFile(path, 'changed');
    await expect(writeBundle({ file, manifest: manifestBase(), entries: [fileEntry('0'.repeat(64), path)], signer, recipients })).rejects.toThrow(/content hash/);
    const other = generateSigningKeyPair();
    const otherSigner = signerFor(other.privateKey, other.publicKey);
    expect(otherSigner.keyId).toBe(keyIdOf(other.publicKey));
    await expect(writeBundle({ file, manifest: manifestBase(), entries: [], signer: otherSigner, recipients })).rejects.toThrow(/keyId/);
    await expect(writeBundle({ file, manifest: manifestBase(), entries: [], signer, recipients: [] })).rejects.toThrow(/recipient/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
  });
});

describe('streaming', () => {
  it('writes and reads a 300 MB attachment with bounded memory', { timeout: 240_000 }, async () => {
    const size = 300 * 1024 * 1024;
    const source = join(work, 'big-attachment');
    const hash = createHash('sha256');
    const fh = await open(source, 'w');
    const block = randomBytes(1 << 20);
    for (let offset = 0; offset < size; offset += block.length) {
      block.writeUInt32BE(offset / block.length, 0); // every MiB differs
      hash.update(block);
      await fh.write(block);
    }
    await fh.close();
    const digest = hash.digest('hex');

    const peak = rssSampler();
    const file = join(work, 'big.qklb');
    const started = Date.now();
    const written = await writeBundle({ file, manifest: manifestBase(), entries: [fileEntry(digest, source)], signer, recipients });
    const writeSeconds = (Date.now() - started) / 1000;
    const tempRoot = await mkdtemp(join(work, 'big-open-'));
    const opened = await openBundle({ file, identities: [identity], maxBytes: 400 << 20, tempRoot });
    const readSeconds = (Date.now() - started) / 1000 - writeSeconds;
    const growth = peak.stop();
    verifyManifestSignature(opened, publicKey);
    const [entry] = checkEntries(opened);
    expect(entry).toMatchObject({ sha256: digest, size });
    expect(entry!.sealed.size).toBe(size);
    opened.dispose();
    console.log(
      `300 MB attachment: bundle ${(written.size / 2 ** 20).toFixed(1)} MB, write ${writeSeconds.toFixed(1)} s, ` +
        `open ${readSeconds.toFixed(1)} s, peak RSS growth ${(growth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(150 * 2 ** 20);
  });
});

/** Peak RSS above the starting point, sampled while the work runs. */
function rssSampler() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak - start;
    },
  };
}
