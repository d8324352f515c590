import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { RawRow } from './types.ts';

// CSV as Excel, WPS and the provincial system save it: UTF-8 with or without a
// BOM, or GBK (WPS and older Excel in Chinese Windows), comma or tab separated,
// RFC 4180 quoting with line breaks inside quotes. Streamed in 1 MB chunks.

export type CsvEncoding = 'utf8' | 'utf16le' | 'gb18030';

const CHUNK = 1 << 20;

/**
 * BOM first; else the bytes decide. A file that is valid UTF-8 is UTF-8. A GBK file
 * decoded as UTF-8 gives a replacement character for nearly every Chinese character;
 * a UTF-8 file with a few damaged bytes gives one for those bytes only: it is still
 * read as UTF-8, so the damaged cells are reported by row and column (cell-text.ts)
 * instead of the whole file turning into GB 18030 mojibake.
 */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  let replaced = 0;
  let wide = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf16le';
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf8';
    }
    const text = decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      wide++;
      if (c === 0xfffd) replaced++;
    }
  }
  if (decoder.decode().length > 0) replaced++; // a sequence cut off at the end
  if (replaced === 0) return 'utf8';
  // GB 18030 decodes every GBK file and more
  return replaced * DAMAGED_SHARE < wide ? 'utf8' : 'gb18030';
}

/** At most one non-ASCII character in this many may be damaged for a file to count as UTF-8. */
const DAMAGED_SHARE = 20;

/** Excel's trick to keep long numbers as text: ="320582199001011234". */
function unwrap(field: string): string {
  return field.length > 3 && field.startsWith('="') && field.endsWith('"') ? field.slice(2, -1) : field;
}

/** Yields the non-empty records of each 1 MB chunk; `number` is the record's row number as Excel would show it. */
export async function* readCsv(file: string, encoding: CsvEncoding, counter: { bytes: number }): AsyncGenerator<RawRow[]> {
  const decoder = iconv.getDecoder(encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
  let delimiter: string | null = null;
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let afterQuote = false; // a quote just closed (or is doubled)
  let pendingCR = false;
  let number = 0;

  const endRow = (): RawRow | null => {
    row.push(unwrap(field));
    field = '';
    number++;
    const cells = row.map((v) => (v === '' ? null : v));
    row = [];
    return cells.some((c) => c !== null) ? { number, cells } : null;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    counter.bytes += chunk.length;
    const text = decoder.write(chunk);
    const batch: RawRow[] = [];
    if (delimiter === null) {
      const line = text.slice(0, text.search(/\r|\n/) >>> 0);
      delimiter = (line.match(/\t/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? '\t' : ',';
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else field += ch;
        continue;
      }
      if (ch === '"') {
        // "" inside a quoted field is one quote; a quote opening a field starts quoting
        if (afterQuote) field += '"';
        if (afterQuote || field === '') quoted = true;
        else field += ch;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === delimiter) {
        row.push(unwrap(field));
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        pendingCR = ch === '\r';
        const done = endRow();
        if (done) batch.push(done);
      } else field += ch;
    }
    if (batch.length > 0) yield batch;
  }
  const rest = decoder.end();
  if (rest) field += rest;
  if (field !== '' || row.length > 0) {
    const done = endRow();
    if (done) yield [done];
  }
}
