import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftBundle, dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import type { EntrySource } from './format/types.ts';

// A decompression bomb signed by an enrolled office: a small bundle whose table
// entry inflates to far more than any real table. Refused while inflating, and
// what reaches the disk stays bounded (measured in the bureau's work folder).

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;
beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

const MiB = 1 << 20;

/** A table entry of ready-made gzip bytes, announcing `rows` rows in the signed manifest. */
function gzipEntry(compressed: Buffer, rows: number): EntrySource {
  return {
    kind: 'table',
    name: 'units',
    rows,
    async *open() {
      yield compressed;
    },
  };
}

/** Imports and samples the size of everything under the bureau's work folder meanwhile. */
async function importSampling(file: string) {
  const work = path.join(bureau.dir, 'work');
  let peak = 0;
  let biggestFile = 0;
  const sample = () => {
    let total = 0;
    try {
      for (const e of readdirSync(work, { recursive: true, withFileTypes: true })) {
        if (!e.isFile()) continue;
        const size = statSync(path.join(e.parentPath, e.name), { throwIfNoEntry: false })?.size ?? 0;
        total += size;
        biggestFile = Math.max(biggestFile, size);
      }
    } catch {
      // the run's folder came or went meanwhile
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 1);
  try {
    const [result] = await bureau.ok('bundles.import', { paths: [file] });
    return { result: result!, peak, biggestFile };
  } finally {
    clearInterval(timer);
  }
}

describe('a decompression bomb in a signed bundle', () => {
  it('is refused while inflating, with the bytes written bounded', async () => {
    // 100 MiB of 1 MiB rows, ~100 KB compressed; the manifest (signed by the bomber) claims rows enough
    const line = Buffer.from(`{"id":"${'a'.repeat(MiB - 12)}"}\n`);
    const compressed = gzipSync(Buffer.alloc(100 * MiB, line), { level: 9 });
    expect(compressed.length).toBeLessThan(MiB);
    const file = await craftBundle(office, bureau, path.join(office.dir, 'bomb.qklb'), [gzipEntry(compressed, 1_000_000)]);
    expect(statSync(file).size).toBeLessThan(MiB);
    const before = dataDigest(bureau);

    const { result, peak, biggestFile } = await importSampling(file);
    expect(result).toMatchObject({ status: 'refused', reason: 'inflate-limit', message: expect.stringContaining('数据表“使用单位”解压后超过') });
    const cap = compressed.length * 100 + MiB;
    expect(peak, 'the sampler saw the work folder').toBeGreaterThan(0);
    expect(biggestFile).toBeLessThan(cap * 1.1);
    expect(peak).toBeLessThan(cap * 1.1 + 2 * MiB);
    expect(peak).toBeLessThan(20 * MiB);
    expect(dataDigest(bureau)).toBe(before);
    expect(readdirSync(path.join(bureau.dir, 'work'))).toEqual([]);
  });

  it('refuses a row longer than any row can be, and more rows than the manifest signs, before inflating on', async () => {
    // text that compresses like real data (no ratio alarm), in one endless line
    const endless = Buffer.from(randomBytes(12 * MiB).toString('base64').slice(0, 12 * MiB));
    const oneLine = await craftBundle(office, bureau, path.join(office.dir, 'line.qklb'), [gzipEntry(gzipSync(endless), 1)]);
    const long = await importSampling(oneLine);
    expect(long.result).toMatchObject({ status: 'refused', reason: 'malformed', message: expect.stringContaining('第 1 行过长') });
    expect(long.biggestFile).toBeLessThan(10 * MiB);

    const many = await craftBundle(office, bureau, path.join(office.dir, 'many.qklb'), [gzipEntry(gzipSync(Buffer.alloc(64 * MiB, '{}\n')), 10)]);
    const lines = await importSampling(many);
    expect(lines.result).toMatchObject({ status: 'refused', reason: 'malformed', message: expect.stringContaining('多于签名清单所列的 10 行') });
    expect(lines.peak).toBeLessThan(4 * MiB);
  });
});
