import path from 'node:path';
import { AppError } from '../../api/errors.ts';
import { tooManyColumns, unreadable } from './caps.ts';
import type { Cell, RawRow, RawSheet } from './types.ts';
import { localName, newParser, readDateStyles, readSharedStrings, readWorkbook, type SheetPart, unescapeText } from './xlsx-parts.ts';
import { PartTooLarge, ZipFile, ZipPartError } from './zip-file.ts';

// Streams every worksheet of an .xlsx, in the workbook's tab order: one chunk of
// sheet XML (64 KB unpacked) in memory at a time, never the whole workbook.
//
// The zip is read by random access (zip-file.ts): the workbook, its
// relationships, the shared strings and the styles are read first, wherever the
// writer stored them, then each sheet is streamed. (exceljs' streaming reader,
// used before, read the zip front to back and lost parts when they came in an
// order it did not expect; see reader.test.ts.) Styles are read because only the
// number format tells an Excel date from a number.
//
// What a cell becomes (types.ts Cell):
//   text (shared, inline, formula text result) → string, Excel's _xHHHH_ escapes undone, "" → null
//   number → number; a number whose format shows a date → Date (UTC, as Excel counts days)
//   boolean → boolean; error (#N/A) → { problem: 'error' }
//   formula → its saved result only (never evaluated); no saved result → { problem: 'formula' }

export interface XlsxSource {
  sheets: AsyncIterable<RawSheet>;
  bytesRead(): number;
  close(): void;
}

interface Book {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  maxColumns: number;
}

const DAY_MS = 86_400_000;

/** Excel's day number to a Date (the same arithmetic as exceljs: UTC, 1900 or 1904 date system). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** "AB12" → 27 (0-based column); -1 without letters. */
function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c >= 97 && c <= 122) column = column * 26 + c - 96;
    else break;
  }
  return i === 0 ? -1 : column - 1;
}

const text = (value: string): string | null => (value === '' ? null : unescapeText(value));

function isoDate(value: string): Date | string {
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T');
  const ms = Date.parse(zoned ? value : `${value}Z`);
  return Number.isNaN(ms) ? value : new Date(ms);
}

/** A saved value (the text of <v>) by the cell's type attribute. */
function typed(book: Book, type: string | undefined, value: string, style: number): Cell {
  switch (type) {
    case 's': {
      const s = book.strings[parseInt(value, 10)];
      return s === undefined || s === '' ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return text(value);
    case 'e':
      return { problem: 'error', text: value };
    case 'b': {
      const n = parseInt(value, 10);
      return Number.isNaN(n) ? value.trim().toLowerCase() === 'true' : n !== 0;
    }
    case 'd':
      return value === '' ? null : isoDate(value);
    default: {
      if (value === '') return null;
      const n = parseFloat(value);
      if (Number.isNaN(n)) return value;
      return book.dateStyles[style] === true ? excelDate(n, book.date1904) : n;
    }
  }
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE = 3;

async function* sheetBatches(zip: ZipFile, sheet: SheetPart, book: Book): AsyncGenerator<RawRow[]> {
  const entry = zip.entry(sheet.part);
  if (!entry) throw new Error(`missing sheet part ${sheet.part}`);
  const { maxColumns } = book;
  let batch: RawRow[] = [];

  let inData = false;
  let inRow = false;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let last = -1;
  let inCell = false;
  let column = -1;
  let type: string | undefined;
  let style = 0;
  let value: string | null = null;
  let formula: string | null = null;
  let inline: string | null = null;
  let collect = NONE;
  let phonetic = 0;

  const parser = newParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case 'c': {
        if (!inRow) return;
        inCell = true;
        const { r, t, s } = tag.attributes;
        const at = r === undefined ? -1 : columnOf(r);
        column = at >= 0 ? at : column + 1;
        type = t;
        style = s === undefined ? 0 : parseInt(s, 10);
        value = formula = inline = null;
        return;
      }
      case 'v':
        if (inCell) {
          value = '';
          collect = VALUE;
        }
        return;
      case 't':
        if (inline !== null && phonetic === 0) collect = INLINE;
        return;
      case 'is':
        if (inCell) inline = '';
        return;
      case 'f':
        if (inCell) {
          formula = '';
          collect = FORMULA;
        }
        return;
      case 'rPh':
        phonetic++;
        return;
      case 'row': {
        if (!inData) return;
        inRow = true;
        const r = tag.attributes['r'];
        const n = r === undefined ? NaN : parseInt(r, 10);
        rowNumber = Number.isNaN(n) ? rowNumber + 1 : n;
        cells = [];
        last = -1;
        column = -1;
        return;
      }
      case 'sheetData':
        inData = !tag.isSelfClosing;
        return;
    }
  });
  const onText = (chunk: string) => {
    if (collect === VALUE) value += chunk;
    else if (collect === INLINE) inline += chunk;
    else if (collect === FORMULA) formula += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case 'v':
      case 't':
      case 'f':
        collect = NONE;
        return;
      case 'rPh':
        phonetic--;
        return;
      case 'c': {
        if (!inCell) return;
        inCell = false;
        collect = NONE;
        let cell: Cell;
        if (formula !== null) {
          // a formula counts by its saved result only
          if (value === null || (value === '' && type !== 'str')) cell = { problem: 'formula', text: `=${formula}` };
          else cell = typed(book, type, value, style);
        } else if (inline !== null) cell = text(inline);
        else if (value !== null) cell = typed(book, type, value, style);
        else cell = null;
        if (cell === null) return;
        if (column >= maxColumns) throw tooManyColumns(sheet.name, rowNumber, maxColumns);
        cells[column] = cell;
        if (column > last) last = column;
        return;
      }
      case 'row': {
        if (!inRow) return;
        inRow = false;
        if (last < 0) return; // nothing in it: skipped, its number is not reused
        for (let i = 0; i < last; i++) if (cells[i] === undefined) cells[i] = null;
        cells.length = last + 1;
        batch.push({ number: rowNumber, cells });
        return;
      }
      case 'sheetData':
        inData = false;
        return;
    }
  });

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.read(entry)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.write(decoder.decode());
  parser.close();
  if (batch.length > 0) yield batch;
}

const redo = '请用 Excel 或 WPS 打开后另存为 .xlsx 再导入';

/** A damaged file says so in Chinese; our own errors (too many columns) pass as they are. */
function damaged(error: unknown, fileName: string, where: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof PartTooLarge) return unreadable(fileName, error.message);
  const detail = error instanceof ZipPartError ? `：${error.message}` : '';
  return unreadable(fileName, `文件已损坏或格式不正确（${where}无法解析${detail}）。${redo}`);
}

async function* guarded<T>(items: AsyncGenerator<T>, fileName: string, where: string): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw damaged(error, fileName, where);
  }
}

export function readXlsx(file: string, maxColumns: number, fileName = path.basename(file)): XlsxSource {
  let zip: ZipFile | null = null;
  let closed = false;

  async function* sheets(): AsyncGenerator<RawSheet> {
    let opened: ZipFile;
    let book: Book;
    let parts: SheetPart[];
    try {
      opened = zip = await ZipFile.open(file);
      if (closed) return opened.close();
      const workbook = await readWorkbook(opened);
      parts = workbook.sheets;
      book = {
        strings: workbook.sharedStrings ? await readSharedStrings(opened, workbook.sharedStrings) : [],
        dateStyles: workbook.styles ? await readDateStyles(opened, workbook.styles) : [],
        date1904: workbook.date1904,
        maxColumns,
      };
    } catch (error) {
      throw damaged(error, fileName, '工作簿');
    }
    for (const part of parts) {
      yield { name: part.name, batches: guarded(sheetBatches(opened, part, book), fileName, `工作表“${part.name}”`) };
    }
  }

  return {
    sheets: sheets(),
    bytesRead: () => zip?.bytesRead() ?? 0,
    close: () => {
      closed = true;
      zip?.close();
    },
  };
}
