import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { addAttachment, craftBundle, dataDigest, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { newId } from '../ids.ts';
import { fileEntry, tableEntry } from './format/ndjson.ts';

// Refusals, not crashes: a signed bundle whose rows the database rejects is refused
// with a reason naming the table and the row, recorded like every refusal, and the
// other files of a batch still go in. Attachments of a refused bundle never stay
// in the store.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 5, units: 6 }), { nodeId: office.id, districtId: 'seed-district-03' });
});
afterEach(() => net.cleanup());

const now = new Date().toISOString();
const sync = (id = newId()) => ({ id, origin_node: office.id, created_at: now, updated_at: now, version: 1, deleted_at: null });
const unitRow = (extra: Record<string, unknown> = {}) => ({ ...sync(), district_id: 'seed-district-03', name: '塘桥精密机械有限公司', uscc: '91320582MA1TEST001', ...extra });
const storeFiles = (node: ExchangeNode) => {
  const dir = path.join(node.dir, 'attachments');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
};
const lastAudit = (node: ExchangeNode) =>
  JSON.parse((node.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'bundles.import' ORDER BY seq DESC LIMIT 1").get() as { after: string }).after) as Record<string, unknown>;

/** A bundle of the office with these unit rows and one attachment file (with its row). */
async function withAttachment(name: string, units: Array<Record<string, unknown>>, content: Buffer) {
  const sha = createHash('sha256').update(content).digest('hex');
  const source = path.join(office.dir, `${name}.bin`);
  writeFileSync(source, content);
  const attachment = { ...sync(), sha256: sha, size: content.length, file_name: '使用登记证.pdf', mime_type: 'application/pdf' };
  // number 2: the office's first bundle is already in
  const file = await craftBundle(office, bureau, path.join(office.dir, name), [tableEntry('units', units, units.length), tableEntry('attachments', [attachment], 1), fileEntry(sha, source)], { sequence: 2 });
  return { file, sha };
}

describe('a bundle the database rejects', () => {
  it('is refused with the table and row named, recorded, and the rest of the batch goes in', async () => {
    const bad = unitRow({ name: null });
    const crafted = await craftBundle(office, bureau, path.join(office.dir, 'a-坏.qklb'), [tableEntry('units', [unitRow(), bad], 2)]);
    const good = await office.ok('bundles.export', { outFile: path.join(office.dir, 'b-好.qklb') });
    const before = dataDigest(bureau);

    const [refused, imported] = await bureau.ok('bundles.import', { paths: [crafted, good.file] });
    expect(refused).toMatchObject({ status: 'refused', reason: 'invalid-row' });
    expect(refused!.message).toContain('使用单位');
    expect(refused!.message).toContain(String(bad.id));
    expect(refused!.message).toContain('必填字段“name”为空');
    expect(imported).toMatchObject({ status: 'imported', sequence: 1 });
    expect(dataDigest(bureau)).not.toBe(before);
    const refusals = bureau.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'bundles.import' AND after LIKE '%invalid-row%'").all();
    expect(refusals).toHaveLength(1);
  });

  it('refuses a row a rule of the database (a trigger) rejects, as invalid-row', async () => {
    bureau.core.ctx.database.sqlite.exec("CREATE TEMP TRIGGER no_test_units BEFORE INSERT ON units WHEN NEW.uscc = '91320582MA1TEST001' BEGIN SELECT RAISE(ABORT, '统一社会信用代码不在本市登记范围'); END");
    const crafted = await craftBundle(office, bureau, path.join(office.dir, 'rule.qklb'), [tableEntry('units', [unitRow()], 1)]);
    const before = dataDigest(bureau);
    const [result] = await bureau.ok('bundles.import', { paths: [crafted] });
    expect(result).toMatchObject({ status: 'refused', reason: 'invalid-row', message: expect.stringContaining('统一社会信用代码不在本市登记范围') });
    expect(dataDigest(bureau)).toBe(before);
  });

  it('reports an unexpected failure of one file as failed, changes nothing, and goes on with the batch', async () => {
    const sqlite = bureau.core.ctx.database.sqlite;
    sqlite.function('disk_gremlin', () => {
      throw new Error('I/O gremlin');
    });
    sqlite.exec("CREATE TEMP TRIGGER gremlin AFTER INSERT ON units WHEN NEW.name = '出故障的单位' BEGIN SELECT disk_gremlin(); END");
    const crafted = await craftBundle(office, bureau, path.join(office.dir, 'a.qklb'), [tableEntry('units', [unitRow(), unitRow({ name: '出故障的单位', uscc: '91320582MA1TEST002' })], 2)]);
    const good = await office.ok('bundles.export', { outFile: path.join(office.dir, 'b.qklb') });
    const [failed, imported] = await bureau.ok('bundles.import', { paths: [crafted, good.file] });
    expect(failed).toMatchObject({ status: 'failed', reason: null, changes: {}, message: expect.stringContaining('数据包未导入，数据未改变') });
    expect(imported).toMatchObject({ status: 'imported' });
    expect(sqlite.prepare("SELECT count(*) AS n FROM units WHERE name = '出故障的单位'").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE after LIKE '%\"status\":\"failed\"%'").get()).toEqual({ n: 1 });
  });
});

describe('attachments of a refused bundle', () => {
  it('never stay in the store, while files it already had stay', async () => {
    // a file the bureau already holds from an earlier, accepted bundle
    const kept = addAttachment(office, Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(2000)]), '旧证.pdf');
    const first = await office.ok('bundles.export', { outFile: path.join(office.dir, '1.qklb') });
    expect((await bureau.ok('bundles.import', { paths: [first.file] }))[0]!.status).toBe('imported');
    expect(storeFiles(bureau)).toEqual([kept]);

    // refused at merge for a foreign row, then for a constraint violation: each carries a new file
    const foreign = await withAttachment('foreign.qklb', [{ ...unitRow(), origin_node: bureau.id }], Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(5000)]));
    const invalid = await withAttachment('invalid.qklb', [unitRow({ uscc: null })], Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(5000)]));
    for (const [bundle, reason] of [[foreign, 'foreign-rows'], [invalid, 'invalid-row']] as const) {
      const before = dataDigest(bureau);
      const [result] = await bureau.ok('bundles.import', { paths: [bundle.file] });
      expect(result).toMatchObject({ status: 'refused', reason });
      expect(lastAudit(bureau)).toMatchObject({ status: 'refused', reason });
      expect(dataDigest(bureau)).toBe(before);
      expect(storeFiles(bureau)).toEqual([kept]);
    }
    // nothing of the runs is left either
    expect(readdirSync(path.join(bureau.dir, 'work'))).toEqual([]);
  });
});
