import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../scripts/sample-data/generate.ts';
import { insertModel } from '../../../scripts/sample-data/insert.ts';
import { addAttachment, dataDigest, exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { rowsFrom } from '../../../tests/support/exchange-network.ts';
import { loadSigner } from '../keys/keys.ts';
import { writeBundle } from './format/writer.ts';
import { tableEntry } from './format/ndjson.ts';
import { MAX_BUNDLE_BYTES } from './paths.ts';

// The bundle properties of docs/SECURITY.md ("Bundles"), each shown on two real databases (an office
// and the bureau) with real keys, real age encryption and real files.

let office: ExchangeNode;
let bureau: ExchangeNode;
const others: ExchangeNode[] = [];

beforeEach(async () => {
  office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  await trustEachOther(office, bureau);
  insertModel(office.core.ctx.database.sqlite, generateDistrict({ seed: 7, units: 12 }), { nodeId: office.id, districtId: 'seed-district-03' });
});
afterEach(() => {
  office.cleanup();
  bureau.cleanup();
  others.splice(0).forEach((n) => n.cleanup());
});

const out = (node: ExchangeNode, name: string) => path.join(node.dir, name);
const exportFrom = (node: ExchangeNode, name: string, extra: Record<string, unknown> = {}) => node.ok('bundles.export', { outFile: out(node, name), ...extra });
const importInto = async (node: ExchangeNode, file: string, dryRun = false) => (await node.ok('bundles.import', { paths: [file], dryRun }))[0]!;
const count = (node: ExchangeNode, sql: string) => (node.core.ctx.database.sqlite.prepare(sql).get() as { n: number }).n;

async function expectRefused(file: string, reason: string) {
  const before = dataDigest(bureau);
  const result = await importInto(bureau, file);
  expect(result.status).toBe('refused');
  expect(result.reason).toBe(reason);
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  expect(dataDigest(bureau)).toBe(before);
  return result;
}

describe('bundle exchange between an office and the bureau', () => {
  it('carries a whole district, attachments included, and re-importing changes nothing', async () => {
    const scan = Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(300_000)]);
    const sha = addAttachment(office, scan, '使用登记证.pdf');
    const first = await exportFrom(office, 'a.qklb');
    expect(first).toMatchObject({ sequence: 1, full: true, files: 1 });
    const units = count(office, 'SELECT count(*) AS n FROM units');
    const equipment = count(office, 'SELECT count(*) AS n FROM equipment');
    expect(first.rowCounts).toMatchObject({ units, equipment });

    const result = await importInto(bureau, first.file);
    expect(result).toMatchObject({ status: 'imported', sequence: 1, node: { id: office.id, name: '塘桥分局' }, files: 1 });
    expect(result.changes['units']).toEqual({ inserted: units, updated: 0, deleted: 0, unchanged: 0 });
    expect(count(bureau, `SELECT count(*) AS n FROM equipment WHERE origin_node = '${office.id}'`)).toBe(equipment);
    const bureauFile = path.join(bureau.dir, 'attachments', sha.slice(0, 2), sha);
    expect(readFileSync(bureauFile).equals(scan)).toBe(true);
    // the rows are the office's rows, byte for byte
    expect(rowsFrom(bureau, 'equipment', office.id)).toBe(rowsFrom(office, 'equipment', office.id));

    const digest = dataDigest(bureau);
    const again = await importInto(bureau, first.file);
    expect(again.status).toBe('already-imported');
    expect(dataDigest(bureau)).toBe(digest);
  });

  it('sends only what changed since the last bundle, tombstones included', async () => {
    await importInto(bureau, (await exportFrom(office, 'a.qklb')).file);
    const [unit] = (await office.ok('units.query', { startRow: 0, endRow: 1 })).rows;
    await office.ok('units.update', { id: unit!.id, version: unit!.version, data: { name: unit!.name, uscc: unit!.uscc, districtId: unit!.districtId, address: '塘桥镇新址路 1 号' } });
    const second = await exportFrom(office, 'b.qklb');
    expect(second).toMatchObject({ sequence: 2, full: false });
    expect(second.rowCounts['units']).toBe(1);
    expect(second.rowCounts['equipment']).toBe(0);
    const result = await importInto(bureau, second.file);
    expect(result.changes['units']).toEqual({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
    const moved = bureau.core.ctx.database.sqlite.prepare('SELECT address FROM units WHERE id = ?').get(unit!.id) as { address: string };
    expect(moved.address).toBe('塘桥镇新址路 1 号');

    const deletion = await office.ok('units.delete', { id: unit!.id, version: unit!.version + 1 });
    expect(deletion).toBeTruthy();
    const third = await importInto(bureau, (await exportFrom(office, 'c.qklb')).file);
    expect(third.changes['units']!.deleted).toBe(1);
    expect(count(bureau, `SELECT count(*) AS n FROM units WHERE id = '${unit!.id}' AND deleted_at IS NOT NULL`)).toBe(1);
  });

  it('previews without writing', async () => {
    const bundle = await exportFrom(office, 'a.qklb');
    const before = dataDigest(bureau);
    const preview = await importInto(bureau, bundle.file, true);
    expect(preview.status).toBe('dry-run');
    expect(preview.changes['units']!.inserted).toBeGreaterThan(0);
    expect(dataDigest(bureau)).toBe(before);
    expect((await importInto(bureau, bundle.file)).changes).toEqual(preview.changes);
  });

  it('refuses a gap, names the missing numbers, takes them in order from one batch, and lets a full bundle skip a gap', async () => {
    const b1 = await exportFrom(office, '1.qklb');
    const b2 = await exportFrom(office, '2.qklb');
    const b3 = await exportFrom(office, '3.qklb');
    const gap = await expectRefused(b3.file, 'gap');
    expect(gap.message).toContain('1、2');
    const batch = await bureau.ok('bundles.import', { paths: [b3.file, b2.file, b1.file] });
    expect(batch.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);

    const b4 = await exportFrom(office, '4.qklb');
    const full = await exportFrom(office, '5.qklb', { full: true });
    expect(b4.sequence).toBe(4);
    expect((await importInto(bureau, full.file)).status).toBe('imported');
    await expectRefused(b4.file, 'stale');
  });

  it('refuses flipped bytes, truncation, random files and huge files, leaving the data as it was', async () => {
    const bundle = await exportFrom(office, 'a.qklb');
    const bytes = readFileSync(bundle.file);
    for (const [at, reason] of [
      [10, 'not-a-bundle'], // age header intro
      [60, undefined], // recipient stanza
      [bytes.length >> 1, 'corrupt'],
      [bytes.length - 5, 'corrupt'],
    ] as const) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x40;
      const file = out(bureau, `flip-${at}.qklb`);
      writeFileSync(file, copy);
      const result = await importInto(bureau, file);
      expect(result.status, `flip at ${at}`).toBe('refused');
      if (reason) expect(result.reason, `flip at ${at}`).toBe(reason);
    }
    for (const keep of [bytes.length - 1, bytes.length - 16 * 1024 - 17, bytes.length >> 1, 100]) {
      const file = out(bureau, `cut-${keep}.qklb`);
      writeFileSync(file, bytes.subarray(0, keep));
      await expectRefused(file, 'corrupt');
    }
    const random = out(bureau, 'random.qklb');
    writeFileSync(random, randomBytes(50_000));
    await expectRefused(random, 'not-a-bundle');
    const huge = out(bureau, 'huge.qklb');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_BUNDLE_BYTES + 1);
    await expectRefused(huge, 'too-large');
    expect(count(bureau, 'SELECT count(*) AS n FROM units')).toBe(0);
  });

  it('refuses a bundle made for another bureau, an unknown signer and a revoked key', async () => {
    const otherBureau = await exchangeNode('bureau', '另一市局');
    others.push(otherBureau);
    const otherOffice = await exchangeNode('district', '金港分局', 'seed-district-01');
    others.push(otherOffice);
    // the other office trusts our bureau but the bureau never enrolled it
    const pub = await bureau.ok('keys.exportPublic', {});
    const content = Buffer.from(pub.contentBase64, 'base64').toString('utf8');
    await otherOffice.ok('keys.trust', { content, fingerprint: (await otherOffice.ok('keys.inspect', { content })).fingerprint });
    await expectRefused((await exportFrom(otherOffice, 'u.qklb')).file, 'unknown-signer');

    // an office that trusts another bureau encrypts to it: we cannot even open it
    const stray = await exchangeNode('district', '塘桥分局', 'seed-district-03');
    others.push(stray);
    await trustEachOther(stray, otherBureau);
    await expectRefused((await exportFrom(stray, 's.qklb')).file, 'not-recipient');

    const bundle = await exportFrom(office, 'a.qklb');
    const [officeKey] = (await bureau.ok('keys.trusted', {})).filter((k) => k.nodeId === office.id);
    await bureau.ok('keys.revoke', { keyId: officeKey!.keyId, reason: '电脑丢失' });
    await expectRefused(bundle.file, 'revoked-key');
    const audit = bureau.core.ctx.database.sqlite.prepare("SELECT after FROM audit_log WHERE call = 'bundles.import' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ status: 'refused', reason: 'revoked-key' });
  });

  it('refuses a bundle from a newer schema and one carrying rows of another node', async () => {
    const signer = loadSigner(office.core.ctx);
    const recipients = (await office.ok('keys.trusted', {}))[0]!.recipients;
    const craft = async (name: string, schemaVersion: string, rows: Array<Record<string, unknown>>) => {
      const file = out(office, name);
      await writeBundle({
        file,
        manifest: {
          bundleId: `crafted-${name}`,
          node: { id: office.id, role: 'district', name: '塘桥分局', districtId: 'seed-district-03' },
          keyId: signer.keyId,
          target: { nodeId: bureau.id, recipients },
          sequence: 1,
          previousHash: null,
          full: true,
          createdAt: new Date().toISOString(),
          appVersion: '9.9.9',
          schemaVersion,
        },
        entries: [tableEntry('units', rows, rows.length)],
        signer,
        recipients,
      });
      return file;
    };
    await expectRefused(await craft('newer.qklb', '999', []), 'format-version');
    const foreign = { id: '019a0000-0000-7000-8000-000000000001', origin_node: bureau.id, created_at: 'x', updated_at: 'x', version: 1, deleted_at: null, district_id: 'seed-district-03', name: '冒名单位', uscc: '91320582MA1XXXXXX0' };
    await expectRefused(await craft('foreign.qklb', '1', [foreign]), 'foreign-rows');
  });

  it('writes a signed receipt that marks the office bundles as acknowledged', async () => {
    const b1 = await exportFrom(office, '1.qklb');
    await exportFrom(office, '2.qklb');
    await importInto(bureau, b1.file);
    const { receipts } = await bureau.ok('bundles.writeReceipts', { outDir: bureau.dir });
    expect(receipts).toHaveLength(1);
    const ack = await office.ok('bundles.importReceipt', { path: receipts[0]!.file });
    expect(ack).toEqual({ acknowledged: 1, alreadyAcknowledged: 0, unknown: 0 });
    const sent = await office.ok('bundles.sent', {});
    expect(sent.find((s) => s.sequence === 1)!.acknowledgedAt).not.toBeNull();
    expect(sent.find((s) => s.sequence === 2)!.acknowledgedAt).toBeNull();

    const tampered = readFileSync(receipts[0]!.file, 'utf8').replace(/"signature":"(.)/, (_m, c: string) => `"signature":"${c === 'A' ? 'B' : 'A'}`);
    const forged = out(office, 'forged.qklr');
    writeFileSync(forged, tampered);
    expect((await office.refused('bundles.importReceipt', { path: forged })).code).toBe('BUNDLE_REFUSED');
  });

  it('sends the bureau’s own reference rows down to an office', async () => {
    await bureau.ok('districts.save', { name: '高新区', pilot: false, sortOrder: 99, active: true });
    const down = await bureau.ok('bundles.export', { outFile: out(bureau, 'down.qklb'), targetNodeId: office.id });
    expect(down.rowCounts).toEqual({ districts: 1, acceptance_decisions: 0, supervisor_pool: 0, summary_reviews: 0, bureau_key_statements: 0, attachments: 0, city_templates: 0, training_registry: 0 });
    const result = await importInto(office, down.file);
    expect(result).toMatchObject({ status: 'imported', changes: { districts: { inserted: 1 } } });
    expect(count(office, "SELECT count(*) AS n FROM districts WHERE name = '高新区'")).toBe(1);
    // and an office cannot feed the bureau's reference data: its own bundle to itself is no bundle at all
    const overview = await bureau.ok('city.overview', {});
    expect(overview.offices.map((o) => o.nodeName)).toEqual(['塘桥分局']);
    // whether an office reports on time is the core's rule, returned with the overview
    expect(overview).toMatchObject({ staleDays: 30, offices: [{ reporting: 'never', daysSinceLastBundle: null }] });
  });
});
