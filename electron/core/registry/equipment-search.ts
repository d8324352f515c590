import type { Database } from 'better-sqlite3';
import { SEARCH_PAD, trigramsStartingWith } from './equipment-search-terms.ts';
import { likePattern, type SqlPart } from './status-sql.ts';

// The grid's text search: a piece matches when its equipment code, registration code or
// registration number contains the text (typed in either case), its location contains it,
// or its unit's name or pinyin initials (张家港 → zjg) contain it. LIKE folds ASCII letters
// only, and so does this search on every path.
//
// Three characters or more: the codes and the location are found through equipment_search,
// a trigram FTS5 index (migration equipment_search_counts) holding lower() of each column,
// ended by a pad (equipment_search_short), with case_sensitive 1, so a phrase match is
// exactly LIKE '%…%' on that column. Units are
// a fortieth of the pieces, so their names and initials keep a LIKE over units.
// One or two characters: the trigrams that begin with them, listed from the index's terms
// (equipment-search-terms.ts). When more than a few do, the text is common and takes the LIKE
// over the pieces: its total is a count (no row leaves SQLite, nothing is sorted) that stops
// at the grid's cap, and its page walks the sort's index and stops after the page.

/** Lower-cases ASCII letters only, as SQLite's lower() and LIKE do. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

const CODE_COLUMNS = '{equipment_code registration_code registration_no}';

/** Codes are stored upper case: the text is matched as typed in upper case, like the LIKE path. */
function codeText(search: string): string {
  return asciiLower(search.toUpperCase());
}

/** True when the FTS index can answer this text: every phrase it looks up has a trigram. */
export function usesSearchIndex(search: string): boolean {
  return [...codeText(search)].length >= 3 && [...asciiLower(search)].length >= 3;
}

/** The FTS5 query: the codes contain the upper-cased text, or the location the text as typed. */
export function searchMatchQuery(search: string): string {
  // one phrase over all four columns reads each trigram's entries once (the usual case: no
  // letter whose upper case is not ASCII, so both texts are the same)
  if (codeText(search) === asciiLower(search)) return quoted(asciiLower(search));
  return `${CODE_COLUMNS} : ${quoted(codeText(search))} OR location : ${quoted(asciiLower(search))}`;
}

/** How the trigram index answers a search: its MATCH text, or null when no piece's codes or location contain the text. */
export interface IndexMatch {
  match: string | null;
}

/** The phrases that find `text` in a column: itself from three characters, else the trigrams it begins (undefined: too many). */
function phrasesOf(sqlite: Database, text: string): string[] | undefined {
  if ([...text].length >= 3) return [quoted(text)];
  return trigramsStartingWith(sqlite, text)?.map(quoted);
}

/** The index's answer for a text of three characters or more, with no database at hand; else undefined. */
export function trigramMatch(search: string): IndexMatch | undefined {
  // the pad ends only the index's own values: a text holding it is left to the LIKE
  return usesSearchIndex(search) && !search.includes(SEARCH_PAD) ? { match: searchMatchQuery(search) } : undefined;
}

/**
 * The index's answer for `search`, or undefined when the LIKE over the pieces is the way: a
 * text of one or two characters that begins too many trigrams (a common one), or one holding
 * the index's pad.
 */
export function searchIndexMatch(sqlite: Database, search: string): IndexMatch | undefined {
  if (usesSearchIndex(search) || search.includes(SEARCH_PAD)) return trigramMatch(search);
  const codes = phrasesOf(sqlite, codeText(search));
  const location = codeText(search) === asciiLower(search) ? codes : phrasesOf(sqlite, asciiLower(search));
  if (!codes || !location) return undefined;
  if (codes === location) return { match: codes.length ? codes.join(' OR ') : null };
  const parts = [codes.length ? `${CODE_COLUMNS} : (${codes.join(' OR ')})` : '', location.length ? `location : (${location.join(' OR ')})` : ''].filter(Boolean);
  return { match: parts.length ? parts.join(' OR ') : null };
}

const like = (column: string) => `${column} LIKE ? ESCAPE '\\'`;

/** Units whose name or initials contain the text (deleted units included, as the rows show them). */
export function unitMatchSql(search: string): SqlPart {
  return {
    sql: `SELECT su.id FROM units su WHERE ${like('su.name')} OR ${like('su.name_initials')}`,
    params: [likePattern(search), likePattern(search.toLowerCase())],
  };
}

export const ftsRowidsSql = 'SELECT rowid FROM equipment_search WHERE equipment_search MATCH ?';

/**
 * The search as one WHERE condition on equipment e. `walk`: the condition is checked row by
 * row on the piece's own columns (LIKE, the same match as the trigram index's; unary + keeps
 * SQLite from answering it through an index) so a page walks the sort's index and stops after
 * its rows, the fast way when most pieces match: it reads only the rows it passes, where the
 * index's rowid list would be read whole first (133,000 rowids, 50 ms, for 成品仓库 in a city).
 * Otherwise SQLite gathers the matching rowids from the unit index and the FTS index and sorts
 * only those.
 */
export function searchConditionSql(search: string, walk: boolean, index?: IndexMatch): SqlPart {
  const units = unitMatchSql(search);
  if (index && !walk) {
    if (index.match === null) return { sql: `(e.unit_id IN (${units.sql}))`, params: units.params };
    return {
      sql: `(e.unit_id IN (${units.sql}) OR e.rowid IN (${ftsRowidsSql}))`,
      params: [...units.params, index.match],
    };
  }
  const upper = likePattern(search.toUpperCase());
  return {
    sql: `(${['e.equipment_code', 'e.registration_code', 'e.registration_no'].map(like).join(' OR ')} OR ${like('e.location')} OR ${walk ? '+' : ''}e.unit_id IN (${units.sql}))`,
    params: [upper, upper, upper, likePattern(search), ...units.params],
  };
}

/**
 * The number of matching pieces as two disjoint counts: pieces of a matching unit, plus
 * pieces found by their codes or location whose unit does not match. The first reads
 * equipment_unit_counts (kept by triggers) when the filters are on what it keys by
 * (`kept`: the same conditions on its alias c), else the unit index, which also holds
 * status, kind and dates: 900,000 index entries when "zjg" matches most of a city.
 * With a `limit`, the units' count stops there (the kept sum is exact and cheap, so it never
 * stops), and the codes' count at what the units left of it: n is exact unless capped is 1,
 * then a lower bound.
 */
export function searchCountSql(search: string, index: IndexMatch, from: string, where: string, params: readonly unknown[], kept?: SqlPart, limit?: number): SqlPart {
  // the matching units, listed once for every count below (a pass over a city's 25,000 units each time otherwise)
  const units = unitMatchSql(search);
  const withUnits = `WITH matched_units AS MATERIALIZED (${units.sql})`;
  const matched = 'SELECT id FROM matched_units';
  const upTo = (sql: string) => (limit === undefined ? `SELECT count(*) FROM ${sql}` : `SELECT count(*) FROM (SELECT 1 FROM ${sql} LIMIT ?)`);
  const limitParam = limit === undefined ? [] : [limit];
  const ofUnits: SqlPart = kept
    ? {
        sql: `SELECT ifnull(sum(c.n), 0) FROM equipment_unit_counts c WHERE c.unit_id IN (${matched})${kept.sql ? ` AND ${kept.sql}` : ''}`,
        params: kept.params,
      }
    : { sql: upTo(`${from} ${where} AND e.unit_id IN (${matched})`), params: [...params, ...limitParam] };
  if (limit === undefined) {
    const ofCodes: SqlPart =
      index.match === null
        ? { sql: '0', params: [] }
        : { sql: `(${upTo(`${from} ${where} AND e.rowid IN (${ftsRowidsSql}) AND e.unit_id NOT IN (${matched})`)})`, params: [...params, index.match] };
    return { sql: `${withUnits} SELECT (${ofUnits.sql}) + ${ofCodes.sql} AS n, 0 AS capped`, params: [...units.params, ...ofUnits.params, ...ofCodes.params] };
  }
  // limited: the FTS index leads, read in its own order and left after what the units left of
  // the limit (2 ms for 10,000 of 成品仓库's 133,000 entries; nothing when a unit's name already
  // reaches it, as 张 does, whose 500,000 entries are nearly all of matching units), where
  // e.rowid IN (…) would first read all of them
  const ofCodes: SqlPart =
    index.match === null
      ? { sql: '0', params: [] }
      : {
          sql: `(SELECT count(*) FROM (SELECT 1 FROM equipment_search s CROSS JOIN equipment e ON e.rowid = s.rowid ${where} AND s.equipment_search MATCH ? AND e.unit_id NOT IN (${matched}) LIMIT max(0, ? - (SELECT n FROM of_units))))`,
          params: [...params, index.match, limit],
        };
  return {
    // capped, n is the limit, as every capped count says it (the kept sum alone may pass it)
    sql: `${withUnits}, of_units AS MATERIALIZED (SELECT (${ofUnits.sql}) AS n) SELECT min(n + b, ?) AS n, n + b >= ? AS capped FROM (SELECT n, ${ofCodes.sql} AS b FROM of_units)`,
    params: [...units.params, ...ofUnits.params, limit, limit, ...ofCodes.params],
  };
}
