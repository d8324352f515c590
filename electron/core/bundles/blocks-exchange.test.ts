import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import type { ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';

// 块 and 链 travel in bundles like the ledger: an office makes a block with its
// members, inspector and supervisor; the bureau imports the bundle and holds the
// same rows, byte for byte; later changes (a member leaving, a dissolution) follow.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 7, units: 12 }), { nodeId: office.id, districtId: 'seed-district-03' });
});
afterEach(() => net.cleanup());

const tables = ['blocks', 'block_members', 'inspectors', 'block_inspectors', 'block_supervisors'] as const;

describe('blocks in bundles', () => {
  it('carries blocks, members, inspectors and their links to the bureau, and later changes too', async () => {
    const units = (await office.ok('units.query', { startRow: 0, endRow: 12, sort: [{ colId: 'name', sort: 'asc' }] })).rows;
    const members = units.slice(0, 6).map((u) => u.id);
    const chen = await office.ok('inspectors.save', { name: '陈监察', enforcementNo: 'JS3205820001', phone: '0512-58123456' });
    const managers = await office.ok('blocks.managers', { unitIds: members });
    expect(managers.length).toBeGreaterThan(0);
    const block = await office.ok('blocks.save', {
      name: '塘桥第1组',
      memberUnitIds: members,
      leadUnitId: members[0],
      inspectorIds: [chen.id],
      supervisorManagerIds: [managers[0]!.managerId],
      schedule: '每月',
    });
    const other = await office.ok('blocks.save', { name: '塘桥第2组', memberUnitIds: units.slice(6, 11).map((u) => u.id) });

    const first = await net.send(office, bureau);
    expect(first.rowCounts).toMatchObject({ blocks: 2, block_members: 11, inspectors: 1, block_inspectors: 1, block_supervisors: 1 });
    expect(first.imported.changes['block_members']).toEqual({ inserted: 11, updated: 0, deleted: 0, unchanged: 0 });
    for (const table of tables) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));

    // the bureau reads the office's blocks city-wide, and may not change them
    const seen = await bureau.ok('blocks.list', {});
    expect(seen.blocks.map((b) => [b.name, b.members.length, b.editable])).toEqual([
      ['塘桥第1组', 6, false],
      ['塘桥第2组', 5, false],
    ]);
    expect(seen.blocks[0]!.inspectors.map((i) => i.name)).toEqual(['陈监察']);

    // a member moves from one block to the other; the second block is later dissolved
    await office.ok('blocks.save', { id: block.id, version: block.version, name: '塘桥第1组', memberUnitIds: members.slice(0, 5), leadUnitId: members[0], inspectorIds: [chen.id], leaveReason: '并入第2组' });
    const moved = await office.ok('blocks.save', { id: other.id, version: other.version, name: '塘桥第2组', memberUnitIds: [...units.slice(6, 11).map((u) => u.id), members[5]!] });
    const second = await net.send(office, bureau);
    // one member row ended and one started; the supervisor (of a unit still in) was taken off by the edit
    expect(second.imported.changes['block_members']).toEqual({ inserted: 1, updated: 1, deleted: 0, unchanged: 0 });
    expect(second.imported.changes['block_supervisors']).toEqual({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
    for (const table of tables) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));

    await office.ok('blocks.dissolve', { id: moved.id, version: moved.version, reason: '重新编组' });
    await net.send(office, bureau);
    for (const table of tables) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    const after = await bureau.ok('blocks.list', { includeDissolved: true });
    expect(after.blocks.map((b) => [b.name, b.members.length, b.dissolvedReason])).toEqual([
      ['塘桥第1组', 5, null],
      ['塘桥第2组', 6, '重新编组'],
    ]);
    const history = await bureau.ok('blocks.get', { id: block.id });
    expect(history.history.find((e) => e.kind === 'left')).toMatchObject({ reason: '并入第2组' });
  });
});
