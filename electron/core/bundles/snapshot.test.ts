import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { readSealedSync } from '../files/sealed-file.ts';
import { insertPieces, insertUnit } from '../registry/testing/fixtures.ts';
import { takeSnapshot } from './snapshot.ts';

// The snapshot writes most tables' rows as JSON lines built by SQLite's json_object
// (text columns) plus the other columns from JS: every value must come out exactly
// as SELECT * gives it — awkward text, REAL numbers, integers, NULLs.

let t: TestCore;
afterEach(() => t?.cleanup());

describe('bundle snapshot', () => {
  it('writes every row with exactly the values the database holds', async () => {
    t = await districtCore({});
    const { sqlite } = t.core.ctx.database;
    const awkward = '引号"反斜杠\\换行\n制表\t控制\u0001表情😀 终';
    const unit = insertUnit(sqlite, { name: awkward, address: null as unknown as string });
    const pieces = insertPieces(sqlite, unit, 3, { location: awkward, extra: { 维保单位: '维保"甲"' } });
    // an INTEGER column holding a REAL, and a REAL column with a value that needs 17 digits
    sqlite.prepare('UPDATE equipment SET version = 2.5 WHERE id = ?').run(pieces[0]);
    sqlite
      .prepare("INSERT INTO training_sessions (id, origin_node, created_at, updated_at, title, start_date, hours) VALUES ('s1', 'test', 'a', 'a', ?, '2026-01-01', ?)")
      .run(awkward, 0.1 + 0.2);
    sqlite.prepare("INSERT INTO training_sessions (id, origin_node, created_at, updated_at, title, start_date, hours) VALUES ('s2', 'test', 'a', 'a', 'x', '2026-01-01', NULL)").run();

    const tables = ['units', 'equipment', 'training_sessions'] as const;
    const snapshot = takeSnapshot(sqlite, { nodeId: 'test', tables, sinceChangeSeq: null }, t.dir);
    try {
      for (const [i, table] of tables.entries()) {
        const text = Buffer.concat([...readSealedSync(snapshot.tables[i]!.file)]).toString('utf8');
        const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
        const rows = sqlite.prepare(`SELECT * FROM ${table} WHERE origin_node = 'test' ORDER BY id`).all();
        expect(rows.length).toBeGreaterThan(0);
        expect(snapshot.tables[i]!.rows).toBe(rows.length);
        expect(lines).toEqual(rows);
      }
      expect(text(snapshot, 2)).toContain(String(0.1 + 0.2));
    } finally {
      snapshot.dispose();
    }
  });

  it('keeps every row whole across the 1 MiB buffers it encodes into, and a row larger than one buffer', async () => {
    t = await districtCore({});
    const { sqlite } = t.core.ctx.database;
    const unit = insertUnit(sqlite, { name: '大行单位' });
    // 3-byte characters, rows of ~6 KB: a buffer fills mid-row many times over
    const pieces = insertPieces(sqlite, unit, 400, { location: '仓'.repeat(2000) + '😀' });
    // one row of ~1.5 MB, beyond a whole buffer
    sqlite.prepare('UPDATE equipment SET location = ? WHERE id = ?').run('库'.repeat(500_000), pieces[7]);

    const snapshot = takeSnapshot(sqlite, { nodeId: 'test', tables: ['equipment'], sinceChangeSeq: null }, t.dir);
    try {
      expect(snapshot.tables[0]!.file.size).toBeGreaterThan(3 << 20);
      const lines = text(snapshot, 0).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual(sqlite.prepare("SELECT * FROM equipment WHERE origin_node = 'test' ORDER BY id").all());
    } finally {
      snapshot.dispose();
    }
  });
});

function text(snapshot: ReturnType<typeof takeSnapshot>, i: number): string {
  return Buffer.concat([...readSealedSync(snapshot.tables[i]!.file)]).toString('utf8');
}
