import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { dataDigest, exchangeNode, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { JobBoard } from '../jobs/job-board.ts';
import { cancelledInWriteMessage, JobRegistry } from '../jobs/job-registry.ts';

// 取消 while a bundle's rows are being written: the merge reports progress inside its
// transaction and looks at the cancel flag there, so the write is rolled back and the
// bureau's data is exactly as before. In the desktop app the flag is raised by the
// host's thread while the core's thread writes; here the board raises it itself at
// the first progress report of the write, which is the same moment seen from the core.

/** A job board whose user presses 取消 as soon as the write phase reports rows. */
class CancelDuringWrite extends JobBoard {
  writing = false;
  reports: number[] = [];
  constructor(private readonly jobId: string) {
    super();
  }
  override phase(slot: number, label: string, total: number | null): void {
    super.phase(slot, label, total);
    this.writing = label === '写入数据库';
  }
  override advance(slot: number, done: number): void {
    super.advance(slot, done);
    if (!this.writing) return;
    this.reports.push(done);
    this.requestCancel(this.jobId);
  }
}

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

describe('cancelling a bundle import during its write', () => {
  it('rolls the whole write back, says so, and a later import goes through', async () => {
    const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    const bureau = await exchangeNode('bureau', '市局');
    nodes.push(office, bureau);
    await trustEachOther(office, bureau);
    insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 5, units: 60 }), { nodeId: office.id, districtId: 'seed-district-03' });
    const bundle = await office.ok('bundles.export', { outFile: path.join(office.dir, 'out', 'tangqiao.qklb') });
    expect(bundle.rowCounts['equipment']).toBeGreaterThan(1000);
    const digest = dataDigest(bureau);

    const board = new CancelDuringWrite('job-cancel-write');
    const jobs = bureau.core.ctx.jobs;
    (bureau.core.ctx as { jobs: JobRegistry }).jobs = new JobRegistry(board);
    const result = await bureau.core.call('bundles.import', { paths: [bundle.file], passphrase: PASSPHRASE, jobId: 'job-cancel-write' });
    (bureau.core.ctx as { jobs: JobRegistry }).jobs = jobs;

    expect(result).toMatchObject({ ok: false, code: 'CANCELLED', message: cancelledInWriteMessage });
    // cancelled at the first report, 500 rows into the write
    expect(board.reports).toEqual([500]);
    expect(board.progress('job-cancel-write')).toMatchObject({ state: 'cancelled' });
    expect(dataDigest(bureau)).toBe(digest);
    expect(await bureau.ok('bundles.received', {})).toEqual([]);

    const [imported] = await bureau.ok('bundles.import', { paths: [bundle.file], passphrase: PASSPHRASE });
    expect(imported).toMatchObject({ status: 'imported' });
    expect(dataDigest(bureau)).not.toBe(digest);
  }, 120_000);
});
