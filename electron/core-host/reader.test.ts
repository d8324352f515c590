import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../scripts/sample-data/generate.ts';
import { insertModel } from '../../scripts/sample-data/insert.ts';
import { districtCore, type TestCore } from '../../tests/support/core.ts';
import type { CallName } from '../api/contract.ts';
import type { OpenedCore } from '../core/open-core.ts';
import { openReaderCore } from './open-reader.ts';
import { readerCalls } from './routing.ts';

// Every call routing.ts sends to the reader must work on a read-only connection and
// answer exactly what the writer answers: a call that writes (a lazily stored default,
// an audit line on reading) fails here with SQLite's read-only error.

let t: TestCore;
let reader: OpenedCore | null = null;
afterEach(() => {
  reader?.close();
  reader = null;
  t?.cleanup();
});

/** Inputs that reach the SQL (an id that exists, a filter); the rest take their defaults. */
function inputsFor(unitId: string): Partial<Record<CallName, unknown>> {
  return {
    'units.get': { id: unitId },
    'units.query': { search: '机械', sort: [{ colId: 'name', sort: 'asc' }] },
    'equipment.query': { filter: { status: ['in_use'] } },
    'blocks.get': { id: 'no-such-block' },
    'grid.export': { grid: 'units', filter: {}, columns: [{ colId: 'name', header: '单位名称' }] },
  };
}

// xlsx files carry their creation time: the same rows, written a moment apart, differ in bytes
const carriesTime = new Set<CallName>(['grid.export', 'lists.exportXlsx']);

describe('the reader core', () => {
  it('answers every read-routed call on a read-only connection exactly as the writer does', async () => {
    t = await districtCore();
    const identity = (await t.ok('node.get', {}))!;
    const inserted = insertModel(t.core.ctx.database.sqlite, generateDistrict({ seed: 11, units: 40 }), { nodeId: identity.id, districtId: 'seed-district-03' });
    const inputs = inputsFor(inserted.unitIds[0]!);
    reader = openReaderCore({ file: t.file, host: 'test' });

    const needsWriter: string[] = [];
    for (const name of readerCalls) {
      const input = inputs[name] ?? {};
      // the reader first: a read that writes must not be helped by the writer having written;
      // one that needs derived data written first (stale risk scores) says so, for the host
      // to ask the writer, and once the writer has written the reader answers like it
      let read = await reader.callByName(name, input);
      if (!read.ok && read.code === 'NEEDS_WRITER') {
        needsWriter.push(name);
        await t.core.callByName(name, input);
        read = await reader.callByName(name, input);
      }
      const written = await t.core.callByName(name, input);
      expect(read.ok || read.code, name).not.toBe('INTERNAL');
      if (carriesTime.has(name)) expect(read.ok, name).toBe(written.ok);
      else expect(read, name).toEqual(written);
    }
    expect(await reader.callByName('stats.get', {})).toMatchObject({ ok: true, value: { units: inserted.units, equipment: inserted.equipment } });
    // the 40 units were inserted unscored: the first read showing risk levels needed the writer
    expect(needsWriter[0]).toBeDefined();
  }, 120_000);

  it('cannot write, whatever it is asked', async () => {
    t = await districtCore();
    reader = openReaderCore({ file: t.file, host: 'test' });
    const result = await reader.callByName('units.create', { districtId: 'seed-district-03', name: '只读连接上的单位', uscc: '91320582MA1M7B3X2W' });
    // refused by SQLite's read-only connection, answered so that the host asks the writer
    expect(result).toMatchObject({ ok: false, code: 'NEEDS_WRITER' });
    expect(await t.ok('stats.get', {})).toMatchObject({ units: 0 });
  });
});
