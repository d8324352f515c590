import type { LedgerField, SheetKind } from '../../api/schemas/ledger.ts';
import { normHeader } from '../sheets/cells.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import { equipmentOnly, fieldSynonyms, ignoredHeaders, managersOnly } from './header-synonyms.ts';
import type { ColumnInfo, SheetLayout } from './types.ts';

/** How far down a sheet the header row is looked for (title rows, notes and merged banners sit above it). */
export const HEADER_SEARCH_ROWS = 20;
/** A header band is at most this many rows (a group header merged over "上次 / 下次"). */
const MAX_BAND = 3;

/** header (normalised) → field, or 'extra' to keep the column as an extra attribute */
export type HeaderMapping = Record<string, LedgerField | 'extra'>;
export type MappingsByKind = Partial<Record<SheetKind, HeaderMapping>>;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const kinds: SheetKind[] = ['equipment', 'managers'];
const kindOnly: Record<SheetKind, ReadonlySet<LedgerField>> = { equipment: new Set(equipmentOnly), managers: new Set(managersOnly) };
const ignored = new Set<string>(ignoredHeaders.map(normHeader));

const synonymIndex: Record<SheetKind, Map<string, LedgerField>> = { equipment: new Map(), managers: new Map() };
for (const kind of kinds) {
  for (const [field, words] of Object.entries(fieldSynonyms[kind]) as [LedgerField, string[]][]) {
    for (const word of words) synonymIndex[kind].set(normHeader(word), field);
  }
}

/** Fields a sheet cannot be imported without; a group (any one of them will do) is named by its first field. */
export function requiredGroups(kind: SheetKind, requireDistrict: boolean): LedgerField[][] {
  if (kind === 'managers') return [['personName'], ['uscc', 'unitName'], ['certificateNo', 'idNumber'], ['itemCode']];
  const groups: LedgerField[][] = [['unitName'], ['uscc'], ['category', 'kind', 'variety'], ['equipmentCode', 'registrationCode', 'registrationNo']];
  return requireDistrict ? [['districtName'], ...groups] : groups;
}

/** The header as it stands in the file (reports quote it so the user finds the column). */
function rawHeader(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';
}

function headerText(cell: Cell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

export interface Lookup {
  explicit: MappingsByKind;
  remembered: MappingsByKind;
}

function fieldFor(kind: SheetKind, norm: string, lookup: Lookup): LedgerField | 'extra' | undefined {
  return lookup.explicit[kind]?.[norm] ?? lookup.remembered[kind]?.[norm] ?? synonymIndex[kind].get(norm);
}

function matchedFields(row: RawRow | undefined, kind: SheetKind, lookup: Lookup): Set<LedgerField> {
  const fields = new Set<LedgerField>();
  for (const cell of row?.cells ?? []) {
    const text = headerText(cell);
    if (!text) continue;
    const field = fieldFor(kind, normHeader(text), lookup);
    if (field && field !== 'extra') fields.add(field);
  }
  return fields;
}

function scoreRow(row: RawRow, lookup: Lookup): { kind: SheetKind | null; score: number } {
  const scored = kinds.map((kind) => {
    const fields = matchedFields(row, kind, lookup);
    const specific = [...fields].filter((f) => kindOnly[kind].has(f)).length;
    return { kind, score: specific > 0 ? fields.size : 0, specific };
  });
  const [a, b] = scored as [(typeof scored)[0], (typeof scored)[0]];
  if (a.score === 0 && b.score === 0) return { kind: null, score: 0 };
  if (a.specific !== b.specific) return a.specific > b.specific ? a : b;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return { kind: null, score: a.score }; // as much of one as of the other: do not guess
}

export type DetectedLayout =
  | {
      layout: SheetLayout;
      /** index (in the rows given) of the last header row: data starts after it */
      lastHeaderIndex: number;
    }
  /** a header-like row whose columns fit both kinds equally: the sheet is not imported */
  | { layout: null; headerRow: number };

/**
 * Finds the header row among the first rows of a sheet and tells the sheet's kind by
 * what its headers mean, never by the sheet's name. Returns null when no row looks
 * like a ledger header (an instructions sheet, an empty sheet).
 */
export function detectLayout(rows: RawRow[], lookup: Lookup, requireDistrict: boolean): DetectedLayout | null {
  let best = -1;
  let bestScore = 1; // at least two recognised columns
  let bestKind: SheetKind | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const { kind, score } = scoreRow(row, lookup);
    if (score > bestScore) [best, bestScore, bestKind] = [i, score, kind];
  });
  if (best < 0) return null;
  if (!bestKind) return { layout: null, headerRow: rows[best]!.number };
  const kind: SheetKind = bestKind;

  // A header may span rows: a banner merged over "上次检验日期 | 下次检验日期", or
  // "设备代码" merged down over two rows. Take each column's lowest text in the band.
  let first = best;
  let last = best;
  // Below the header a row joins only with two or more header names: a data row may hold one
  // header-like text (the problem-row report's 错误原因 "身份证号：…" does), a sub-header row holds several.
  const inBand = (i: number, minimum: number) => matchedFields(rows[i], kind, lookup).size >= minimum;
  while (last - first + 1 < MAX_BAND && last + 1 < rows.length && rows[last + 1]!.number === rows[last]!.number + 1 && inBand(last + 1, 2)) last++;
  while (last - first + 1 < MAX_BAND && first > 0 && rows[first - 1]!.number === rows[first]!.number - 1 && inBand(first - 1, 1)) first--;

  const width = Math.max(...rows.slice(first, last + 1).map((r) => r.cells.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    let text = '';
    for (let r = last; r >= first && !text; r--) if (headerText(rows[r]!.cells[c])) text = rawHeader(rows[r]!.cells[c]);
    headers.push(text);
  }
  return { layout: mapColumns(kind, headers, rows[best]!.number, lookup, requireDistrict), lastHeaderIndex: last };
}

/** Assigns each header a field: the user's choice first, then remembered choices, then the synonym table. */
export function mapColumns(kind: SheetKind, headers: string[], headerRow: number, lookup: Lookup, requireDistrict: boolean): SheetLayout {
  const columns: ColumnInfo[] = headers.map((header, index) => ({ index, header, letter: columnLetter(index), field: null, ignored: false }));
  const fieldIndex: SheetLayout['fieldIndex'] = {};
  const decided = new Set<number>();
  const sources: ((norm: string) => LedgerField | 'extra' | undefined)[] = [
    (n) => lookup.explicit[kind]?.[n],
    (n) => lookup.remembered[kind]?.[n],
    (n) => synonymIndex[kind].get(n),
  ];
  for (const source of sources) {
    for (const column of columns) {
      if (!column.header.trim() || decided.has(column.index)) continue;
      const norm = normHeader(column.header);
      if (ignored.has(norm)) {
        column.ignored = true;
        decided.add(column.index);
        continue;
      }
      const field = source(norm);
      if (field === 'extra') decided.add(column.index);
      if (!field || field === 'extra' || fieldIndex[field] !== undefined) continue;
      column.field = field;
      fieldIndex[field] = column.index;
      decided.add(column.index);
    }
  }
  const missingRequired = requiredGroups(kind, requireDistrict)
    .filter((group) => group.every((f) => fieldIndex[f] === undefined))
    .map((group) => group[0]!);
  return { kind, headerRow, columns, fieldIndex, missingRequired };
}
