import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_SHARED_STRINGS_BYTES } from './caps.ts';
import { own } from './cells.ts';
import { PartTooLarge, type ZipFile } from './zip-file.ts';

// The parts of an .xlsx read before its sheets, each found through the package's
// relationships (not by a fixed name, nor by where it lies in the zip):
// _rels/.rels → the workbook; the workbook's rels → its sheets, shared strings
// and styles. Element names are compared without their namespace prefix, so
// files from writers that use prefixes ("x:row") or Strict Open XML read alike.

export type Tag = SaxesTagPlain;

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function newParser(): SaxesParser {
  // no error handler: the first well-formedness error throws out of write()
  return new SaxesParser({ position: false });
}

/** Feeds a part to a parser, UTF-8 decoded across chunk boundaries. */
export async function parsePart(zip: ZipFile, part: string, parser: SaxesParser): Promise<void> {
  const entry = zip.entry(part);
  if (!entry) throw new Error(`missing part ${part}`);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.read(entry)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** Excel's escapes for characters XML cannot hold (_x000D_ is a carriage return, _x005F_ an underscore). */
const escapedChar = /_x([0-9A-Fa-f]{4})_/g;
export function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(escapedChar, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

// ---------------------------------------------------------------- relationships

interface Relationship {
  type: string;
  /** the part it points to, resolved against the source part's folder */
  part: string;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Resolves a relationship target ("worksheets/sheet1.xml", "/xl/styles.xml", "../x.xml") to a part name. */
export function resolvePart(folder: string, target: string): string {
  const path = target.replace(/\\/g, '/');
  const segments = path.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function relsOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

async function readRels(zip: ZipFile, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const name = relsOf(part);
  if (!zip.entry(name)) return rels;
  const parser = newParser();
  parser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'Relationship') return;
    const { Id: id, Type: type = '', Target: target, TargetMode: mode } = tag.attributes;
    if (id && target && mode !== 'External') rels.set(id, { type, part: resolvePart(folderOf(part), target) });
  });
  await parsePart(zip, name, parser);
  return rels;
}

const isType = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

// ---------------------------------------------------------------- workbook

export interface SheetPart {
  name: string;
  part: string;
}

export interface Workbook {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

export async function readWorkbook(zip: ZipFile): Promise<Workbook> {
  const root = await readRels(zip, '');
  const office = [...root.values()].find((r) => isType(r, 'officeDocument') && zip.entry(r.part));
  const part = office?.part ?? 'xl/workbook.xml';
  if (!zip.entry(part)) throw new Error('no workbook part');
  const rels = await readRels(zip, part);

  const sheets: SheetPart[] = [];
  let date1904 = false;
  const parser = newParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'workbookPr') date1904 = truthy(tag.attributes['date1904']);
    if (name !== 'sheet') return;
    // the relationship id is an attribute in the relationships namespace, whatever its prefix
    const idName = Object.keys(tag.attributes).find((a) => a.endsWith(':id'));
    const rel = idName ? rels.get(tag.attributes[idName]!) : undefined;
    if (rel && isType(rel, 'worksheet')) sheets.push({ name: tag.attributes['name'] ?? `Sheet${sheets.length + 1}`, part: rel.part });
    // chart sheets and dialog sheets hold no cells
  });
  await parsePart(zip, part, parser);

  const find = (kind: string) => [...rels.values()].find((r) => isType(r, kind) && zip.entry(r.part))?.part ?? null;
  return { sheets, date1904, sharedStrings: find('sharedStrings'), styles: find('styles') };
}

// ---------------------------------------------------------------- shared strings

/** The shared-string table as plain texts (rich text joined, phonetic guides left out). */
export async function readSharedStrings(zip: ZipFile, part: string): Promise<string[]> {
  // zip-guard.ts checks xl/sharedStrings.xml; the workbook may name its table otherwise
  if ((zip.entry(part)?.uncompressedSize ?? 0) > MAX_SHARED_STRINGS_BYTES) {
    throw new PartTooLarge('文件中的文字内容过多，超过可以安全读取的上限，请拆分后分别导入');
  }
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  const parser = newParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') text = '';
    else if (name === 't') inText = phonetic === 0 && !tag.isSelfClosing;
    else if (name === 'rPh') phonetic++;
  });
  const onText = (value: string) => {
    if (inText) text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') strings.push(own(unescapeText(text))); // own: not a slice pinning a chunk of XML
  });
  await parsePart(zip, part, parser);
  return strings;
}

// ---------------------------------------------------------------- styles

/** Excel's built-in date and time formats (number-format ids), with those of Chinese Excel (27–36, 50–58). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date or time: y, m, d, h, s (or b, the Buddhist year) outside quotes and [brackets]. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (the s attribute of a cell): does its number format make the number a date? */
export async function readDateStyles(zip: ZipFile, part: string): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  let depth = 0;
  const parser = newParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'numFmts') inNumFmts = !tag.isSelfClosing;
    else if (name === 'numFmt' && inNumFmts) {
      // (differential formats, dxfs, have numFmt elements of their own: not these)
      const id = Number(tag.attributes['numFmtId']);
      if (Number.isInteger(id)) formats.set(id, tag.attributes['formatCode'] ?? '');
    } else if (name === 'cellXfs') {
      inCellXfs = true;
      depth = 0;
    } else if (inCellXfs) {
      if (name === 'xf' && depth === 0) xfFormats.push(Number(tag.attributes['numFmtId'] ?? 0));
      if (!tag.isSelfClosing) depth++;
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'numFmts') inNumFmts = false;
    if (!inCellXfs) return;
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    else if (!tag.isSelfClosing) depth--;
  });
  await parsePart(zip, part, parser);
  return xfFormats.map((id) => {
    const custom = formats.get(id);
    return custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATES.has(id);
  });
}
