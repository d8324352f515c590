import { afterEach, describe, expect, it } from 'vitest';
import { districtCore, type TestCore } from '../../../tests/support/core.ts';
import { syncedTables } from './sync-tables.ts';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('synced tables', () => {
  it('are exactly the tables with an origin_node column, each with both change-log triggers', async () => {
    t = await districtCore();
    const sqlite = t.core.ctx.database.sqlite;
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    const withOrigin = tables.filter((name) => (sqlite.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).some((c) => c.name === 'origin_node'));
    expect([...withOrigin].sort()).toEqual([...syncedTables].sort());
    const triggers = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>).map((r) => r.name));
    for (const table of syncedTables) {
      expect(triggers.has(`${table}_sync_insert`), table).toBe(true);
      expect(triggers.has(`${table}_sync_update`), table).toBe(true);
    }
  });

  it('log every change of the node’s own rows, newest last, and none of other nodes’ rows', async () => {
    t = await districtCore();
    const sqlite = t.core.ctx.database.sqlite;
    const self = (await t.ok('node.get', {}))!.id;
    const changes = () => sqlite.prepare("SELECT seq, table_name AS t, row_id AS id FROM sync_changes WHERE table_name = 'units' ORDER BY seq").all() as Array<{ seq: number; t: string; id: string }>;
    const now = new Date().toISOString();
    sqlite.prepare('INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, ?, ?, ?, ?, ?)').run('u-own', self, now, now, 'seed-district-03', '自有单位', 'A');
    sqlite.prepare('INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, ?, ?, ?, ?, ?)').run('u-other', 'other-node', now, now, 'seed-district-03', '他人单位', 'B');
    sqlite.prepare('INSERT INTO units (id, origin_node, created_at, updated_at, district_id, name, uscc) VALUES (?, ?, ?, ?, ?, ?, ?)').run('u-own-2', self, now, now, 'seed-district-03', '自有单位二', 'C');
    const first = changes().filter((c) => c.id.startsWith('u-'));
    expect(first.map((c) => c.id)).toEqual(['u-own', 'u-own-2']);
    sqlite.prepare("UPDATE units SET name = '自有单位（改）', version = version + 1 WHERE id = 'u-own'").run();
    sqlite.prepare("UPDATE units SET name = '他人单位（改）' WHERE id = 'u-other'").run();
    const after = changes().filter((c) => c.id.startsWith('u-'));
    expect(after.map((c) => c.id)).toEqual(['u-own-2', 'u-own']);
    expect(after[1]!.seq).toBeGreaterThan(first[1]!.seq);
  });
});
