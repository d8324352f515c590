import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BundleRefusal, type EntrySource } from './types.ts';

// Entry bodies: tables as gzip-compressed NDJSON (one JSON object per line, about 9×
// smaller than raw, docs/ARCHITECTURE.md, "Data flow"), attachments as their raw bytes. Both stream, so
// neither a million-row table nor a 2 GB file is ever held in memory.

/** Rows are joined into batches of this size before gzip: one zlib call per row is slow. */
const BATCH_BYTES = 64 << 10;
const FILE_READ_BYTES = 256 << 10;
const LF = 0x0a;

/** A table entry whose rows are pulled from the iterable only as the writer reads the entry. */
export function tableEntry(name: string, rows: Iterable<Record<string, unknown>>, count: number): EntrySource {
  return { kind: 'table', name, rows: count, open: () => gzipped(Readable.from(lineBatches(name, rows, count), { highWaterMark: 1 })) };
}

/** An attachment, named by its content hash; the bytes are hashed again on the way out. */
export function fileEntry(sha256: string, path: string): EntrySource {
  return { kind: 'file', name: sha256, rows: 0, open: () => hashedFile(sha256, path) };
}

function* lineBatches(name: string, rows: Iterable<Record<string, unknown>>, count: number): Generator<Buffer> {
  let batch: string[] = [];
  let batchChars = 0;
  let seen = 0;
  for (const row of rows) {
    const line = JSON.stringify(row) + '\n';
    batch.push(line);
    batchChars += line.length;
    seen++;
    if (batchChars >= BATCH_BYTES) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      batchChars = 0;
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
  // The manifest's row count is signed; a count that does not match the rows would be a lie.
  if (seen !== count) throw new Error(`table ${name}: ${seen} rows written, ${count} announced`);
}

async function* gzipped(source: Readable): AsyncGenerator<Uint8Array> {
  const gzip = createGzip();
  // pipeline forwards a failure of the row source to gzip, and closes the source if we stop early.
  pipeline(source, gzip, () => undefined);
  for await (const chunk of gzip as AsyncIterable<Buffer>) yield chunk;
}

async function* hashedFile(sha256: string, path: string): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: FILE_READ_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield chunk;
  }
  // The name is the content hash other rows point to; a file changed on disk must not pass under it.
  const actual = hash.digest('hex');
  if (actual !== sha256) throw new Error(`attachment ${path}: content hash ${actual} is not ${sha256}`);
}

/** Rows of a table entry (a gzip file, or its bytes as they stream), one line at a time; a line is the most ever held in memory. */
export async function* readNdjson(source: string | AsyncIterable<Uint8Array>, maxLineBytes = 8 << 20): AsyncGenerator<Record<string, unknown>> {
  const gunzip = createGunzip();
  pipeline(typeof source === 'string' ? createReadStream(source) : Readable.from(source), gunzip, () => undefined);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const chunks = (async function* () {
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
    } catch {
      throw malformed('压缩数据已损坏');
    }
  })();
  for await (const chunk of chunks) {
    for (let start = 0; start < chunk.length; ) {
      const newline = chunk.indexOf(LF, start);
      const end = newline < 0 ? chunk.length : newline;
      pendingBytes += end - start;
      if (pendingBytes > maxLineBytes) throw malformed(`第 ${lineNumber + 1} 行过长`);
      pending.push(chunk.subarray(start, end));
      if (newline < 0) break;
      lineNumber++;
      yield parseLine(Buffer.concat(pending, pendingBytes), lineNumber);
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
    }
  }
  // The writer ends every row with a newline; anything left over was cut off.
  if (pendingBytes > 0) throw malformed(`第 ${lineNumber + 1} 行不完整`);
}

function parseLine(line: Buffer, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line));
  } catch {
    throw malformed(`第 ${lineNumber} 行无法解析`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`第 ${lineNumber} 行不是一条记录`);
  return value as Record<string, unknown>;
}

function malformed(detail: string): BundleRefusal {
  return new BundleRefusal('malformed', `数据包中的数据表内容不符合格式要求（${detail}），请向报送单位重新索取。`);
}
