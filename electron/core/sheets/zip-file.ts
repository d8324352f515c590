import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';

// Random access to the parts of a zip (an .xlsx) through its central directory,
// with yauzl: parts are found by name wherever the writer put them, so the order
// of the parts in the file never matters. Each part streams with its sizes and
// CRC checked, so a damaged file fails with an error instead of handing on
// garbage; a stream can only end, fail or yield data, never wait forever.
//
// zip-guard.ts has already refused zip bombs (declared sizes over the caps);
// here no part may unpack to more than it declares.

const CHUNK = 64 * 1024;

/** A part that is not what the zip's directory says it is; the message is for the user. */
export class ZipPartError extends Error {}

/** A part larger than the reader may hold; the message is the whole reason, for the user. */
export class PartTooLarge extends Error {}

export class ZipFile {
  private readonly entries = new Map<string, yauzl.Entry>();
  private readonly lowerCase = new Map<string, yauzl.Entry>();
  private readonly open = new Set<Readable>();
  /** compressed bytes of the parts read to the end, and of the parts being read */
  private bytesDone = 0;
  private readonly reading = new Map<object, number>();
  private closed = false;

  private constructor(private readonly zip: yauzl.ZipFile) {}

  static async open(file: string): Promise<ZipFile> {
    const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
    const reader = new ZipFile(zip);
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          if (!entry.fileName.endsWith('/')) {
            reader.entries.set(entry.fileName, entry);
            reader.lowerCase.set(entry.fileName.toLowerCase(), entry);
          }
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      reader.close();
      throw error;
    }
    zip.on('error', () => {}); // later errors reach the part streams
    return reader;
  }

  /** A part by its name; part names are case-insensitive in an Open XML package, and may be percent-encoded. */
  entry(name: string): yauzl.Entry | undefined {
    const found = this.entries.get(name) ?? this.lowerCase.get(name.toLowerCase());
    if (found || !name.includes('%')) return found;
    try {
      return this.entry(decodeURIComponent(name));
    } catch {
      return undefined;
    }
  }

  /** Compressed bytes read so far, for progress against the file size. */
  bytesRead(): number {
    let bytes = this.bytesDone;
    for (const n of this.reading.values()) bytes += n;
    return bytes;
  }

  /** The unpacked bytes of one part, in chunks of up to 64 KB. */
  async *read(entry: yauzl.Entry): AsyncGenerator<Buffer> {
    if (this.closed) throw new ZipPartError('文件已关闭');
    if (entry.isEncrypted()) throw new ZipPartError('文件中的部件已加密');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ZipPartError(`不支持的压缩方式（${entry.compressionMethod}）`);
    const raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
    const stream: Readable = entry.compressionMethod === 8 ? pipeline(raw, zlib.createInflateRaw({ chunkSize: CHUNK }), () => {}) : raw;
    this.open.add(stream);
    let size = 0;
    let crc = 0;
    // progress: the share of the part unpacked so far, in compressed bytes
    const share = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.uncompressedSize) throw new ZipPartError(`部件 ${entry.fileName} 解压后比记录的大小大`);
        crc = zlib.crc32(chunk, crc);
        this.reading.set(stream, Math.floor(size * share));
        yield chunk;
      }
      if (size !== entry.uncompressedSize) throw new ZipPartError(`部件 ${entry.fileName} 不完整`);
      if ((crc >>> 0) !== (entry.crc32 >>> 0)) throw new ZipPartError(`部件 ${entry.fileName} 的校验和不符`);
      this.bytesDone += entry.compressedSize;
    } finally {
      this.reading.delete(stream);
      this.open.delete(stream);
      stream.destroy();
      raw.destroy();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.open) stream.destroy();
    this.open.clear();
    this.zip.close();
  }
}
