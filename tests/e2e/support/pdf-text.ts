import { inflateSync } from 'node:zlib';

// The text of each page of a PDF that Chromium printed (page.pdf()), for checking what a
// printed page says: poppler's pdftotext is not installed here and no PDF library is in
// the dependencies. Enough of PDF for Skia's output: objects, Flate streams, Type0 fonts
// with a ToUnicode map, text shown by Tj / TJ, form XObjects drawn by Do.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && body.slice(0, streamAt).includes('<<')) {
      dict = body.slice(0, streamAt);
      let from = start + streamAt + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const to = length ? from + Number(length[1]) : text.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** A name dictionary inside a dictionary (/Font << /F1 5 0 R >>), resolved if given by reference. */
function subDict(objects: Map<number, PdfObject>, dict: string, key: string): Map<string, number> {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return new Map();
  let rest = dict.slice(at + key.length + 1).trimStart();
  const ref = /^(\d+) 0 R/.exec(rest);
  if (ref) rest = objects.get(Number(ref[1]))?.dict ?? '';
  const open = rest.indexOf('<<');
  let depth = 0;
  let i = open;
  for (; i < rest.length; i++) {
    if (rest.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (rest.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) break;
    }
  }
  const inner = rest.slice(open + 2, i - 1);
  return new Map([...inner.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
}

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

function hexText(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function toUnicode(objects: Map<number, PdfObject>, fontRef: number): CMap {
  const font = objects.get(fontRef)?.dict ?? '';
  const ref = /\/ToUnicode (\d+) 0 R/.exec(font);
  const cmap = ref ? (objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '') : '';
  const space = /<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*endcodespacerange/.exec(cmap);
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), hexText(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [lo, hi, base] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
    }
  }
  return { bytes: space ? space[1]!.length / 2 : 1, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return '';
  const width = cmap.bytes * 2;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width) out += cmap.map.get(parseInt(hex.slice(i, i + width), 16)) ?? '';
  return out;
}

function contentText(objects: Map<number, PdfObject>, content: string, resources: string, seen: Set<number>): string {
  const fonts = new Map([...subDict(objects, resources, 'Font')].map(([name, ref]) => [name, toUnicode(objects, ref)]));
  const xobjects = subDict(objects, resources, 'XObject');
  let font: CMap | undefined;
  let out = '';
  // marked content: a span with /ActualText carries the real text of the glyphs inside it
  // (Skia writes one where a glyph's ToUnicode entry is ambiguous); its glyphs are skipped
  const spans: boolean[] = [];
  const tokens = /\/ActualText\s*<([0-9a-fA-F\s]*)>[^]*?\bBDC\b|\b(BDC|BMC|EMC)\b|\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\/([^\s/<>[\]()]+)\s+Do\b|\bET\b/g;
  for (const token of content.matchAll(tokens)) {
    if (token[1] !== undefined) {
      out += hexText(token[1].replace(/\s/g, '').replace(/^feff/i, ''));
      spans.push(true);
    } else if (token[2]) {
      if (token[2] === 'EMC') spans.pop();
      else spans.push(false);
    } else if (token[3]) font = fonts.get(token[3]);
    else if (token[4] !== undefined) {
      if (!spans.includes(true)) out += decode(token[4].replace(/\s/g, ''), font);
    } else if (token[5]) {
      const ref = xobjects.get(token[5]);
      const form = ref === undefined ? undefined : objects.get(ref);
      if (ref !== undefined && form?.stream && !seen.has(ref) && /\/Subtype\s*\/Form/.test(form.dict)) {
        seen.add(ref);
        out += contentText(objects, form.stream.toString('latin1'), form.dict, seen);
      }
    } else out += '\n';
  }
  return out;
}

// Noto CJK's ToUnicode maps some glyphs to the radical code points they share (页 → ⻚,
// 一 → ⼀); NFKC folds the Kangxi radicals, this folds the radicals supplement seen in print.
const radicals: Record<string, string> = { '⻚': '页', '⻓': '长', '⻔': '门', '⻢': '马', '⻋': '车', '⻅': '见', '⻉': '贝', '⻄': '西', '⻝': '食', '⻛': '风', '⻜': '飞', '⻆': '角', '⻘': '青', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻤': '鬼' };
const readable = (text: string) => text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => radicals[c] ?? c);

/** The text of each page, in page order (glyphs as Unicode; line breaks between text blocks). */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  const pages: string[] = [];
  const walk = (ref: number) => {
    const node = objects.get(ref)!;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)!;
      refs(kids[1]!).forEach(walk);
      return;
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(node.dict);
    const streams = contents ? refs(contents[1]!).map((r) => objects.get(r)?.stream?.toString('latin1') ?? '') : [];
    pages.push(readable(contentText(objects, streams.join('\n'), node.dict, new Set())));
  };
  walk(Number(/\/Pages (\d+) 0 R/.exec(catalog.dict)![1]));
  return pages;
}
