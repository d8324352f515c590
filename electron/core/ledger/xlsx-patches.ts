import type { ReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';

// Two defects of exceljs 4.4.0's streaming reader that a ledger import cannot live
// with, worked around per reader instance (exceljs is pinned to 4.4.0; these touch
// its internals, and reader.test.ts fails if a workaround stops working):
//
// 1. It decodes each 16 KB chunk of XML on its own, so a Chinese character split
//    across two chunks becomes "��" (exceljs issues #2063, #2084; fixes #1665 and
//    #2081 never merged). Measured: one corrupted cell in a few hundred generated
//    rows. Its XML parser passes strings through, so we hand it text decoded
//    across chunk boundaries.
// 2. A damaged deflate stream makes the zip parser emit 'error' on itself, not on
//    the entry being read, and the reader then waits for that entry forever. We
//    catch the zip parser's errors (it is what the file stream is piped into) and
//    fail whatever is waiting.
// 3. It reads a worksheet on the spot once the shared strings and relationships
//    are known, and then needs xl/workbook.xml (the sheet names) too, or crashes
//    ("Cannot read properties of undefined (reading 'sheets')"). Zip entry order is
//    up to the writer (exceljs' own writer varies it from run to run). Until the
//    workbook part has been read we hide the shared strings, so exceljs takes its
//    other path: it parks the worksheet in a temporary file and reads it at the end.

type Chunks = AsyncIterable<Buffer | string>;

interface ReaderInternals {
  model?: { sheets?: unknown[] };
  sharedStrings?: unknown[];
  _parseWorksheet(iterator: Chunks, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
}

async function* decoded(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Ends every wait when the file fails. Not Promise.race against one pending promise:
 * each race leaves a reaction on it that holds the raced value, and 10,000 chunks of
 * 32 KB of text held that way were 300 MB (measured).
 */
export class FailureWatch {
  private failed = false;
  private error: unknown;
  private readonly waiters = new Set<(error: unknown) => void>();

  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.error = error;
    for (const reject of this.waiters) reject(error);
    this.waiters.clear();
  }

  wait<T>(promise: Promise<T>): Promise<T> {
    if (this.failed) return Promise.reject(this.error);
    return new Promise<T>((resolve, reject) => {
      this.waiters.add(reject);
      promise.then(
        (value) => {
          this.waiters.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiters.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** The same items; the wait for each one also ends when the file fails. */
  async *each<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = items[Symbol.asyncIterator]();
    for (;;) {
      const next = await this.wait(iterator.next());
      if (next.done) return;
      yield next.value;
    }
  }
}

/** Patches one reader; the returned watch also guards the caller's wait for the next sheet. */
export function patchReader(reader: ExcelJS.stream.xlsx.WorkbookReader, stream: ReadStream): FailureWatch {
  const failure = new FailureWatch();
  const fail = (error: unknown) => failure.fail(error);
  stream.on('error', fail);
  const pipe = stream.pipe.bind(stream);
  stream.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
    destination.on('error', fail);
    return pipe(destination, options);
  }) as typeof stream.pipe;

  const r = reader as unknown as ReaderInternals;
  const worksheet = r._parseWorksheet.bind(r);
  const sharedStrings = r._parseSharedStrings.bind(r);
  const workbook = r._parseWorkbook.bind(r);
  const styles = r._parseStyles.bind(r);
  let held: unknown[] | undefined;
  const release = () => {
    if (held) r.sharedStrings = held;
    held = undefined;
  };
  r._parseWorksheet = (iterator, sheetNo) => {
    // a parked worksheet is read after every other part: whatever is still held goes back now
    release();
    r.model ??= { sheets: [] }; // no workbook part at all: sheets keep exceljs' default names
    return worksheet(failure.each(decoded(iterator)), sheetNo);
  };
  r._parseSharedStrings = (entry) =>
    (async function* () {
      yield* failure.each(sharedStrings(entry.setEncoding('utf8')));
      if (!r.model) {
        held = r.sharedStrings;
        r.sharedStrings = undefined;
      }
    })();
  r._parseWorkbook = async (entry) => {
    await failure.wait(workbook(entry.setEncoding('utf8')));
    release();
  };
  r._parseStyles = (entry) => failure.wait(styles(entry.setEncoding('utf8')));
  return failure;
}
