import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, PASSPHRASE, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, rowsFrom, TANGQIAO, type ExchangeNetwork } from '../../../tests/support/exchange-network.ts';
import { loadIdentities } from '../keys/keys.ts';
import { insertUnit } from '../registry/testing/fixtures.ts';
import { readSealedSync } from '../files/sealed-file.ts';
import { openBundle } from './format/reader.ts';
import { MAX_BUNDLE_BYTES } from './paths.ts';

// 投诉举报 travels up without its reporters: the office's complaints and rewards reach
// the bureau, which reads them masked and cannot change them; complaint_reporters never
// leaves the office, and the reporter's name, phone and ID number are nowhere in the
// bundle's decrypted content.

let net: ExchangeNetwork<'office' | 'bureau'>;
let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  net = await exchangeNetwork({ office: TANGQIAO, bureau: BUREAU });
  ({ office, bureau } = net);
});
afterEach(() => net.cleanup());

const reporter = { name: '王小明', phone: '13812345678', idNumber: '11010519491231002X', address: '张家港市塘桥镇人民路 8 号' };

let n = 0;
async function exportBundle() {
  return office.ok('bundles.export', { outFile: path.join(office.dir, `c${++n}.qklb`) });
}
async function importBundle(file: string) {
  const [result] = await bureau.ok('bundles.import', { paths: [file] });
  expect(result!.status, result!.message ?? '').toBe('imported');
}

/** Everything the bureau can read from the bundle: the manifest and every entry, decrypted and unzipped. */
async function decryptedText(file: string): Promise<{ tables: string[]; text: string }> {
  const tempRoot = mkdtempSync(path.join(bureau.dir, 'read-'));
  const opened = await openBundle({ file, identities: loadIdentities(bureau.core.ctx, PASSPHRASE), maxBytes: MAX_BUNDLE_BYTES, tempRoot });
  try {
    const parts = [opened.manifestBytes.toString('utf8')];
    for (const entry of opened.found) {
      const bytes = Buffer.concat([...readSealedSync(entry.sealed)]);
      parts.push(entry.kind === 'table' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8'));
    }
    return { tables: opened.manifest.entries.filter((e) => e.kind === 'table').map((e) => e.name), text: parts.join('\n') };
  } finally {
    opened.dispose();
  }
}


describe('complaints in bundles', () => {
  it('arrive at the bureau with their rewards, masked, without the reporters, and the bureau cannot change them', async () => {
    const sqlite = office.core.ctx.database.sqlite;
    const unitId = insertUnit(sqlite, { name: '张家港市塘桥甲机械有限公司', districtId: 'seed-district-03' });
    sqlite.prepare('UPDATE units SET origin_node = ? WHERE id = ?').run(office.id, unitId);
    let complaint = await office.ok('complaints.create', { receivedOn: '2026-02-12', channel: '12345', reporter, content: '叉车司机无证驾驶', unitId });
    complaint = await office.ok('complaints.handle', { id: complaint.id, version: complaint.version, handlingResult: '查证属实，罚款 20 万元', outcome: 'substantiated', handledOn: '2026-02-12' });
    const proposed = await office.ok('complaints.proposeReward', { complaintId: complaint.id, version: complaint.version, scheme: 'national', level: 1, finesYuan: 200000 });
    const approved = await office.ok('complaints.approveReward', { id: proposed.reward.id, version: proposed.reward.version, approvedBy: '李局长' });

    const first = await exportBundle();
    expect(first.rowCounts).toMatchObject({ complaints: 1, complaint_rewards: 1 });
    expect(first.rowCounts).not.toHaveProperty('complaint_reporters');
    const { tables, text } = await decryptedText(first.file);
    expect(tables).toEqual(expect.arrayContaining(['complaints', 'complaint_rewards']));
    expect(tables).not.toContain('complaint_reporters');
    expect(text).toContain('叉车司机无证驾驶');
    expect(text).toContain('王**');
    for (const secret of [reporter.name, reporter.phone, reporter.idNumber, reporter.address, '1381234', '19491231']) expect(text, secret).not.toContain(secret);

    await importBundle(first.file);
    for (const table of ['complaints', 'complaint_rewards']) expect(rowsFrom(bureau, table, office.id), table).toBe(rowsFrom(office, table, office.id));
    const bsql = bureau.core.ctx.database.sqlite;
    expect(bsql.prepare('SELECT count(*) AS n FROM complaint_reporters').get()).toEqual({ n: 0 });
    const seen = await bureau.ok('complaints.get', { id: complaint.id });
    expect(seen).toMatchObject({ reporterMasked: '王**', reporter: null, actions: [], state: 'handled', outcome: 'substantiated', districtName: '塘桥', reward: { state: 'approved', approvedFen: 1_000_000 } });
    expect(seen.rewards[0]).toMatchObject({ proposedFen: 1_000_000, basis: '依据国市监稽规〔2021〕4号（一级）：罚没款 200,000.00 元 × 5% = 10,000.00 元，不低于 5,000.00 元', approvedBy: '李局长' });
    expect((await bureau.ok('complaints.list', { districtId: 'seed-district-03' })).map((c) => c.id)).toEqual([complaint.id]);
    expect(await bureau.ok('complaints.stats', { districtId: 'seed-district-03', month: '2026-02' })).toMatchObject({ thisMonth: { received: 1, handled: 1 }, rewards: { approved: { count: 1, sumFen: 1_000_000 } } });

    const before = dataDigest(bureau);
    expect(await bureau.refused('complaints.create', { receivedOn: '2026-02-12', channel: 'phone', anonymous: true, content: '某', unitName: '某' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本机不是分局节点') });
    expect(await bureau.refused('complaints.update', { id: complaint.id, version: seen.version, content: '改' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await bureau.refused('complaints.markRewardPaid', { id: approved.reward.id, version: approved.reward.version })).toMatchObject({ code: 'FORBIDDEN' });
    expect(dataDigest(bureau)).toBe(before);

    // the payment travels in the next bundle, as a newer version of the same row
    await office.ok('complaints.markRewardPaid', { id: approved.reward.id, version: approved.reward.version, note: '现金发放' });
    const second = await exportBundle();
    expect(second.rowCounts).toMatchObject({ complaint_rewards: 1 });
    expect((await decryptedText(second.file)).text).not.toContain(reporter.name);
    await importBundle(second.file);
    expect((await bureau.ok('complaints.getReward', { id: approved.reward.id })).reward).toMatchObject({ state: 'paid', paidNote: '现金发放', version: 3 });
  });
});
