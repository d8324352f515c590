import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
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

function sealChunk(key: Buffer, counter: number, plain: Buffer, final: boolean): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(final ? 1 : 0, 0);
  header.writeUInt32BE(plain.length, 1);
  const cipher = createCipheriv('aes-256-gcm', key, nonce(counter));
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

function openChunk(file: SealedFile, counter: number, header: Buffer, body: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', file.key, nonce(counter));
    decipher.setAAD(header);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFileError(file.path);
  }
}

/** Writes a sealed file synchronously (the export snapshot runs inside one read transaction). */
export class SealedWriter {
  private readonly key = randomBytes(32);
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
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
    let all = Buffer.concat(this.pending, this.pendingBytes);
    while (all.length >= CHUNK_BYTES) {
      this.emit(all.subarray(0, CHUNK_BYTES), false);
      all = all.subarray(CHUNK_BYTES);
    }
    this.pending = all.length ? [Buffer.from(all)] : [];
    this.pendingBytes = all.length;
  }

  /** Seals the rest as the final chunk and closes the file. */
  finish(): SealedFile {
    this.emit(Buffer.concat(this.pending, this.pendingBytes), true);
    this.pending = [];
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
    const sealed = sealChunk(this.key, this.counter++, plain, final);
    for (let offset = 0; offset < sealed.length; ) offset += writeSync(this.fd, sealed, offset);
  }
}

/** Plaintext chunks of a sealed file, read synchronously (the merge runs inside one transaction). */
export function* readSealedSync(file: SealedFile): Generator<Buffer> {
  const fd = openSync(file.path, 'r');
  try {
    const readExact = (n: number): Buffer | null => {
      const out = Buffer.alloc(n);
      let filled = 0;
      while (filled < n) {
        const got = readSync(fd, out, filled, n - filled, null);
        if (got === 0) break;
        filled += got;
      }
      if (filled === 0 && n > 0) return null;
      if (filled < n) throw new SealedFileError(file.path);
      return out;
    };
    yield* chunks(file, readExact);
  } finally {
    closeSync(fd);
  }
}

/** The same, read asynchronously: attachments and table entries stream without blocking. */
export async function* readSealed(file: SealedFile): AsyncGenerator<Buffer> {
  const fh = await open(file.path, 'r');
  try {
    const readExact = async (n: number): Promise<Buffer | null> => {
      const out = Buffer.alloc(n);
      let filled = 0;
      while (filled < n) {
        const { bytesRead } = await fh.read(out, filled, n - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled === 0 && n > 0) return null;
      if (filled < n) throw new SealedFileError(file.path);
      return out;
    };
    let counter = 0;
    for (;;) {
      const header = await readExact(HEADER_BYTES);
      const step = nextChunk(file, header);
      const body = await readExact(step.bodyBytes);
      yield openChunk(file, counter++, header!, body ?? Buffer.alloc(0));
      if (step.final) {
        if ((await readExact(1)) !== null) throw new SealedFileError(file.path);
        return;
      }
    }
  } finally {
    await fh.close();
  }
}

function* chunks(file: SealedFile, readExact: (n: number) => Buffer | null): Generator<Buffer> {
  let counter = 0;
  for (;;) {
    const header = readExact(HEADER_BYTES);
    const step = nextChunk(file, header);
    const body = readExact(step.bodyBytes);
    yield openChunk(file, counter++, header!, body ?? Buffer.alloc(0));
    if (step.final) {
      if (readExact(1) !== null) throw new SealedFileError(file.path);
      return;
    }
  }
}

function nextChunk(file: SealedFile, header: Buffer | null): { bodyBytes: number; final: boolean } {
  // the file ended before its final chunk: cut short
  if (!header) throw new SealedFileError(file.path);
  const length = header.readUInt32BE(1);
  const flag = header.readUInt8(0);
  if (length > CHUNK_BYTES || flag > 1) throw new SealedFileError(file.path);
  return { bodyBytes: length + TAG_BYTES, final: flag === 1 };
}
