import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { craftBundle, dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { tableEntry } from './format/ndjson.ts';
import { derivedAgainstRebuild } from '../ledger/testing/derived-check.ts';
import { BULK_MERGE_MIN_ROWS } from './merge.ts';

// A bundle with many pieces (a district's snapshot) inserts its new pieces through the ledger's
// bulk path: the per-row triggers of the search index, counts and risk marks step aside and
// the same rows are written with one statement each. After a full bundle and after an
// incremental one that mixes new pieces with edits and deletions of pieces already merged, the
// derived data must equal a full rebuild from the pieces, and every unit with new pieces must
// be marked for the risk refresh.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

const exportFrom = (name: string) => office.ok('bundles.export', { outFile: path.join(office.dir, name) });
const importInto = async (file: string) => (await bureau.ok('bundles.import', { paths: [file] }))[0]!;
const addDistrictPieces = (seed: number) =>
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed, units: 40 }), { nodeId: office.id, districtId: 'seed-district-03' });

/** The derived data as a rebuild makes it, and the units of `pieces` (the ones just merged) marked for the risk refresh. */
function expectDerivedAsRebuilt(node: ExchangeNode, pieces: string[]): void {
  const sqlite = node.core.ctx.database.sqlite;
  const state = derivedAgainstRebuild(sqlite);
  expect(state.kept).toEqual(state.rebuilt);
  expect(state.searchEntries).toBeGreaterThan(0);
  const unmarked = sqlite.prepare('SELECT DISTINCT unit_id FROM equipment WHERE id IN (SELECT value FROM json_each(?)) EXCEPT SELECT unit_id FROM risk_dirty').all(JSON.stringify(pieces));
  expect(unmarked).toEqual([]);
}

describe('bundle merge of many pieces', () => {
  it('leaves the search index, counts and risk marks as a full rebuild after a full and an incremental bundle', async () => {
    const first = addDistrictPieces(7);
    expect(first.equipment).toBeGreaterThanOrEqual(BULK_MERGE_MIN_ROWS);
    const full = await importInto((await exportFrom('a.qklb')).file);
    expect(full.status).toBe('imported');
    expect(full.changes['equipment']?.inserted).toBe(first.equipment);
    const osql = office.core.ctx.database.sqlite;
    const merged = osql.prepare<[], string>('SELECT id FROM equipment ORDER BY id').pluck().all();
    expectDerivedAsRebuilt(bureau, merged);

    // new pieces of new units, and edits of merged pieces that move counts, dates and index entries
    const second = addDistrictPieces(8);
    const now = new Date().toISOString();
    osql
      .prepare(
        `UPDATE equipment SET location = location || '·新址', status = 'stopped', next_inspection_date = '2031-01-01', version = version + 1, updated_at = ?
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(now, JSON.stringify(merged.slice(0, 30)));
    osql.prepare('UPDATE equipment SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(now, now, JSON.stringify(merged.slice(-7)));
    bureau.core.ctx.database.sqlite.exec('DELETE FROM risk_dirty');
    const incremental = await importInto((await exportFrom('b.qklb')).file);
    expect(incremental.status).toBe('imported');
    expect(incremental.full).toBe(false);
    expect(incremental.changes['equipment']).toMatchObject({ inserted: second.equipment, updated: 30, deleted: 7 });
    const added = osql.prepare<[string], string>('SELECT id FROM equipment WHERE id NOT IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(merged));
    expect(added).toHaveLength(second.equipment);
    expectDerivedAsRebuilt(bureau, [...added, ...merged.slice(0, 30), ...merged.slice(-7)]);
    // the rows themselves are the office's
    expect(rowsFrom(bureau, 'equipment', office.id)).toBe(rowsFrom(office, 'equipment', office.id));
    // importing it again changes nothing
    const digest = dataDigest(bureau);
    expect((await importInto(path.join(office.dir, 'b.qklb'))).status).toBe('already-imported');
    expect(dataDigest(bureau)).toBe(digest);
  }, 60_000);

  it('refuses an entry that names a piece twice, with nothing changed', async () => {
    addDistrictPieces(7);
    const osql = office.core.ctx.database.sqlite;
    const units = osql.prepare<[], Record<string, unknown>>('SELECT * FROM units ORDER BY id').all();
    const pieces = osql.prepare<[], Record<string, unknown>>('SELECT * FROM equipment ORDER BY id').all();
    expect(pieces.length).toBeGreaterThanOrEqual(BULK_MERGE_MIN_ROWS);
    // the same piece again later in the entry, with a higher version and another status
    const twice = [...pieces, { ...pieces[3]!, version: Number(pieces[3]!['version']) + 1, status: 'scrapped' }];
    const file = await craftBundle(office, bureau, path.join(office.dir, 'twice.qklb'), [tableEntry('units', units, units.length), tableEntry('equipment', twice, twice.length)]);
    const before = dataDigest(bureau);
    const result = await importInto(file);
    expect(result).toMatchObject({ status: 'refused', reason: 'malformed' });
    expect(result.message).toContain('出现了两次');
    expect(dataDigest(bureau)).toBe(before);
    expect(bureau.core.ctx.database.sqlite.prepare('SELECT * FROM equipment_bulk_insert').all()).toEqual([]);
  }, 60_000);
});
