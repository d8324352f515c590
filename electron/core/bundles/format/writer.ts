/*
 * Writes a bundle: a signed plaintext container, streamed through age into a file.
 *
 * Plaintext container (all integers big-endian):
 *
 *   header   "QKLB" (4 bytes) · u16 container version (= BUNDLE_FORMAT_VERSION)
 *   records  u8 type · u32 payload length (≤ 1 MiB) · payload
 *
 *   0x01 ENTRY_START  JSON {"index","kind","name"}; index counts 0, 1, 2 … in order
 *   0x02 DATA         the next bytes of the open entry (any number of records)
 *   0x03 ENTRY_END    empty
 *   0x04 MANIFEST     the next bytes of the manifest JSON (one or more records,
 *                     concatenated: the exact bytes that were signed)
 *   0x05 SIGNATURE    64-byte Ed25519 signature over MANIFEST_SIGNING_DOMAIN + manifest
 *   0x06 END          empty; nothing may follow it
 *
 *   grammar: header (ENTRY_START DATA* ENTRY_END)* MANIFEST+ SIGNATURE END
 *
 * Why this shape: entries are framed, not length-prefixed, so a table export of
 * unknown size streams straight from the database without a temporary file; the
 * manifest comes last because it carries the hashes computed while streaming; and
 * no record is larger than 1 MiB, so the reader's memory stays bounded whatever
 * the bundle holds. age (64 KiB authenticated chunks, last-chunk flag) provides
 * confidentiality and integrity of the whole container; the signature provides
 * the sender (docs/SECURITY.md, "Bundles": signed, then encrypted).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ageEncrypt } from '../../crypto/age-stream.ts';
import type { Signer } from '../../crypto/signing.ts';
import {
  BUNDLE_FORMAT_VERSION,
  MANIFEST_SIGNING_DOMAIN,
  type EntrySource,
  type Manifest,
  type ManifestAuditAnchor,
  type ManifestEntry,
  type WrittenBundle,
} from './types.ts';

export const CONTAINER_MAGIC = Buffer.from('QKLB', 'ascii');
export const CONTAINER_HEADER_BYTES = CONTAINER_MAGIC.length + 2;
export const RECORD_HEADER_BYTES = 5;
export const MAX_RECORD_PAYLOAD = 1 << 20;
export const RecordType = { entryStart: 1, data: 2, entryEnd: 3, manifest: 4, signature: 5, end: 6 } as const;
export const MAX_ENTRY_NAME_CHARS = 256;

export interface WriteBundleOptions {
  file: string;
  manifest: Omit<Manifest, 'entries' | 'format'>;
  entries: Iterable<EntrySource> | AsyncIterable<EntrySource>;
  signer: Signer;
  /** age1… recipients: the bureau's main and backup keys */
  recipients: string[];
}

/** Writes a bundle under `<file>.part`, then gives it its name (the whole file appears at once, or nothing). */
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const part = `${options.file}.part`;
  await rm(part, { force: true });
  const written = await writeBundleFile({ ...options, file: part });
  try {
    publishBundle(part, options.file);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
  return written;
}

/**
 * Writes a bundle to exactly `options.file`, which must not exist (created
 * owner-only), and syncs it to disk. On failure the file is removed. The export
 * service uses this for its `.part` file, so the sent log can commit before the
 * bundle gets its final name.
 */
export async function writeBundleFile(options: WriteBundleOptions): Promise<WrittenBundle> {
  if (options.recipients.length === 0) throw new Error('a bundle needs at least one recipient');
  if (options.manifest.keyId !== options.signer.keyId) throw new Error('manifest.keyId is not the signer’s key id');
  const sealed: { manifest?: Manifest; hash?: string } = {};
  const fh = await open(options.file, 'wx', 0o600);
  let size = 0;
  try {
    // gathered into writes of about 1 MiB: one system call per 64 KiB chunk cost more than the cipher
    let batch: Buffer[] = [];
    let batched = 0;
    for await (const piece of ageEncrypt(options.recipients, containerChunks(options, sealed))) {
      batch.push(piece);
      batched += piece.length;
      if (batched < WRITE_BATCH) continue;
      await writeAll(fh, batch, batched);
      size += batched;
      batch = [];
      batched = 0;
    }
    await writeAll(fh, batch, batched);
    size += batched;
    await fh.sync();
    await fh.close();
  } catch (error) {
    await fh.close().catch(() => undefined);
    await rm(options.file, { force: true });
    throw error;
  }
  if (!sealed.manifest || !sealed.hash) throw new Error('bundle container ended without a manifest');
  return { manifest: sealed.manifest, hash: sealed.hash, size };
}

/**
 * Gives a finished `.part` its final name without ever replacing another file
 * (a hard link fails if the name is taken; rename would overwrite it), then
 * makes the new name durable. Media without hard links (FAT USB sticks) fall
 * back to a checked rename.
 */
export function publishBundle(part: string, file: string): void {
  try {
    linkSync(part, file);
    unlinkSync(part);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    // no hard links here (FAT, some shares; each OS names that differently): a checked rename
    if (existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    renameSync(part, file);
  }
  syncDirectory(dirname(file));
}

async function* containerChunks(options: WriteBundleOptions, sealed: { manifest?: Manifest; hash?: string }): AsyncGenerator<Uint8Array> {
  const header = Buffer.alloc(CONTAINER_HEADER_BYTES);
  CONTAINER_MAGIC.copy(header);
  header.writeUInt16BE(BUNDLE_FORMAT_VERSION, CONTAINER_MAGIC.length);
  yield header;

  const entries: ManifestEntry[] = [];
  for await (const source of options.entries) {
    checkSource(source);
    const index = entries.length;
    yield* record(RecordType.entryStart, Buffer.from(JSON.stringify({ index, kind: source.kind, name: source.name })));
    // a known digest is not computed again: hashing ran as long as the cipher on the same bytes (issue 20)
    const hash = source.sha256 === undefined ? createHash('sha256') : null;
    let size = 0;
    for await (const chunk of source.open()) {
      for (let offset = 0; offset < chunk.length; offset += MAX_RECORD_PAYLOAD) {
        const piece = chunk.subarray(offset, offset + MAX_RECORD_PAYLOAD);
        hash?.update(piece);
        size += piece.length;
        yield* record(RecordType.data, piece);
      }
    }
    yield* record(RecordType.entryEnd, Buffer.alloc(0));
    entries.push({ index, kind: source.kind, name: source.name, sha256: hash ? hash.digest('hex') : source.sha256!, size, rows: source.rows });
  }

  const manifest = manifestOf(options.manifest, entries);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  for (let offset = 0; offset < manifestBytes.length; offset += MAX_RECORD_PAYLOAD) {
    yield* record(RecordType.manifest, manifestBytes.subarray(offset, offset + MAX_RECORD_PAYLOAD));
  }
  const signature = options.signer.sign(Buffer.concat([Buffer.from(MANIFEST_SIGNING_DOMAIN, 'utf8'), manifestBytes]));
  yield* record(RecordType.signature, signature);
  yield* record(RecordType.end, Buffer.alloc(0));
  sealed.manifest = manifest;
  sealed.hash = createHash('sha256').update(manifestBytes).digest('hex');
}

/** Only the fields of the contract, in a fixed order: stray properties of the caller's object never get signed. */
function manifestOf(base: WriteBundleOptions['manifest'], entries: ManifestEntry[]): Manifest {
  return {
    format: BUNDLE_FORMAT_VERSION,
    bundleId: base.bundleId,
    node: { id: base.node.id, role: base.node.role, name: base.node.name, districtId: base.node.districtId },
    keyId: base.keyId,
    target: { nodeId: base.target.nodeId, recipients: [...base.target.recipients] },
    sequence: base.sequence,
    previousHash: base.previousHash,
    full: base.full,
    createdAt: base.createdAt,
    appVersion: base.appVersion,
    schemaVersion: base.schemaVersion,
    ...(base.auditAnchor ? { auditAnchor: auditAnchorOf(base.auditAnchor) } : {}),
    entries,
  };
}

function auditAnchorOf(a: ManifestAuditAnchor): ManifestAuditAnchor {
  return { nodeId: a.nodeId, seq: a.seq, hash: a.hash, at: a.at, keyId: a.keyId, signature: a.signature, proofFrom: a.proofFrom };
}

function checkSource(source: EntrySource): void {
  if (source.kind !== 'table' && source.kind !== 'file') throw new Error(`unknown entry kind ${String(source.kind)}`);
  if (!source.name || source.name.length > MAX_ENTRY_NAME_CHARS) throw new Error('entry name empty or too long');
  if (!Number.isSafeInteger(source.rows) || source.rows < 0) throw new Error(`entry ${source.name}: bad row count`);
  if (source.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(source.sha256)) throw new Error(`entry ${source.name}: bad sha256`);
}

function* record(type: number, payload: Uint8Array): Generator<Uint8Array> {
  if (payload.length > MAX_RECORD_PAYLOAD) throw new Error('record payload over 1 MiB');
  const header = Buffer.alloc(RECORD_HEADER_BYTES);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 1);
  yield header;
  if (payload.length > 0) yield payload;
}

const WRITE_BATCH = 1 << 20;

/** Writes the pieces in order with one writev where it takes them all (it may take fewer: then piece by piece). */
async function writeAll(fh: FileHandle, pieces: Buffer[], bytes: number): Promise<void> {
  if (pieces.length === 0) return;
  const { bytesWritten } = await fh.writev(pieces);
  if (bytesWritten === bytes) return;
  let skip = bytesWritten;
  for (const piece of pieces) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    await writeFully(fh, piece.subarray(skip));
    skip = 0;
  }
}

/** FileHandle.write may write less than asked; loop until every byte is down. */
export async function writeFully(fh: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await fh.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** Makes the new name itself durable; not possible on Windows, where it is skipped. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
