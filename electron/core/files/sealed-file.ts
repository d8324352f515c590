import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writevSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from './private-files.ts';

// Ephemerally encrypted work files. Bundle work needs temporary files (the
// container's signature comes at its end, and the merge runs in one synchronous
// transaction), but their plaintext (ID numbers, reporters) must never be on disk,
// not even after kill -9. Each file has its own random AES-256-GCM key that lives
// only in this process's memory: once the process is gone, a leftover is noise.
//
// Layout: chunks of at most 64 KiB plaintext, each
//   u8 final (0|1) · u32 plaintext length · ciphertext · 16-byte GCM tag
// nonce = the chunk's number (big-endian, 12 bytes); the 5-byte chunk header is
// the associated data. The last chunk says final, so a cut file fails too.

const CHUNK_BYTES = 64 << 10;
const HEADER_BYTES = 5;
const TAG_BYTES = 16;

/** A sealed file and the key that opens it (held only here, in memory). */
export interface SealedFile {
  path: string;
  key: Buffer;
  /** plaintext bytes */
  size: number;
}

/** The file was changed, cut or swapped since this process wrote it. */
export class SealedFileError extends Error {
  constructor(readonly file: string) {
    super(`sealed work file ${file} failed authentication`);
    this.name = 'SealedFileError';
  }
}

function nonce(counter: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(counter), 4);
  return n;
}

/** One sealed chunk as its three parts (header, ciphertext, tag): the writer hands them to one writev without joining them. */
function sealChunk(key: Buffer, counter: number, plain: Buffer, final: boolean): Buffer[] {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(final ? 1 : 0, 0);
  header.writeUInt32BE(plain.length, 1);
  const cipher = createCipheriv('aes-256-gcm', key, nonce(counter));
  cipher.setAAD(header);
  const body = cipher.update(plain);
  cipher.final(); // GCM has no bytes left over
  return [header, body, cipher.getAuthTag()];
}

function openChunk(file: SealedFile, counter: number, header: Buffer, body: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', file.key, nonce(counter));
    decipher.setAAD(header);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = decipher.update(body.subarray(0, body.length - TAG_BYTES));
    decipher.final(); // throws if the tag does not match; GCM has no bytes left over
    return plain;
  } catch {
    throw new SealedFileError(file.path);
  }
}

/** Sealed chunks are gathered and written about 1 MiB at a time: a system call per 64 KiB chunk cost more than its cipher (issue 20). */
const WRITE_BATCH = 1 << 20;
/** Reads take this many bytes at once, for the same reason; the chunks are then cut out of the block. */
const READ_BLOCK = 16 * (CHUNK_BYTES + HEADER_BYTES + TAG_BYTES);

/** Writes a sealed file synchronously (the export snapshot runs inside one read transaction). */
export class SealedWriter {
  private readonly key = randomBytes(32);
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private sealed: Buffer[] = [];
  private sealedBytes = 0;
  private counter = 0;
  private size = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  }

  write(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.size += data.length;
    if (this.pendingBytes < CHUNK_BYTES) return;
    let all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    while (all.length >= CHUNK_BYTES) {
      this.emit(all.subarray(0, CHUNK_BYTES), false);
      all = all.subarray(CHUNK_BYTES);
    }
    // the rest is copied: the caller may reuse its buffer once write returns
    this.pending = all.length ? [Buffer.from(all)] : [];
    this.pendingBytes = all.length;
  }

  /** Seals the rest as the final chunk and closes the file. */
  finish(): SealedFile {
    this.emit(Buffer.concat(this.pending, this.pendingBytes), true);
    this.pending = [];
    this.flush();
    this.close();
    return { path: this.path, key: this.key, size: this.size };
  }

  /** Closes without sealing (the caller removes the file or its folder). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private emit(plain: Buffer, final: boolean): void {
    for (const piece of sealChunk(this.key, this.counter++, plain, final)) {
      this.sealed.push(piece);
      this.sealedBytes += piece.length;
    }
    if (this.sealedBytes >= WRITE_BATCH) this.flush();
  }

  private flush(): void {
    let pieces = this.sealed;
    let left = this.sealedBytes;
    this.sealed = [];
    this.sealedBytes = 0;
    while (left > 0) {
      let written = writevSync(this.fd, pieces);
      left -= written;
      // a short write: drop what went down and write the rest
      while (pieces.length > 0 && written >= pieces[0]!.length) written -= pieces.shift()!.length;
      if (written > 0) pieces = [pieces[0]!.subarray(written), ...pieces.slice(1)];
    }
  }
}

/**
 * Cuts a sealed file's chunks out of large reads. `read` fills the buffer from the current
 * position and returns the bytes it put in (0 at the end of the file).
 */
class ChunkCutter {
  private block: Buffer = Buffer.alloc(0);
  private at = 0;
  private counter = 0;
  done = false;

  constructor(private readonly file: SealedFile) {}

  /** Bytes needed before the next chunk can be cut (0: it can be cut now). */
  need(): number {
    const left = this.block.length - this.at;
    if (left < HEADER_BYTES) return HEADER_BYTES - left;
    const body = this.step().bodyBytes;
    return Math.max(0, HEADER_BYTES + body - left);
  }

  /** Appends newly read bytes (a read of 0 at the end of the file is `ended`). */
  add(bytes: Buffer): void {
    const rest = this.block.subarray(this.at);
    this.block = rest.length === 0 ? bytes : Buffer.concat([rest, bytes]);
    this.at = 0;
  }

  /** The next chunk's plaintext; call only when need() is 0. */
  cut(): Buffer {
    const { bodyBytes, final } = this.step();
    const header = this.block.subarray(this.at, this.at + HEADER_BYTES);
    const body = this.block.subarray(this.at + HEADER_BYTES, this.at + HEADER_BYTES + bodyBytes);
    this.at += HEADER_BYTES + bodyBytes;
    const plain = openChunk(this.file, this.counter++, header, body);
    if (final) this.done = true;
    return plain;
  }

  /** The file ended: before its final chunk, or with bytes after it, it was cut or changed. */
  ended(): void {
    if (!this.done || this.at < this.block.length) throw new SealedFileError(this.file.path);
  }

  private step(): { bodyBytes: number; final: boolean } {
    return nextChunk(this.file, this.block.subarray(this.at, this.at + HEADER_BYTES));
  }
}

/** Plaintext chunks of a sealed file, read synchronously (the merge runs inside one transaction). */
export function* readSealedSync(file: SealedFile): Generator<Buffer> {
  const fd = openSync(file.path, 'r');
  try {
    const cutter = new ChunkCutter(file);
    for (;;) {
      const need = cutter.done ? 1 : cutter.need();
      if (need === 0) {
        yield cutter.cut();
        continue;
      }
      const block = Buffer.allocUnsafe(Math.max(need, READ_BLOCK));
      const got = readSync(fd, block, 0, block.length, null);
      if (got === 0) return cutter.ended();
      if (cutter.done) throw new SealedFileError(file.path);
      cutter.add(block.subarray(0, got));
    }
  } finally {
    closeSync(fd);
  }
}

/** The same, read asynchronously: attachments and table entries stream without blocking. */
export async function* readSealed(file: SealedFile): AsyncGenerator<Buffer> {
  const fh = await open(file.path, 'r');
  try {
    const cutter = new ChunkCutter(file);
    for (;;) {
      const need = cutter.done ? 1 : cutter.need();
      if (need === 0) {
        yield cutter.cut();
        continue;
      }
      const block = Buffer.allocUnsafe(Math.max(need, READ_BLOCK));
      const { bytesRead } = await fh.read(block, 0, block.length, null);
      if (bytesRead === 0) return cutter.ended();
      if (cutter.done) throw new SealedFileError(file.path);
      cutter.add(block.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

function nextChunk(file: SealedFile, header: Buffer): { bodyBytes: number; final: boolean } {
  const length = header.readUInt32BE(1);
  const flag = header.readUInt8(0);
  if (length > CHUNK_BYTES || flag > 1) throw new SealedFileError(file.path);
  return { bodyBytes: length + TAG_BYTES, final: flag === 1 };
}
