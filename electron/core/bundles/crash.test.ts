import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { exited, qklChild } from '../../../tests/support/child.ts';
import { addAttachment, dataDigest, exchangeNode, filesContaining, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';

// The worst case of an import: the importing process is killed while its
// transaction is being written. SQLite's journal must bring the database back to
// exactly where it was, no plaintext of the bundle may be left on disk, the next
// open clears what the run left, and a later import then goes through.

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
    const officeDb = office.core.ctx.database.sqlite;
    const markers = [
      (officeDb.prepare('SELECT name FROM units ORDER BY id LIMIT 1').get() as { name: string }).name,
      (officeDb.prepare('SELECT id_number FROM safety_managers WHERE id_number IS NOT NULL ORDER BY id LIMIT 1').get() as { id_number: string }).id_number,
    ];

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
    // the run's sealed entries are still there, and none of them (nor anything else but the database) holds a row in plaintext
    const work = path.join(reopen.dir, 'work');
    expect(readdirSync(work)).toHaveLength(1);
    expect(readdirSync(work, { recursive: true }).length).toBeGreaterThan(3);
    for (const marker of markers) expect(filesContaining(reopen.dir, marker), marker).toEqual([]);

    bureau = await exchangeNode('bureau', '市局', null, reopen);
    nodes.push(bureau);
    expect(readdirSync(work)).toEqual([]);
    expect((bureau.core.ctx.database.sqlite.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    expect(dataDigest(bureau)).toBe(digest);
    const [result] = await bureau.ok('bundles.import', { paths: [bundle.file] });
    expect(result!.status).toBe('imported');
    expect(result!.changes['equipment']!.inserted).toBe(bundle.rowCounts['equipment']);
  }, 180_000);
});

describe('an import killed after its attachment files reached the store', () => {
  it('leaves no file of it in the store once the core opens again', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    let bureau = await exchangeNode('bureau', '市局');
    nodes.push(office);
    await trustEachOther(office, bureau);
    const sha = addAttachment(office, Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(50_000)]), '使用登记证.pdf');
    const bundle = await office.ok('bundles.export', { outFile: path.join(office.dir, 'a.qklb') });
    bureau.close();
    const reopen = { file: bureau.file, dir: bureau.dir };
    const stored = path.join(reopen.dir, 'attachments', sha.slice(0, 2), sha);

    const killed = await exited(qklChild(['import-bundle', '--db', reopen.file, bundle.file], { QKL_CRASH_AT: 'import:stored' }));
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(stored), 'the crash point is after the store').toBe(true);

    bureau = await exchangeNode('bureau', '市局', null, reopen);
    nodes.push(bureau);
    expect(existsSync(stored)).toBe(false);
    expect(readdirSync(path.join(reopen.dir, 'work'))).toEqual([]);
    const [result] = await bureau.ok('bundles.import', { paths: [bundle.file] });
    expect(result).toMatchObject({ status: 'imported', files: 1 });
    expect(existsSync(stored)).toBe(true);
  }, 60_000);
});
