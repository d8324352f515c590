import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signerFor, type Signer } from '../../crypto/signing.ts';
import { openBundle } from './reader.ts';
import { BundleRefusal, MANIFEST_SIGNING_DOMAIN, type Manifest, type ManifestEntry, type OpenedBundle } from './types.ts';
import { checkEntries, verifyManifestSignature } from './verify.ts';
import { CONTAINER_MAGIC, RecordType } from './writer.ts';

// Bundles an attacker could make: anyone with the bureau's public recipient can
// produce a valid age file, so these containers decrypt fine and must be caught
// by the signature and the entry list.

let work: string;
let tempRoot: string;
let identity: string;
let recipient: string;
let publicKey: string;
let signer: Signer;
const opened: OpenedBundle[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'qkl-verify-test-'));
  tempRoot = await mkdtemp(join(work, 'temp-root-'));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  const pair = generateSigningKeyPair();
  publicKey = pair.publicKey;
  signer = signerFor(pair.privateKey, pair.publicKey);
});

afterAll(async () => {
  for (const o of opened) o.dispose();
  expect(await readdir(tempRoot)).toEqual([]);
  await rm(work, { recursive: true, force: true });
});

interface Part {
  kind: 'table' | 'file';
  name: string;
  data: string;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const listed = (parts: Part[]): ManifestEntry[] =>
  parts.map((p, index) => ({ index, kind: p.kind, name: p.name, sha256: sha(p.data), size: Buffer.byteLength(p.data), rows: p.kind === 'table' ? 1 : 0 }));

function manifestOf(entries: ManifestEntry[], keyId = signer.keyId): Manifest {
  return {
    format: 1,
    bundleId: 'b-9',
    node: { id: 'n-1', role: 'district', name: '第一分局', districtId: 'd1' },
    keyId,
    target: { nodeId: 'bureau', recipients: [recipient] },
    sequence: 4,
    previousHash: 'cd'.repeat(32),
    full: false,
    createdAt: '2026-11-29T01:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: '7',
    entries,
  };
}

function rec(type: number, payload: string | Buffer = ''): Buffer {
  const body = Buffer.from(payload);
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** A container whose entries are `stored`, signed over `manifestBytes` (or a tampered copy). */
async function openCrafted(stored: Part[], manifestBytes: Buffer, signedBytes = manifestBytes, by: Signer = signer): Promise<OpenedBundle> {
  const records: Buffer[] = [Buffer.concat([CONTAINER_MAGIC, Buffer.from([0, 1])])];
  stored.forEach((p, index) => {
    records.push(rec(RecordType.entryStart, JSON.stringify({ index, kind: p.kind, name: p.name })), rec(RecordType.data, p.data), rec(RecordType.entryEnd));
  });
  const signature = by.sign(Buffer.concat([Buffer.from(MANIFEST_SIGNING_DOMAIN), signedBytes]));
  records.push(rec(RecordType.manifest, manifestBytes), rec(RecordType.signature, signature), rec(RecordType.end));
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const file = join(work, `crafted-${opened.length}.qklb`);
  await writeFile(file, await encrypter.encrypt(Buffer.concat(records)));
  const result = await openBundle({ file, identities: [identity], maxBytes: 1 << 20, tempRoot });
  opened.push(result);
  return result;
}

function refusalOf(fn: () => unknown): BundleRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof BundleRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

const parts: Part[] = [
  { kind: 'table', name: 'units', data: '{"id":1}\n' },
  { kind: 'file', name: sha('attachment'), data: 'attachment' },
];
const bytesOf = (m: Manifest) => Buffer.from(JSON.stringify(m));

describe('verifyManifestSignature', () => {
  it('accepts the enrolled key and refuses any other key', async () => {
    const bundle = await openCrafted(parts, bytesOf(manifestOf(listed(parts))));
    expect(() => verifyManifestSignature(bundle, publicKey)).not.toThrow();
    const other = generateSigningKeyPair().publicKey;
    expect(refusalOf(() => verifyManifestSignature(bundle, other)).reason).toBe('bad-signature');
    expect(refusalOf(() => verifyManifestSignature(bundle, 'garbage')).reason).toBe('bad-signature');
  });

  it('refuses a manifest changed after signing', async () => {
    const signed = bytesOf(manifestOf(listed(parts)));
    const tampered = bytesOf({ ...manifestOf(listed(parts)), sequence: 5 });
    const bundle = await openCrafted(parts, tampered, signed);
    const refusal = refusalOf(() => verifyManifestSignature(bundle, publicKey));
    expect(refusal.reason).toBe('bad-signature');
    expect(refusal.message).toContain('签名无效');
  });

  it('refuses a manifest naming another key id, even if that key signed it', async () => {
    const pair = generateSigningKeyPair();
    const otherSigner = signerFor(pair.privateKey, pair.publicKey);
    const bundle = await openCrafted(parts, bytesOf(manifestOf(listed(parts), signer.keyId)), undefined, otherSigner);
    expect(refusalOf(() => verifyManifestSignature(bundle, pair.publicKey)).message).toContain('与登记的密钥不一致');
    expect(refusalOf(() => verifyManifestSignature(bundle, publicKey)).reason).toBe('bad-signature');
  });
});

describe('checkEntries', () => {
  it('returns the found entries with the signed row counts', async () => {
    const bundle = await openCrafted(parts, bytesOf(manifestOf(listed(parts))));
    const entries = checkEntries(bundle);
    expect(entries.map((e) => [e.kind, e.name, e.rows, e.size])).toEqual([
      ['table', 'units', 1, 9],
      ['file', sha('attachment'), 0, 10],
    ]);
  });

  it('refuses entries that differ from the signed list, naming the entry', async () => {
    const manifest = bytesOf(manifestOf(listed(parts)));
    const [table, file] = parts as [Part, Part];
    const cases: Array<[string, Part[], string]> = [
      ['changed bytes', [{ ...table, data: '{"id":2}\n' }, file], '数据表“units”'],
      ['changed length', [table, { ...file, data: 'attachment!' }], '第 2 项'],
      ['renamed', [{ ...table, name: 'equipment' }, file], '第 1 项'],
      ['other kind', [table, { ...file, kind: 'table' }], '第 2 项'],
      ['reordered', [file, table], '第 1 项'],
      ['missing', [table], '实际有 1 项'],
      ['extra', [table, file, file], '实际有 3 项'],
    ];
    for (const [label, stored, named] of cases) {
      const bundle = await openCrafted(stored, manifest);
      verifyManifestSignature(bundle, publicKey);
      const refusal = refusalOf(() => checkEntries(bundle));
      expect(refusal.reason, label).toBe('entry-hash');
      expect(refusal.message, label).toContain(named);
    }
  });
});
