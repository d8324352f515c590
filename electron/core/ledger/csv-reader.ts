import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { RawRow } from './types.ts';

// CSV as Excel, WPS and the provincial system save it: UTF-8 with or without a
// BOM, or GBK (WPS and older Excel in Chinese Windows), comma or tab separated,
// RFC 4180 quoting with line breaks inside quotes. Streamed in 1 MB chunks.

export type CsvEncoding = 'utf8' | 'utf16le' | 'gb18030';

const CHUNK = 1 << 20;

/** BOM first; else a strict UTF-8 decode of the whole file decides (a GBK file is almost never valid UTF-8). */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf16le';
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf8';
  } catch (error) {
    if (error instanceof TypeError) return 'gb18030'; // GB 18030 decodes every GBK file and more
    throw error;
  }
}

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
