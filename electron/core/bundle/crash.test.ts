import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { dataDigest, exchangeNode, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';

// DESIGN.md property 5 under the worst case: the importing process is killed while
// its transaction is being written. SQLite's journal must bring the database back
// to exactly where it was; a later import then goes through.

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

const walSize = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

describe('an import killed half-way', () => {
  it('leaves the bureau database as it was', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    let bureau = await exchangeNode('bureau', '市局');
    nodes.push(office);
    await trustEachOther(office, bureau);
    insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 11, units: 1200 }), { nodeId: office.id, districtId: 'seed-district-03' });
    const bundle = await office.ok('bundles.export', { outFile: path.join(office.dir, 'big.qklb') });
    expect(bundle.rowCounts['equipment']).toBeGreaterThan(15_000);

    bureau.close();
    const reopen = { file: bureau.file, dir: bureau.dir };
    const before = await exchangeNode('bureau', '市局', null, reopen);
    const digest = dataDigest(before);
    before.close();
    const walBefore = walSize(reopen.file);

    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'import-bundle', '--db', reopen.file, bundle.file], {
      env: { ...process.env, QKL_PASSPHRASE: PASSPHRASE },
      stdio: 'ignore',
    });
    // the rows are being written once the WAL grows well past what opening the database writes
    const killed = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const poll = setInterval(() => {
        if (walSize(reopen.file) > walBefore + 4 * 1024 * 1024) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 2);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        resolve({ code, signal });
      });
    });
    expect(killed.signal, 'the import finished before it could be killed: make the bundle bigger').toBe('SIGKILL');

    bureau = await exchangeNode('bureau', '市局', null, reopen);
    nodes.push(bureau);
    expect((bureau.core.ctx.database.sqlite.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    expect(dataDigest(bureau)).toBe(digest);
    const [result] = await bureau.ok('bundles.import', { paths: [bundle.file] });
    expect(result!.status).toBe('imported');
    expect(result!.changes['equipment']!.inserted).toBe(bundle.rowCounts['equipment']);
  }, 180_000);
});
