import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { exited, killWhen, qklChild } from '../../../tests/support/child.ts';
import { exchangeNode, filesContaining, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';

// An export never forks the chain: a bundle under its final name is always in the
// sent log, a failed or killed export leaves none behind (or finishes it at the
// next open), and no sequence number is used twice. Shown with real `qkl`
// processes killed with SIGKILL, a database locked by another connection, and two
// exports racing on one database.

const nodes: ExchangeNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

async function setup(units: number) {
  const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  const bureau = await exchangeNode('bureau', '市局');
  nodes.push(bureau);
  await trustEachOther(office, bureau);
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 3, units }), { nodeId: office.id, districtId: 'seed-district-03' });
  const sqlite = office.core.ctx.database.sqlite;
  const markers = [
    (sqlite.prepare('SELECT name FROM units ORDER BY id LIMIT 1').get() as { name: string }).name,
    (sqlite.prepare('SELECT id_number FROM safety_managers WHERE id_number IS NOT NULL ORDER BY id LIMIT 1').get() as { id_number: string }).id_number,
  ];
  const out = path.join(office.dir, 'out');
  return { office, bureau, markers, out };
}

const reopen = async (node: ExchangeNode) => {
  const again = await exchangeNode('district', '塘桥分局', 'seed-district-03', { file: node.file, dir: node.dir });
  nodes.push(again);
  return again;
};
const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const workLeft = (node: ExchangeNode) => listing(path.join(node.dir, 'work'));
const sentRows = (node: ExchangeNode) => node.core.ctx.database.sqlite.prepare('SELECT sequence, file_name FROM bundles_sent ORDER BY sequence').all() as Array<{ sequence: number; file_name: string }>;

/** The invariant: every bundle under its final name is in the sent log (read with a fresh connection, as another process would). */
function expectNoOrphan(dbFile: string, out: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const recorded = new Set((db.prepare('SELECT file_name FROM bundles_sent').all() as Array<{ file_name: string }>).map((r) => r.file_name));
    for (const name of listing(out).filter((n) => n.endsWith('.qklb'))) expect(recorded.has(name), `${name} is not in the sent log`).toBe(true);
  } finally {
    db.close();
  }
}

describe('an export killed or failing at any point', () => {
  it('killed while the bundle is written: no bundle, no plaintext, and the next open clears the leftovers', async () => {
    const { office, markers, out } = await setup(1200);
    office.close();
    const child = qklChild(['export-bundle', '--db', office.file, '--out', path.join(out, 'a.qklb')]);
    const killed = await killWhen(child, () => listing(out).some((n) => n.endsWith('.part') && (statSync(path.join(out, n), { throwIfNoEntry: false })?.size ?? 0) > 64 * 1024));
    expect(killed.signal, 'the export finished before it could be killed: make the district bigger').toBe('SIGKILL');

    expect(listing(out).filter((n) => n.endsWith('.qklb'))).toEqual([]);
    expect(listing(out).filter((n) => n.endsWith('.part'))).toHaveLength(1);
    expect(workLeft(office)).toHaveLength(1);
    // the rows were in the work folder (sealed) and in the .part (age): no plaintext anywhere but the database
    for (const marker of markers) expect(filesContaining(office.dir, marker), marker).toEqual([]);
    expectNoOrphan(office.file, out);

    const again = await reopen(office);
    expect(listing(out)).toEqual([]);
    expect(workLeft(again)).toEqual([]);
    expect(sentRows(again)).toEqual([]);
  }, 180_000);

  it('killed at each step, then exporting on: every bundle imports at the bureau, no fork, no gap', async () => {
    const { office, bureau, markers, out } = await setup(12);
    office.close();
    let node = office;
    const steps = [
      { point: 'export:written', name: 'a.qklb', after: { qklb: false, sequence: null } },
      { point: 'export:recorded', name: 'b.qklb', after: { qklb: true, sequence: 1 } },
      { point: 'export:published', name: 'c.qklb', after: { qklb: true, sequence: 2 } },
    ] as const;
    for (const step of steps) {
      const result = await exited(qklChild(['export-bundle', '--db', node.file, '--out', path.join(out, step.name)], { QKL_CRASH_AT: step.point }));
      expect(result.signal, step.point).toBe('SIGKILL');
      expectNoOrphan(node.file, out);
      for (const marker of markers) expect(filesContaining(node.dir, marker), marker).toEqual([]);
      node = await reopen(node);
      node.close();
      expectNoOrphan(node.file, out);
      expect(listing(out).filter((n) => n.endsWith('.part')), step.point).toEqual([]);
      expect(workLeft(node), step.point).toEqual([]);
      expect(listing(out).includes(step.name), step.point).toBe(step.after.qklb);
      const row = sentRows(await reopen(node)).find((r) => r.file_name === step.name);
      expect(row?.sequence ?? null, step.point).toBe(step.after.sequence);
    }
    const last = await reopen(node);
    const d = await last.ok('bundles.export', { outFile: path.join(out, 'd.qklb') });
    expect(d.sequence).toBe(3);

    const results = await bureau.ok('bundles.import', { paths: listing(out).map((n) => path.join(out, n)) });
    expect(results.map((r) => [path.basename(r.file), r.status, r.sequence])).toEqual([
      ['b.qklb', 'imported', 1],
      ['c.qklb', 'imported', 2],
      ['d.qklb', 'imported', 3],
    ]);
  }, 180_000);

  it('with the database locked by another program: a clear error, no file, no sequence used', async () => {
    const { office, bureau, out } = await setup(12);
    nodes.push(office);
    const blocker = new Database(office.file);
    blocker.exec('BEGIN IMMEDIATE');
    office.core.ctx.database.sqlite.pragma('busy_timeout = 100');
    const failed = await office.refused('bundles.export', { outFile: path.join(out, 'a.qklb') });
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(failed.code).toBe('BUSY');
    expect(failed.message).toContain('数据包未导出');
    expect(failed.message).toContain('没有留下数据包文件');
    expect(listing(out)).toEqual([]);
    expect(workLeft(office)).toEqual([]);
    expect(sentRows(office)).toEqual([]);

    const ok = await office.ok('bundles.export', { outFile: path.join(out, 'a.qklb') });
    expect(ok.sequence).toBe(1);
    expect((await bureau.ok('bundles.import', { paths: [ok.file] }))[0]).toMatchObject({ status: 'imported', sequence: 1 });
  });

  it('racing another export of the same database: one wins, the other leaves nothing and says why', async () => {
    const { office, bureau, out } = await setup(12);
    nodes.push(office);
    const second = await reopen(office); // the CLI beside the app, on the same file
    const [a, b] = await Promise.all([
      office.core.call('bundles.export', { outFile: path.join(out, 'app.qklb') }),
      second.core.call('bundles.export', { outFile: path.join(out, 'cli.qklb') }),
    ]);
    const won = [a, b].filter((r) => r.ok);
    const lost = [a, b].filter((r) => !r.ok) as Array<{ code: string; message: string }>;
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('本次导出已作废') })]);
    expect(listing(out)).toHaveLength(1);
    expectNoOrphan(office.file, out);
    const next = await second.ok('bundles.export', { outFile: path.join(out, 'z.qklb') });
    expect(next.sequence).toBe(2);
    const results = await bureau.ok('bundles.import', { paths: listing(out).map((n) => path.join(out, n)) });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
  });
});
