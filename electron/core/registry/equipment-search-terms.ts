import type { Database } from 'better-sqlite3';
import { sql, value } from '../data/query.ts';

// One or two characters have no trigram of their own. Since migration equipment_search_short
// every value in the trigram index ends with two U+E000, so every place a text of one or two
// characters occurs begins one of the index's trigrams ("东兴" at the end of 东兴 → "东兴" +
// U+E000). Those trigrams are found by prefix in the index's list of terms, and the search
// is a match of any of them: the same pieces as the LIKE, without a pass over every piece.
// docs/ARCHITECTURE.md, "Searching the grid".

/** What ends every indexed value; a private-use character nobody types. */
export const SEARCH_PAD = '\uE000';

/** A column's value as the index holds it (the triggers, the bulk insert and the rebuild check alike). */
export const searchIndexValueSql = (column: string) => `lower(${column}) || char(57344, 57344)`;

/** The indexed values of a piece, in equipment_search's column order, from table alias `e`. */
export const searchIndexValuesSql = (e: string) =>
  ['equipment_code', 'registration_code', 'registration_no', 'location'].map((c) => searchIndexValueSql(`${e}.${c}`)).join(', ');

/**
 * More trigrams than this begin with the text: it is common (a digit begins a hundred and more
 * in a city), its matches reach the grid's cap early on the LIKE path, and listing the terms
 * would read most of the index.
 */
export const MAX_PREFIX_TERMS = 32;

const ready = new WeakSet<Database>();

/** The index's term list, per connection: a temp table with nothing stored, so the file does not change. */
function termList(sqlite: Database): void {
  if (ready.has(sqlite)) return;
  sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.equipment_search_terms USING fts5vocab(main, equipment_search, instance)');
  ready.add(sqlite);
}

/**
 * The least text past every text that begins with `prefix`, in the term list's order (UTF-8
 * bytes, which is code point order): its last character's successor. The index's terms are all
 * three characters, so past a term is where the next term can start.
 */
export function pastPrefix(prefix: string): string {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  // a surrogate is no character: the next one is U+E000; U+10FFFF has none, and a term is at
  // most three characters, so three more of it lie past every term that begins with the prefix
  if (last === 0x10ffff) return `${prefix}\u{10FFFF}\u{10FFFF}\u{10FFFF}`;
  return points.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
}

/**
 * The trigrams of the index that begin with `prefix` (one or two characters), or undefined when
 * more than `max` do. One term per step, each step a seek past the last (its entries never read
 * one by one), where a count per term ('row') would read every entry of every term first.
 */
export function trigramsStartingWith(sqlite: Database, prefix: string, max = MAX_PREFIX_TERMS): string[] | undefined {
  termList(sqlite);
  const end = pastPrefix(prefix);
  const terms: string[] = [];
  let term = value(sqlite, sql<string>`SELECT term FROM temp.equipment_search_terms WHERE term >= ${prefix} AND term < ${end} LIMIT 1`);
  while (term !== undefined) {
    if (terms.length === max) return undefined;
    terms.push(term);
    term = value(sqlite, sql<string>`SELECT term FROM temp.equipment_search_terms WHERE term >= ${pastPrefix(term)} AND term < ${end} LIMIT 1`);
  }
  return terms;
}
