import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Lines of a text file, read synchronously in 1 MB chunks: a bundle's rows are
 * applied inside one better-sqlite3 transaction, which cannot await, and must not
 * be held in memory all at once.
 */
export function* readLinesSync(file: string, maxLineBytes: number): Generator<string> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1024 * 1024);
  let carry: Buffer = Buffer.alloc(0);
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        if (nl > start) yield data.toString('utf8', start, nl);
        start = nl + 1;
      }
      data = data.subarray(start);
      if (data.length > maxLineBytes) throw new RangeError(`line over ${maxLineBytes} bytes`);
      carry = Buffer.from(data);
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
