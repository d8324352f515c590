import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { equipmentQuerySql, walkForPage } from './equipment-query.ts';
import { searchIndexMatch, usesSearchIndex } from './equipment-search.ts';
import { MAX_PREFIX_TERMS, pastPrefix, trigramsStartingWith } from './equipment-search-terms.ts';
import { likePattern } from './status-sql.ts';
import { insertPieces, insertUnit } from './testing/fixtures.ts';

// The trigram index must answer exactly what the LIKE search answered before it: the
// reference below is that search, word for word, run on the same rows.

const now = () => new Date('2026-11-27T17:00:00Z');
const dates = { asOf: '2026-11-28', dueLimit: '2026-12-28' };
let t: TestCore;
afterEach(() => t?.cleanup());

/** The search as it was before the index: LIKE over every piece. */
function likeIds(sqlite: Database.Database, search: string, filter: { sql: string; params: unknown[] } = { sql: '', params: [] }): string[] {
  const upper = likePattern(search.toUpperCase());
  const plain = likePattern(search);
  return sqlite
    .prepare(
      `SELECT e.id FROM equipment e WHERE e.deleted_at IS NULL ${filter.sql} AND (
         e.equipment_code LIKE ? ESCAPE '\\' OR e.registration_code LIKE ? ESCAPE '\\' OR e.registration_no LIKE ? ESCAPE '\\'
         OR e.location LIKE ? ESCAPE '\\'
         OR e.unit_id IN (SELECT su.id FROM units su WHERE su.name LIKE ? ESCAPE '\\' OR su.name_initials LIKE ? ESCAPE '\\'))
       ORDER BY e.updated_at DESC, e.id DESC`,
    )
    .pluck()
    .all(...filter.params, upper, upper, upper, plain, plain, likePattern(search.toLowerCase())) as string[];
}

/** A small pseudo-random generator, so a failure names a query that can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const unitNames = ['张家港市塘桥精密机械有限公司', '张家港市鹿苑纺织有限公司', 'ABB电梯(张家港)有限公司', '江苏沙钢集团', '百分之百%_物流', '长江润发医药', 'Straße贸易', '恒盛“工业”气体'];
const locations = ['1号楼', '一号车间', '100%_仓库', '成品仓库 B区', 'Café 东门', 'STRASSE 3', 'straße 7', '"引号"房', "O'Neil 车库", 'ÉCOLE 锅炉房', '门', '东兴', '', null];

function fill(sqlite: Database.Database, pieces: number): string[] {
  const next = random(20261127);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const units = unitNames.map((name) => insertUnit(sqlite, { name }));
  const ids: string[] = [];
  for (let i = 0; i < pieces; i++) {
    // most pieces on the first unit, so "zjg" and "塘桥" match most rows (the page walks an index)
    const unit = i % 3 === 0 ? pick(units) : units[0]!;
    const [id] = insertPieces(sqlite, unit, 1, {
      equipmentCode: next() < 0.1 ? null : `${digits(4)}3205${String(i).padStart(6, "0")}${next() < 0.2 ? "A" : ""}`,
      registrationCode: next() < 0.3 ? null : `${pick(['3', '4', '2'])}1${digits(2)}32058220${digits(6)}`,
      // a few codes stored in lower case or with odd characters: LIKE folds only ASCII
      registrationNo: next() < 0.2 ? null : `${pick(['梯', '容', '起', 'é'])}11苏${pick(['E', 'e'])}${digits(5)}(${digits(2)})`,
      location: pick(locations),
      status: pick(['in_use', 'in_use', 'stopped', 'scrapped'] as const),
      next: next() < 0.8 ? `2027-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}` : null,
    });
    ids.push(id!);
  }
  // deleted pieces are never found
  sqlite.prepare("UPDATE equipment SET deleted_at = '2026-06-01T00:00:00Z' WHERE rowid % 17 = 0").run();
  // an edit after the insert: the index follows the update trigger
  sqlite.prepare("UPDATE equipment SET location = '改过的地点' || rowid WHERE rowid % 13 = 0").run();
  return ids;
}

function queries(sqlite: Database.Database, count: number): string[] {
  const next = random(7);
  const texts = sqlite
    .prepare('SELECT equipment_code AS a, registration_code AS b, registration_no AS c, location AS d FROM equipment')
    .all()
    .flatMap((r) => Object.values(r as Record<string, string | null>).filter((v): v is string => Boolean(v)));
  texts.push(...unitNames, 'zjgstqjmjxyxgs', 'abbdt');
  const fixed = ['zjg', 'ZJG', 'Zj', '塘桥', '%', '_', '%_', '"', '"引号"', "O'Neil", 'é', 'É', 'ÉCOLE', 'école', 'ß', 'SS', 'straße', 'STRASSE',
    'café', ' B区', '(1', '11苏e', '11苏E', 'NEAR', 'OR', '*', 'a*', '^12', 'abc:', '没有这个', '3205', '改过的', 'e00', 'E00',
    // one or two characters at the end of a value, or the whole of it: found through the index's pad
    '车间', '间', '区', '门', '东兴', '兴', '号楼', '7', '房', 'é', 'É', 'ss', '没有', '"', ' B'];
  const out = [...fixed];
  for (let i = 0; i < count; i++) {
    const text = texts[Math.floor(next() * texts.length)]!;
    const chars = [...text];
    const length = 1 + Math.floor(next() * Math.min(8, chars.length));
    const start = Math.floor(next() * (chars.length - length + 1));
    let q = chars.slice(start, start + length).join('');
    if (next() < 0.3) q = q.toLowerCase();
    else if (next() < 0.3) q = q.toUpperCase();
    out.push(q);
  }
  return out;
}

describe('equipment search through the trigram index', () => {
  it('finds exactly what the LIKE search found, on every path, for codes, numbers, locations, unit names and initials', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    fill(sqlite, 1500);
    let indexed = 0;
    let walked = 0;
    let short = 0;
    let shortIndexed = 0;
    for (const q of queries(sqlite, 160)) {
      const search = q.trim();
      const expected = likeIds(sqlite, search);
      const page = await t.ok('equipment.query', { search: q, startRow: 0, endRow: 100 });
      expect({ q, total: page.total }).toEqual({ q, total: expected.length });
      expect({ q, ids: page.rows.map((r) => r.id) }).toEqual({ q, ids: expected.slice(0, 100) });
      if (!search) continue;
      if (usesSearchIndex(search)) {
        indexed++;
        if (walkForPage(t.core.ctx, expected.length, 100)) walked++;
      } else short++;
      const index = searchIndexMatch(sqlite, search);
      if (index && !usesSearchIndex(search)) shortIndexed++;
      // both ways of reading a page give every match in order, and the count agrees, with the
      // index's answer as equipment.query reads it and with the LIKE alone (no index given)
      for (const [walk, given] of [[false, index], [true, index], [false, undefined]] as const) {
        const sql = equipmentQuerySql({ search: q }, dates, { walk, index: given });
        const ids = sqlite.prepare(sql.idsSql.replace('SELECT e.rowid', 'SELECT e.id')).pluck().all(...sql.params);
        expect({ q, walk, ids }).toEqual({ q, walk, ids: expected });
        expect({ q, n: (sqlite.prepare(sql.countSql).get(...sql.countParams) as { n: number }).n }).toEqual({ q, n: expected.length });
      }
      // with a filter too
      const inUse = await t.ok('equipment.query', { search: q, status: ['in_use'], startRow: 0, endRow: 50 });
      const expectedInUse = likeIds(sqlite, search, { sql: "AND e.status = 'in_use'", params: [] });
      expect({ q, total: inUse.total, ids: inUse.rows.map((r) => r.id) }).toEqual({ q, total: expectedInUse.length, ids: expectedInUse.slice(0, 50) });
      // a kind (counted from the kept counts) and an inspection status (from the unit index)
      const kind = await t.ok('equipment.query', { search: q, kindCode: '3000', status: ['in_use', 'stopped'], startRow: 0, endRow: 50 });
      const expectedKind = likeIds(sqlite, search, { sql: "AND e.kind_code = '3000' AND e.status IN ('in_use', 'stopped')", params: [] });
      expect({ q, total: kind.total, ids: kind.rows.map((r) => r.id) }).toEqual({ q, total: expectedKind.length, ids: expectedKind.slice(0, 50) });
      const due = await t.ok('equipment.query', { search: q, inspection: 'ok', startRow: 0, endRow: 50 });
      const expectedDue = likeIds(sqlite, search, { sql: "AND e.next_inspection_date > '2026-12-28'", params: [] });
      expect({ q, total: due.total, ids: due.rows.map((r) => r.id) }).toEqual({ q, total: expectedDue.length, ids: expectedDue.slice(0, 50) });
    }
    // the generated queries reached both the index and both ways of paging
    expect(indexed).toBeGreaterThan(70);
    expect(walked).toBeGreaterThan(5);
    expect(indexed - walked).toBeGreaterThan(30);
    // and one or two characters (no trigram of their own), through the same count and both ways
    // of paging: most through the trigrams they begin, a common one (a digit) through the LIKE
    expect(short).toBeGreaterThan(20);
    expect(shortIndexed).toBeGreaterThan(15);
    expect(short - shortIndexed).toBeGreaterThan(0);
  }, 180_000);

  it('answers a deep page and a second page the same as the LIKE search', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    fill(sqlite, 600);
    for (const q of ['zjg', '3205', '仓库']) {
      const expected = likeIds(sqlite, q);
      for (const startRow of [100, 250, expected.length - 10]) {
        const page = await t.ok('equipment.query', { search: q, startRow, endRow: startRow + 100 });
        expect({ q, startRow, ids: page.rows.map((r) => r.id) }).toEqual({ q, startRow, ids: expected.slice(startRow, startRow + 100) });
      }
    }
  }, 60_000);
});

describe('a capped total', () => {
  /** Every page as the grid asks for them, 100 rows at a time, until a page knows the last row. */
  async function scrollToEnd(input: Record<string, unknown>, cap: number) {
    const ids: string[] = [];
    for (let startRow = 0; ; startRow += 100) {
      const page = await t.ok('equipment.query', { ...input, totalCap: cap, startRow, endRow: startRow + 100 });
      ids.push(...page.rows.map((r) => r.id));
      if (!page.totalCapped) return { ids, last: page.total };
      // capped: more than total match, and total reaches past this page
      expect(page.total).toBeGreaterThanOrEqual(Math.max(cap, startRow + 100));
      expect(page.rows).toHaveLength(100);
    }
  }

  it('is exact up to the cap, flagged above it, and the pages still give every match in order through the last row', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    fill(sqlite, 1500);
    const cap = 200;
    let capped = 0;
    let exact = 0;
    const filters: { input: Record<string, unknown>; sql: string }[] = [
      { input: {}, sql: '' },
      { input: { status: ['in_use'] }, sql: "AND e.status = 'in_use'" },
      { input: { inspection: 'ok' }, sql: "AND e.next_inspection_date > '2026-12-28'" },
    ];
    for (const q of ['zjg', '塘桥', 'Zj', '3205', '仓库', '成品仓库', '1号楼', '11苏e', '张家港市塘桥', 'é', '没有这个', ...queries(sqlite, 12)]) {
      for (const filter of filters) {
        const expected = likeIds(sqlite, q.trim(), { sql: filter.sql, params: [] });
        const first = await t.ok('equipment.query', { search: q, ...filter.input, totalCap: cap, startRow: 0, endRow: 100 });
        expect({ q, filter, ids: first.rows.map((r) => r.id) }).toEqual({ q, filter, ids: expected.slice(0, 100) });
        if (expected.length <= cap) {
          // below the cap: the exact total, the same as a full recount (above it, always flagged:
          // once the matching units' pieces reach the cap, the codes and locations are not counted)
          expect({ q, filter, total: first.total, capped: first.totalCapped }).toEqual({ q, filter, total: expected.length, capped: false });
          exact++;
          continue;
        }
        expect({ q, filter, capped: first.totalCapped }).toEqual({ q, filter, capped: true });
        capped++;
        // "more than the cap" on every path, the kept sum of a common unit name included
        expect({ q, filter, total: first.total }).toEqual({ q, filter, total: cap });
        expect(first.total).toBeLessThan(expected.length);
        const scrolled = await scrollToEnd({ search: q, ...filter.input }, cap);
        expect({ q, filter, last: scrolled.last, ids: scrolled.ids }).toEqual({ q, filter, last: expected.length, ids: expected });
        // the uncapped answer is still the exact total, unflagged
        const whole = await t.ok('equipment.query', { search: q, ...filter.input, startRow: 0, endRow: 1 });
        expect({ total: whole.total, capped: whole.totalCapped }).toEqual({ total: expected.length, capped: false });
      }
    }
    expect({ capped: capped > 10, exact: exact > 10 }).toEqual({ capped: true, exact: true });

    // without a search the total stays exact: a date range of the index, or the kept counts
    const ok = sqlite.prepare("SELECT count(*) FROM equipment WHERE deleted_at IS NULL AND next_inspection_date > '2026-12-28'").pluck().get() as number;
    expect(ok).toBeGreaterThan(300);
    expect(await t.ok('equipment.query', { inspection: 'ok', totalCap: 100, startRow: 0, endRow: 100 })).toMatchObject({ total: ok, totalCapped: false });
    const all = sqlite.prepare('SELECT count(*) FROM equipment WHERE deleted_at IS NULL').pluck().get() as number;
    expect(await t.ok('equipment.query', { totalCap: 100, startRow: 0, endRow: 100 })).toMatchObject({ total: all, totalCapped: false });
  }, 180_000);
});

describe('equipment search query plans', () => {
  it('reads the trigram and unit indexes, never every piece, for three characters or more', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const plan = (sql: string, params: unknown[]) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    for (const search of ['苏E0025', 'zjg', '仓库区']) {
      const gather = equipmentQuerySql({ search }, dates);
      const count = plan(gather.countSql, gather.countParams);
      // pieces of matching units: summed from the kept counts; with a date filter, from the unit index
      expect(count).toMatch(/SEARCH c USING PRIMARY KEY \(unit_id=\?\)/);
      const byDate = equipmentQuerySql({ search, inspection: 'overdue' }, dates);
      expect(plan(byDate.countSql, byDate.countParams)).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?\)/);
      expect(count).toMatch(/SEARCH e USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(count).toMatch(/SCAN equipment_search VIRTUAL TABLE INDEX \d+:M/);
      expect(count).not.toMatch(/SCAN e\b/);
      const ids = plan(`${gather.idsSql} LIMIT ? OFFSET ?`, [...gather.params, 100, 0]);
      expect(ids).toMatch(/MULTI-INDEX OR/);
      expect(ids).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?\)/);
      expect(ids).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
      expect(ids).not.toMatch(/SCAN e\b/);
      // most pieces matching: walk the default order's index, no sort step
      const walk = equipmentQuerySql({ search }, dates, { walk: true });
      const walked = plan(`${walk.idsSql} LIMIT ? OFFSET ?`, [...walk.params, 100, 0]);
      expect(walked).toMatch(/SCAN e USING (COVERING )?INDEX equipment_(live_)?updated/);
      expect(walked).not.toMatch(/TEMP B-TREE/);
    }
    // two characters have no trigram: the LIKE over the pieces; the total is a count with no
    // sort and no row handed out, the page (most pieces matching) walks the order's index
    const short = equipmentQuerySql({ search: 'zj' }, dates);
    const shortCount = plan(short.countSql, short.countParams);
    expect(short.countSql).toMatch(/^SELECT count\(\*\)/);
    expect(shortCount).not.toMatch(/TEMP B-TREE|equipment_search/);
    const shortWalk = equipmentQuerySql({ search: 'zj' }, dates, { walk: true });
    const shortPage = plan(`${shortWalk.idsSql} LIMIT ? OFFSET ?`, [...shortWalk.params, 100, 0]);
    expect(shortPage).toMatch(/SCAN e USING (COVERING )?INDEX equipment_(live_)?updated/);
    expect(shortPage).not.toMatch(/TEMP B-TREE|equipment_search/);
    expect(usesSearchIndex('zj')).toBe(false);
    expect(usesSearchIndex('张家港')).toBe(true);
  });

  it('finds one or two characters through the trigrams they begin, and leaves a common one to the LIKE', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    fill(sqlite, 300);
    const plan = (sql: string, params: unknown[]) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    // 成品仓库 B区 and 100%_仓库: inside a value and at its end, where the pad follows
    expect(trigramsStartingWith(sqlite, '仓库')).toEqual(['仓库 ', '仓库\uE000']);
    expect(trigramsStartingWith(sqlite, '门')).toEqual(['门\uE000\uE000']);
    expect(trigramsStartingWith(sqlite, '仓库', 1)).toBeUndefined();
    expect(trigramsStartingWith(sqlite, '没有')).toEqual([]);
    // a digit begins more trigrams than are worth listing: the LIKE, whose count stops at the cap
    expect(trigramsStartingWith(sqlite, '3')).toBeUndefined();
    expect(searchIndexMatch(sqlite, '3')).toBeUndefined();
    expect(searchIndexMatch(sqlite, '没有')).toEqual({ match: null });
    expect(searchIndexMatch(sqlite, '东\uE000')).toBeUndefined();
    expect(MAX_PREFIX_TERMS).toBeGreaterThan(2);
    for (const search of ['仓库', '门', '车间']) {
      const index = searchIndexMatch(sqlite, search)!;
      expect(index.match).toMatch(/^"/);
      for (const countLimit of [undefined, 101]) {
        const q = equipmentQuerySql({ search }, dates, { index, countLimit });
        const count = plan(q.countSql, q.countParams);
        expect(count).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
        expect(count).not.toMatch(/SCAN e\b/);
      }
      const q = equipmentQuerySql({ search }, dates, { index });
      const ids = plan(`${q.idsSql} LIMIT ? OFFSET ?`, [...q.params, 100, 0]);
      expect(ids).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
      expect(ids).not.toMatch(/SCAN e\b/);
    }
    // no piece's codes or location hold it: only the units are asked
    const none = equipmentQuerySql({ search: '没有' }, dates, { index: { match: null } });
    expect(plan(none.countSql, none.countParams)).not.toMatch(/SCAN e\b|equipment_search/);
    expect(await t.ok('equipment.query', { search: '没有', startRow: 0, endRow: 100 })).toMatchObject({ total: 0, rows: [] });
  });

  it('steps past a term to the least text after every text it begins', () => {
    expect(pastPrefix('仓库')).toBe('仓应'); // 库 U+5E93, 应 U+5E94
    expect(pastPrefix('a')).toBe('b');
    expect(pastPrefix('a\uD7FF')).toBe('a\uE000');
    // the last character has no successor: past every term of three characters that begins with it
    expect(pastPrefix('a\u{10FFFF}')).toBe(`a${'\u{10FFFF}'.repeat(4)}`);
  });

  it('counts up to a cap with the trigram index leading, left after the cap, and walks a page without it', async () => {
    t = await districtCore({ now });
    const { sqlite } = t.core.ctx.database;
    const plan = (sql: string, params: unknown[]) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    for (const search of ['苏E0025', 'zjg', '仓库区']) {
      const capped = equipmentQuerySql({ search }, dates, { countLimit: 101 });
      const count = plan(capped.countSql, capped.countParams);
      // the index's entries stream into the join (no list of every match first), each piece read by rowid
      expect(capped.countSql).not.toMatch(/rowid IN \(SELECT rowid FROM equipment_search/);
      expect(count).toMatch(/SCAN s VIRTUAL TABLE INDEX \d+:M[^\n]*\nSEARCH e USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(count).toMatch(/SEARCH c USING PRIMARY KEY \(unit_id=\?\)/);
      expect(count).not.toMatch(/SCAN e\b|TEMP B-TREE/);
      // with a date filter the matching units' pieces come from the unit index, also up to the cap
      const byDate = equipmentQuerySql({ search, inspection: 'overdue' }, dates, { countLimit: 101 });
      const byDatePlan = plan(byDate.countSql, byDate.countParams);
      expect(byDatePlan).toMatch(/SEARCH e USING COVERING INDEX equipment_unit \(unit_id=\?\)/);
      expect(byDatePlan).not.toMatch(/SCAN e\b|TEMP B-TREE/);
      // a walked page checks each row's own columns: the trigram index is not read at all
      const walk = equipmentQuerySql({ search }, dates, { walk: true });
      expect(plan(`${walk.idsSql} LIMIT ? OFFSET ?`, [...walk.params, 100, 0])).not.toMatch(/equipment_search|VIRTUAL TABLE/);
    }
    // two characters: the same count as uncapped, stopped by LIMIT, no sort
    const short = equipmentQuerySql({ search: 'zj' }, dates, { countLimit: 101 });
    expect(short.countSql).toMatch(/^SELECT count\(\*\) AS n, count\(\*\) >= \? AS capped FROM \(SELECT 1 FROM equipment e WHERE .* LIMIT \?\)$/);
    expect(plan(short.countSql, short.countParams)).not.toMatch(/TEMP B-TREE|equipment_search/);
    // a date filter alone is not capped: its range of the date index, counted whole
    const overdue = equipmentQuerySql({ inspection: 'overdue' }, dates, { countLimit: 101 });
    expect(overdue.countSql).not.toMatch(/LIMIT/);
    expect(plan(overdue.countSql, overdue.countParams)).toMatch(/SEARCH e USING COVERING INDEX equipment_live_next/);
  });
});
