import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { exited, qklChild } from '../../../tests/support/child.ts';
import { exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';

// What the next open does with an export killed after the sent log recorded it,
// when the bundle could not simply be given its name: another file took the name
// meanwhile (the bundle is withdrawn, its number freed), or the folder is not
// there (a USB stick pulled out: decided at a later open).

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

async function killedAfterRecording() {
  const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  const bureau = await exchangeNode('bureau', '市局');
  nodes.push(bureau);
  await trustEachOther(office, bureau);
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 9, units: 3 }), { nodeId: office.id, districtId: 'seed-district-03' });
  office.close();
  const out = path.join(office.dir, 'stick');
  const result = await exited(qklChild(['export-bundle', '--db', office.file, '--out', path.join(out, 'a.qklb')], { QKL_CRASH_AT: 'export:recorded' }));
  expect(result.signal).toBe('SIGKILL');
  expect(listing(out)).toEqual([expect.stringMatching(/^a\.qklb\.[0-9a-f]{8}\.part$/)]);
  return { office, bureau, out };
}

const reopen = async (node: ExchangeNode) => {
  const again = await exchangeNode('district', '塘桥分局', 'seed-district-03', { file: node.file, dir: node.dir });
  nodes.push(again);
  return again;
};

describe('a recorded export that never got its name', () => {
  it('is withdrawn when another file took the name, and its number is used again', async () => {
    const { office, bureau, out } = await killedAfterRecording();
    writeFileSync(path.join(out, 'a.qklb'), '别人的文件');
    const again = await reopen(office);
    expect(listing(out)).toEqual(['a.qklb']);
    expect(readFileSync(path.join(out, 'a.qklb'), 'utf8')).toBe('别人的文件');
    expect(await again.ok('bundles.sent', {})).toEqual([]);
    const audit = again.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'bundles.export' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ status: 'withdrawn', reason: 'name-taken' });

    const next = await again.ok('bundles.export', { outFile: path.join(out, 'b.qklb') });
    expect(next.sequence).toBe(1);
    expect((await bureau.ok('bundles.import', { paths: [next.file] }))[0]).toMatchObject({ status: 'imported', sequence: 1 });
  }, 60_000);

  it('waits for its folder when the USB stick is not plugged in, and finishes once it is', async () => {
    const { office, bureau, out } = await killedAfterRecording();
    const pulled = `${out}-pulled`;
    renameSync(out, pulled);
    let again = await reopen(office);
    expect(listing(path.join(office.dir, 'work'))).toHaveLength(1);
    // the number stays taken meanwhile: no second bundle 1 can be made
    expect((await again.ok('bundles.sent', {})).map((s) => s.sequence)).toEqual([1]);
    again.close();

    renameSync(pulled, out);
    again = await reopen(office);
    expect(listing(out)).toEqual(['a.qklb']);
    expect(listing(path.join(office.dir, 'work'))).toEqual([]);
    expect((await bureau.ok('bundles.import', { paths: [path.join(out, 'a.qklb')] }))[0]).toMatchObject({ status: 'imported', sequence: 1 });
  }, 60_000);
});

describe('an export that cannot write its file', () => {
  it('says so, leaves nothing and uses no number', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    const bureau = await exchangeNode('bureau', '市局');
    nodes.push(office, bureau);
    await trustEachOther(office, bureau);
    const notAFolder = path.join(office.dir, 'stick');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const failed = await office.refused('bundles.export', { outFile: path.join(notAFolder, 'a.qklb') });
    expect(failed).toMatchObject({ code: 'WRITE_FAILED', message: expect.stringContaining('数据包未导出') });
    expect(failed.message).not.toContain('程序内部错误');
    expect(await office.ok('bundles.sent', {})).toEqual([]);
    expect(listing(path.join(office.dir, 'work'))).toEqual([]);
  });
});
