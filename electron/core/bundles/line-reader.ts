/**
 * Lines of NDJSON arriving as chunks (a sealed work file read synchronously): a
 * bundle's rows are applied inside one better-sqlite3 transaction, which cannot
 * await, and must not be held in memory all at once.
 */
export function* splitLinesSync(chunks: Iterable<Buffer>, maxLineBytes: number): Generator<string> {
  let carry: Buffer = Buffer.alloc(0);
  for (const chunk of chunks) {
    let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
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
}
