import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { PASSPHRASE } from '../../../tests/support/exchange.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { insertPieces, insertUnit } from '../../core/registry/testing/fixtures.ts';
import { openCore } from '../../core/open-core.ts';

// The exchange as the bureau scripts it: init, keys export/trust, export-bundle,
// import-bundle --json, receipts. The JSON fields are a product interface.

const t = tempDir();
const office = t.file('塘桥.sqlite');
const bureau = t.file('市局.sqlite');
const saved = process.env['QKL_PASSPHRASE'];

beforeAll(async () => {
  process.env['QKL_PASSPHRASE'] = PASSPHRASE;
  expect((await qkl('init', '--db', office, '--role', 'district', '--name', '塘桥分局')).code).toBe(0);
  expect((await qkl('init', '--db', bureau, '--role', 'bureau', '--name', '张家港市市场监督管理局')).code).toBe(0);
  expect((await qkl('keys', 'export', '--db', office, '--out', t.file('塘桥.pub'))).code).toBe(0);
  expect((await qkl('keys', 'export', '--db', bureau, '--out', t.file('市局.pub'))).code).toBe(0);
  expect((await qkl('keys', 'trust', '--db', office, t.file('市局.pub'))).code).toBe(0);
  expect((await qkl('keys', 'trust', '--db', bureau, t.file('塘桥.pub'))).code).toBe(0);
  const core = openCore({ file: office, host: 'test' });
  const { sqlite } = core.ctx.database;
  insertPieces(sqlite, insertUnit(sqlite, { name: '张家港市塘桥甲机械有限公司', uscc: '91330100716105852F' }), 21);
  // the fixtures write rows of a node called "test": make them this office's own
  const self = (sqlite.prepare('SELECT id FROM node_identity').get() as { id: string }).id;
  for (const table of ['units', 'equipment']) sqlite.prepare(`UPDATE ${table} SET origin_node = ?`).run(self);
  core.close();
}, 120_000);
afterAll(() => {
  if (saved === undefined) delete process.env['QKL_PASSPHRASE'];
  else process.env['QKL_PASSPHRASE'] = saved;
  t.cleanup();
});

describe('qkl export-bundle / import-bundle', { timeout: 90_000 }, () => {
  it('exchanges a bundle, reports a replay as already imported, and refuses a damaged copy with exit 1', async () => {
    const bundle = t.file('塘桥-0001.qklb');
    const exported = await qkl('export-bundle', '--db', office, '--out', bundle, '--json');
    expect(exported.code, exported.err).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ sequence: 1, full: true, rowCounts: { units: 1, equipment: 21 } });

    const dry = await qkl('import-bundle', '--db', bureau, bundle, '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toMatchObject({ status: 'dry-run', sequence: 1, changes: { units: { inserted: 1 }, equipment: { inserted: 21 } } });
    // the text report names tables in the words of the exchange page (the contract's label list)
    const dryText = await qkl('import-bundle', '--db', bureau, bundle, '--dry-run');
    expect(dryText.out).toContain('使用单位：新增 1，更新 0，删除 0，未变 0');
    expect(dryText.out).toContain('特种设备：新增 21，更新 0，删除 0，未变 0');

    const imported = await qkl('import-bundle', '--db', bureau, bundle, '--json');
    expect(imported.code, imported.err).toBe(0);
    const json = JSON.parse(imported.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['status', 'node', 'sequence', 'changes', 'reason', 'message']));
    expect(json).toMatchObject({ status: 'imported', node: { name: '塘桥分局' }, sequence: 1, reason: null, changes: { equipment: { inserted: 21, updated: 0, deleted: 0 } } });

    const again = await qkl('import-bundle', '--db', bureau, bundle, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).status).toBe('already-imported');

    const damaged = t.file('damaged.qklb');
    const bytes = readFileSync(bundle);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 1;
    writeFileSync(damaged, bytes);
    const refused = await qkl('import-bundle', '--db', bureau, damaged, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ status: 'refused', reason: 'corrupt' });
    expect(refused.err).toMatch(/^错误：数据包被拒收/);

    const human = await qkl('import-bundle', '--db', bureau, damaged);
    expect(human.code).toBe(1);
    expect(human.err).toContain('损坏');
  });

  it('writes receipts on the bureau that acknowledge the office bundles', async () => {
    const receipts = await qkl('receipts', 'write', '--db', bureau, '--out', t.dir, '--json');
    expect(receipts.code, receipts.err).toBe(0);
    const [receipt] = JSON.parse(receipts.out).receipts;
    const ack = await qkl('receipts', 'import', '--db', office, receipt.file, '--json');
    expect(ack.code, ack.err).toBe(0);
    expect(JSON.parse(ack.out)).toEqual({ acknowledged: 1, alreadyAcknowledged: 0, unknown: 0 });
  });

  it('needs the passphrase for keys it must unseal', async () => {
    delete process.env['QKL_PASSPHRASE'];
    try {
      const result = await qkl('export-bundle', '--db', office, '--out', t.file('x.qklb'));
      expect(result.code).toBe(1);
      expect(result.err).toContain('QKL_PASSPHRASE');
    } finally {
      process.env['QKL_PASSPHRASE'] = PASSPHRASE;
    }
  });
});
