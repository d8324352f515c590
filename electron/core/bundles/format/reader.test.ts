import { createHash, randomBytes } from 'node:crypto';
import type * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKeyPair, signerFor, type Signer } from '../../crypto/signing.ts';
import { fileEntry, tableEntry } from './ndjson.ts';
import { openBundle } from './reader.ts';
import { BundleRefusal, MANIFEST_SIGNING_DOMAIN, type Manifest, type ManifestEntry, type RefusalReason } from './types.ts';
import { CONTAINER_MAGIC, MAX_RECORD_PAYLOAD, RecordType, writeBundle } from './writer.ts';

// Records every path the code under test opens, to prove the size cap reads nothing.
const openedPaths = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return {
    ...actual,
    open: (...args: Parameters<typeof actual.open>) => {
      openedPaths.push(String(args[0]));
      return actual.open(...args);
    },
  };
});

let work: string;
let tempRoot: string;
let identity: string;
let recipient: string;
let signer: Signer;
let bundle: Buffer;
const AGE_CHUNK = 64 * 1024 + 16;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'qkl-reader-test-'));
  tempRoot = await mkdtemp(join(work, 'temp-root-'));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  const pair = generateSigningKeyPair();
  signer = signerFor(pair.privateKey, pair.publicKey);
  // A table and a 300 KB attachment: about five age chunks to damage.
  const attachment = join(work, 'attachment');
  const bytes = randomBytes(300_000);
  await writeFile(attachment, bytes);
  const file = join(work, 'good.qklb');
  await writeBundle({
    file,
    manifest: manifestBase(),
    entries: [tableEntry('units', [{ id: 1 }, { id: 2 }], 2), fileEntry(createHash('sha256').update(bytes).digest('hex'), attachment)],
    signer,
    recipients: [recipient],
  });
  bundle = await readFile(file);
});

// No refusal and no dispose() may leave anything in the temp root.
afterEach(async () => {
  expect(await readdir(tempRoot)).toEqual([]);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function manifestBase(): Omit<Manifest, 'entries' | 'format'> {
  return {
    bundleId: 'b-1',
    node: { id: 'n-1', role: 'district', name: '第一分局', districtId: 'd1' },
    keyId: signer.keyId,
    target: { nodeId: 'bureau', recipients: [recipient] },
    sequence: 1,
    previousHash: null,
    full: true,
    createdAt: '2026-11-29T01:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: '7',
  };
}

let fileCounter = 0;
async function fileWith(bytes: Uint8Array): Promise<string> {
  const path = join(work, `case-${fileCounter++}.qklb`);
  await writeFile(path, bytes);
  return path;
}

async function refusalOf(bytes: Uint8Array, options: { maxEntries?: number; identities?: string[] } = {}): Promise<BundleRefusal> {
  const file = await fileWith(bytes);
  try {
    const opened = await openBundle({ file, identities: options.identities ?? [identity], maxBytes: 64 << 20, tempRoot, maxEntries: options.maxEntries });
    opened.dispose();
  } catch (error) {
    if (error instanceof BundleRefusal) {
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      return error;
    }
    throw error;
  }
  throw new Error('the bundle was not refused');
}

async function expectRefused(bytes: Uint8Array, reason: RefusalReason, options?: { maxEntries?: number; identities?: string[] }) {
  expect((await refusalOf(bytes, options)).reason).toBe(reason);
}

function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x20;
  return copy;
}

/** Where age's payload starts: after the header's "--- mac" line and the 16-byte nonce. */
function payloadStart(bytes: Buffer): number {
  const mac = bytes.indexOf('\n--- ');
  return bytes.indexOf('\n', mac + 1) + 1 + 16;
}

// --- hand-made containers, for the rules age cannot see ---------------------------

function rec(type: number, payload: Uint8Array | string = ''): Buffer {
  const body = Buffer.from(payload);
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

function header(version = 1): Buffer {
  const h = Buffer.alloc(6);
  CONTAINER_MAGIC.copy(h);
  h.writeUInt16BE(version, 4);
  return h;
}

function entry(index: number, data: string): Buffer[] {
  return [rec(RecordType.entryStart, JSON.stringify({ index, kind: 'file', name: `e${index}` })), rec(RecordType.data, data), rec(RecordType.entryEnd)];
}

function signedTail(manifest: object | string | Buffer): Buffer[] {
  const bytes = Buffer.isBuffer(manifest) ? manifest : Buffer.from(typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  const signature = signer.sign(Buffer.concat([Buffer.from(MANIFEST_SIGNING_DOMAIN), bytes]));
  return [rec(RecordType.manifest, bytes), rec(RecordType.signature, signature), rec(RecordType.end)];
}

function manifestFor(entries: ManifestEntry[] = [], format = 1): Manifest {
  return { format, ...manifestBase(), entries };
}

async function sealed(...parts: Buffer[]): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(Buffer.concat(parts));
}

describe('openBundle refusals', () => {
  it('opens the untouched bundle', async () => {
    const opened = await openBundle({ file: await fileWith(bundle), identities: [identity], maxBytes: 64 << 20, tempRoot });
    expect(opened.found).toHaveLength(2);
    expect(opened.signature).toHaveLength(64);
    opened.dispose();
  });

  it('refuses a file over maxBytes before opening it (sparse file)', async () => {
    const file = join(work, 'huge.qklb');
    await writeFile(file, '');
    await truncate(file, 3 * 2 ** 30);
    openedPaths.length = 0;
    const error = await openBundle({ file, identities: [identity], maxBytes: 2 ** 30, tempRoot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleRefusal);
    expect((error as BundleRefusal).reason).toBe('too-large');
    expect((error as BundleRefusal).message).toContain('过大');
    expect(openedPaths).toEqual([]);
    await rm(file);
  });

  it('refuses a random file, an empty file and a text file as not a bundle', async () => {
    await expectRefused(randomBytes(200_000), 'not-a-bundle');
    await expectRefused(new Uint8Array(0), 'not-a-bundle');
    await expectRefused(Buffer.from('单位名称,地址\n某某公司,某某路\n'), 'not-a-bundle');
  });

  it('refuses a bundle made for other recipients', async () => {
    await expectRefused(bundle, 'not-recipient', { identities: [await generateX25519Identity()] });
  });

  it('refuses flipped bytes in the age header', async () => {
    await expectRefused(flipped(bundle, 3), 'not-a-bundle'); // the "age-encryption.org/v1" line
    const macAt = bundle.indexOf('\n--- ') + 8;
    await expectRefused(flipped(bundle, macAt), 'corrupt'); // the header MAC
  });

  it('refuses flipped bytes in the first, a middle and the last payload chunk as corrupt', async () => {
    const start = payloadStart(bundle);
    expect(bundle.length - start).toBeGreaterThan(4 * AGE_CHUNK);
    for (const at of [start + 3, start + 2 * AGE_CHUNK + 999, bundle.length - 5, bundle.length - 1]) {
      await expectRefused(flipped(bundle, at), 'corrupt');
    }
    await expectRefused(flipped(bundle, start - 4), 'corrupt'); // the nonce
  });

  it('refuses truncation anywhere as corrupt', async () => {
    const start = payloadStart(bundle);
    const cuts = [40, start - 10, start, start + 100, start + AGE_CHUNK, start + 3 * AGE_CHUNK, bundle.length - 16, bundle.length - 1];
    for (const cut of cuts) await expectRefused(bundle.subarray(0, cut), 'corrupt');
  });

  it('refuses newer container and manifest versions', async () => {
    await expectRefused(await sealed(header(2), ...signedTail(manifestFor())), 'format-version');
    await expectRefused(await sealed(header(1), ...signedTail(manifestFor([], 2))), 'format-version');
    const refusal = await refusalOf(await sealed(header(7)));
    expect(refusal.message).toContain('格式版本 7');
  });

  it('refuses age files that do not hold our container', async () => {
    await expectRefused(await sealed(Buffer.from('hello')), 'not-a-bundle');
    await expectRefused(await sealed(Buffer.alloc(0)), 'not-a-bundle');
    await expectRefused(await sealed(Buffer.from('QKLX\x00\x01')), 'not-a-bundle');
  });

  it('refuses containers that break the framing rules', async () => {
    const tail = signedTail(manifestFor());
    const oversized = Buffer.alloc(5);
    oversized.writeUInt8(RecordType.data, 0);
    oversized.writeUInt32BE(MAX_RECORD_PAYLOAD + 1, 1);
    const cases: Array<[string, Buffer[], string]> = [
      ['version 0', [header(0), ...tail], '容器版本无效'],
      ['unknown record type', [header(), rec(9, 'x'), ...tail], '未知记录类型 9'],
      ['record over 1 MiB', [header(), rec(RecordType.entryStart, JSON.stringify({ index: 0, kind: 'file', name: 'e0' })), oversized], '记录过长'],
      ['data outside an entry', [header(), rec(RecordType.data, 'x'), ...tail], '数据不属于任何条目'],
      ['entry not closed', [header(), rec(RecordType.entryStart, JSON.stringify({ index: 0, kind: 'file', name: 'e0' })), ...tail], '清单位置错误'],
      ['entry index out of order', [header(), ...entry(1, 'x'), ...tail], '条目头无效'],
      ['entry start not JSON', [header(), rec(RecordType.entryStart, '{'), ...tail], '条目头无效'],
      ['entry start with a path as kind', [header(), rec(RecordType.entryStart, JSON.stringify({ index: 0, kind: '../x', name: 'e0' })), ...tail], '条目头无效'],
      ['entry after the manifest', [header(), tail[0]!, ...entry(0, 'x'), tail[1]!, tail[2]!], '条目顺序错误'],
      ['no signature', [header(), tail[0]!, tail[2]!], '缺少签名'],
      ['short signature', [header(), tail[0]!, rec(RecordType.signature, 'short'), tail[2]!], '签名长度错误'],
      ['no end record', [header(), tail[0]!, tail[1]!], '缺少结束标记'],
      ['data after the end', [header(), ...tail, Buffer.from('x')], '结束标记之后还有数据'],
      ['a second end', [header(), ...tail, rec(RecordType.end)], '结束标记之后还有数据'],
      ['cut inside a record', [header(), rec(RecordType.entryStart, 'abc').subarray(0, 6)], '内容提前结束'],
      ['manifest not JSON', [header(), ...signedTail('{"format":1,')], '清单不是有效的 JSON'],
      ['manifest not UTF-8', [header(), ...signedTail(Buffer.from([0x7b, 0xff, 0x7d]))], '清单不是有效的 JSON'],
      ['manifest missing fields', [header(), ...signedTail({ format: 1, entries: [] })], '清单字段不符合要求'],
      ['manifest with extra fields', [header(), ...signedTail({ ...manifestFor(), extra: true })], '清单字段不符合要求'],
    ];
    for (const [label, parts, detail] of cases) {
      const refusal = await refusalOf(await sealed(...parts));
      expect(refusal.reason, label).toBe('malformed');
      expect(refusal.message, label).toContain(detail);
    }
  });

  it('caps the number of entries', async () => {
    const parts = [header(), ...entry(0, 'a'), ...entry(1, 'b'), ...entry(2, 'c'), ...signedTail(manifestFor())];
    expect((await refusalOf(await sealed(...parts), { maxEntries: 2 })).message).toContain('条目过多');
    const opened = await openBundle({ file: await fileWith(await sealed(...parts)), identities: [identity], maxBytes: 1 << 20, tempRoot, maxEntries: 3 });
    expect(opened.found.map((f) => f.name)).toEqual(['e0', 'e1', 'e2']);
    opened.dispose();
  });
});
