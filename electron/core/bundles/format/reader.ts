import { createHash, type Hash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AgeError, ageDecryptFile, type AgeReader } from '../../crypto/age-stream.ts';
import { SealedWriter } from '../../files/sealed-file.ts';
import { BUNDLE_FORMAT_VERSION, BundleRefusal, type Manifest, type OpenedBundle, type OpenedEntry } from './types.ts';
import {
  CONTAINER_HEADER_BYTES,
  CONTAINER_MAGIC,
  MAX_ENTRY_NAME_CHARS,
  MAX_RECORD_PAYLOAD,
  RECORD_HEADER_BYTES,
  RecordType,
} from './writer.ts';

// Opens a bundle in this order: size cap → age header → decrypt the whole stream,
// splitting entries into a fresh folder (sealed under keys held only in memory, so
// no plaintext reaches the disk) and hashing them → container and manifest rules. Signature and entry hashes are checked by verify.ts, by the
// caller, once it knows which enrolled key to use.

export interface OpenBundleOptions {
  file: string;
  /** AGE-SECRET-KEY-1… identities of this node (main and backup) */
  identities: string[];
  maxBytes: number;
  tempRoot: string;
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 200_000;
/** The manifest is the one thing held whole in memory; 16 MiB is ~80 000 entries. */
const MAX_MANIFEST_BYTES = 16 << 20;
const MAX_ENTRY_START_BYTES = 4096;
const SIGNATURE_BYTES = 64;
const AGE_VERSION_LINE = Buffer.from('age-encryption.org/v1\n', 'ascii');
/** A header with a few X25519 stanzas is under 1 KiB; this bounds what age's line reader buffers. */
const MAX_AGE_HEADER_BYTES = 64 << 10;

const refuse = {
  tooLarge: (size: number, max: number) =>
    new BundleRefusal('too-large', `数据包文件过大（${mb(size)} MB，上限 ${mb(max)} MB），已拒绝打开。`),
  notABundle: () => new BundleRefusal('not-a-bundle', '该文件不是本系统的数据包，无法导入。'),
  notRecipient: () =>
    new BundleRefusal('not-recipient', '该数据包不是发给本单位的（本机的密钥无法解开），请确认报送对象后重新索取。'),
  corrupt: () => new BundleRefusal('corrupt', '数据包已损坏（校验失败），请向报送单位重新索取。'),
  formatVersion: (version: number) =>
    new BundleRefusal('format-version', `数据包由更新版本的程序生成（格式版本 ${version}），请先升级本程序再导入。`),
  malformed: (detail: string) =>
    new BundleRefusal('malformed', `数据包内容不符合格式要求（${detail}），请向报送单位重新索取。`),
};

export async function openBundle(options: OpenBundleOptions): Promise<OpenedBundle> {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const info = await stat(options.file);
  if (!info.isFile()) throw refuse.notABundle();
  if (info.size > options.maxBytes) throw refuse.tooLarge(info.size, options.maxBytes);
  await checkAgeHeader(options.file, info.size);

  let age: AgeReader;
  try {
    age = await ageDecryptFile(options.file, info.size, options.identities, MAX_AGE_HEADER_BYTES);
  } catch (error) {
    if (error instanceof AgeError) throw error.kind === 'not-recipient' ? refuse.notRecipient() : refuse.corrupt();
    throw error;
  }
  try {
    return await unpack(age.plaintext, options.tempRoot, maxEntries);
  } finally {
    await age.close();
  }
}

async function unpack(plaintext: AsyncGenerator<Buffer>, tempRoot: string, maxEntries: number): Promise<OpenedBundle> {
  const dir = await mkdtemp(join(tempRoot, 'qkl-bundle-'));
  const reader = { read: () => plaintext.next(), cancel: async () => void (await plaintext.return(undefined)) };
  try {
    const container = await readContainer(new PlainReader(reader), dir, maxEntries);
    const manifest = parseManifest(container.manifestBytes, maxEntries);
    return {
      manifest,
      manifestBytes: container.manifestBytes,
      signature: container.signature,
      hash: createHash('sha256').update(container.manifestBytes).digest('hex'),
      found: container.found,
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

type FoundEntry = Omit<OpenedEntry, 'rows'>;
interface OpenEntry {
  entry: Omit<FoundEntry, 'sealed'>;
  writer: SealedWriter;
  hash: Hash;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().min(1).max(512);

/** The signed manifest as this version writes it; strict, so nothing unsigned-for rides along. */
export const manifestSchema = z.strictObject({
  format: z.number().int().min(1),
  bundleId: text,
  node: z.strictObject({
    id: text,
    role: z.enum(['district', 'training', 'bureau']),
    name: text,
    districtId: text.nullable(),
  }),
  keyId: z.string().regex(/^[0-9a-f]{16,64}$/),
  target: z.strictObject({ nodeId: text, recipients: z.array(text).min(1).max(16) }),
  sequence: z.number().int().min(1),
  previousHash: hex64.nullable(),
  full: z.boolean(),
  createdAt: text,
  appVersion: text,
  schemaVersion: text,
  // optional: bundles of versions before the audit anchor still import
  auditAnchor: z
    .strictObject({
      nodeId: text,
      seq: z.number().int().min(0),
      hash: hex64,
      at: text,
      keyId: z.string().regex(/^[0-9a-f]{16,64}$/),
      signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
      proofFrom: z.number().int().min(0),
    })
    .optional(),
  entries: z.array(
    z.strictObject({
      index: z.number().int().min(0),
      kind: z.enum(['table', 'file']),
      name: z.string().min(1).max(MAX_ENTRY_NAME_CHARS),
      sha256: hex64,
      size: z.number().int().min(0),
      rows: z.number().int().min(0),
    }),
  ),
}) satisfies z.ZodType<Manifest>;

const entryStartSchema = z.strictObject({
  index: z.number().int().min(0),
  kind: z.enum(['table', 'file']),
  name: z.string().min(1).max(MAX_ENTRY_NAME_CHARS),
});

/** Walks the container grammar (see writer.ts) record by record; entry bytes go straight to disk. */
async function readContainer(input: PlainReader, dir: string, maxEntries: number) {
  // Too short for our header counts as "not ours", like a wrong magic.
  const header = await input.readExact(CONTAINER_HEADER_BYTES).catch((error: unknown) => {
    if (error instanceof BundleRefusal && error.reason === 'malformed') return null;
    throw error;
  });
  if (!header || !header.subarray(0, CONTAINER_MAGIC.length).equals(CONTAINER_MAGIC)) throw refuse.notABundle();
  const version = header.readUInt16BE(CONTAINER_MAGIC.length);
  if (version > BUNDLE_FORMAT_VERSION) throw refuse.formatVersion(version);
  if (version < 1) throw refuse.malformed('容器版本无效');

  const found: FoundEntry[] = [];
  const manifestParts: Buffer[] = [];
  let manifestSize = 0;
  let signature: Buffer | null = null;
  let current: OpenEntry | null = null;
  try {
    for (;;) {
      const head = await input.readExact(RECORD_HEADER_BYTES);
      if (!head) throw refuse.malformed('缺少结束标记');
      const type = head.readUInt8(0);
      const length = head.readUInt32BE(1);
      if (length > MAX_RECORD_PAYLOAD) throw refuse.malformed('记录过长');
      const inEntries = manifestParts.length === 0;
      if (type === RecordType.entryStart) {
        if (!inEntries || current) throw refuse.malformed('条目顺序错误');
        if (found.length >= maxEntries) throw refuse.malformed('条目过多');
        if (length > MAX_ENTRY_START_BYTES) throw refuse.malformed('条目头过长');
        const start = entryStartSchema.safeParse(parseJson(await input.need(length)));
        if (!start.success || start.data.index !== found.length) throw refuse.malformed('条目头无效');
        // Named by index only: nothing from inside the bundle becomes a path.
        const path = join(dir, String(start.data.index));
        current = { entry: { ...start.data, sha256: '', size: 0 }, writer: new SealedWriter(path), hash: createHash('sha256') };
      } else if (type === RecordType.data) {
        if (!current) throw refuse.malformed('数据不属于任何条目');
        for await (const piece of input.pieces(length)) {
          current.hash.update(piece);
          current.writer.write(piece);
        }
        current.entry.size += length;
      } else if (type === RecordType.entryEnd) {
        if (!current || length !== 0) throw refuse.malformed('条目结束标记无效');
        found.push({ ...current.entry, sha256: current.hash.digest('hex'), sealed: current.writer.finish() });
        current = null;
      } else if (type === RecordType.manifest) {
        if (current || signature) throw refuse.malformed('清单位置错误');
        manifestSize += length;
        if (manifestSize > MAX_MANIFEST_BYTES) throw refuse.malformed('清单过大');
        manifestParts.push(Buffer.from(await input.need(length)));
      } else if (type === RecordType.signature) {
        if (inEntries || current || signature) throw refuse.malformed('签名位置错误');
        if (length !== SIGNATURE_BYTES) throw refuse.malformed('签名长度错误');
        signature = Buffer.from(await input.need(length));
      } else if (type === RecordType.end) {
        if (!signature) throw refuse.malformed('缺少签名');
        if (length !== 0) throw refuse.malformed('结束标记无效');
        // Reading on to the end also makes age check its final chunk (truncation).
        if (!(await input.atEnd())) throw refuse.malformed('结束标记之后还有数据');
        return { found, manifestBytes: Buffer.concat(manifestParts), signature };
      } else {
        throw refuse.malformed(`未知记录类型 ${type}`);
      }
    }
  } finally {
    current?.writer.close();
  }
}

function parseManifest(bytes: Buffer, maxEntries: number): Manifest {
  const json = parseJson(bytes);
  if (json === undefined) throw refuse.malformed('清单不是有效的 JSON');
  // Checked before the schema: a newer manifest may well not match ours.
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BUNDLE_FORMAT_VERSION) throw refuse.formatVersion(format);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw refuse.malformed('清单字段不符合要求');
  if (parsed.data.entries.length > maxEntries) throw refuse.malformed('条目过多');
  return parsed.data;
}

/** Buffers at most one age chunk; larger records are handed on in pieces. */
class PlainReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(private readonly reader: { read(): Promise<IteratorResult<Uint8Array>> }) {}

  /** Exactly n bytes; null if the stream ended cleanly before the first of them. */
  async readExact(n: number): Promise<Buffer | null> {
    if (!(await this.fill())) return null;
    return Buffer.from(await this.need(n));
  }

  /** Exactly n bytes; running out is a container fault (age already vouched for the stream). */
  async need(n: number): Promise<Uint8Array> {
    if (n === 0) return new Uint8Array(0);
    if (!(await this.fill())) throw refuse.malformed('内容提前结束');
    if (this.chunk.length - this.offset >= n) return this.take(n);
    const out = new Uint8Array(n);
    let filled = 0;
    for await (const piece of this.pieces(n)) {
      out.set(piece, filled);
      filled += piece.length;
    }
    return out;
  }

  async *pieces(n: number): AsyncGenerator<Uint8Array> {
    for (let left = n; left > 0; ) {
      if (!(await this.fill())) throw refuse.malformed('内容提前结束');
      const piece = this.take(Math.min(left, this.chunk.length - this.offset));
      left -= piece.length;
      yield piece;
    }
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill());
  }

  private take(n: number): Uint8Array {
    const piece = this.chunk.subarray(this.offset, this.offset + n);
    this.offset += n;
    return piece;
  }

  private async fill(): Promise<boolean> {
    while (this.offset >= this.chunk.length) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await this.reader.read();
      } catch {
        throw refuse.corrupt(); // age: a chunk failed authentication, or the file was cut short
      }
      if (next.done) return false;
      this.chunk = next.value;
      this.offset = 0;
    }
    return true;
  }
}

/**
 * Reads the start of the file ourselves: a random file is refused without age's line
 * reader buffering it whole while it looks for a newline.
 */
async function checkAgeHeader(file: string, size: number): Promise<void> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, MAX_AGE_HEADER_BYTES));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (!bytes.subarray(0, AGE_VERSION_LINE.length).equals(AGE_VERSION_LINE)) throw refuse.notABundle();
    const macLine = bytes.indexOf('\n--- ');
    if (macLine >= 0 && bytes.indexOf('\n', macLine + 1) >= 0) return;
    // An age file cut inside its header is damaged; an endless "header" is not ours.
    throw size <= MAX_AGE_HEADER_BYTES ? refuse.corrupt() : refuse.notABundle();
  } finally {
    await fh.close();
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function mb(bytes: number): string {
  return (bytes / (1 << 20)).toFixed(1);
}
