import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { tableEntry } from '../bundles/format/ndjson.ts';
import { writeBundle } from '../bundles/format/writer.ts';
import { loadSigner } from '../keys/keys.ts';
import { uscc } from '../ledger/test-fixtures.ts';
import { signHead } from './anchors.ts';
import { AUDIT_PROOF_ENTRY } from './proof.ts';
import { deleteNewest, rewriteFrom } from './testing/tamper.ts';
import { localDate } from '../registry/as-of.ts';

// The bureau's side: each office's new anchor must extend the ones it sent before.
// Real databases, real keys, real signed and encrypted bundles.

let office: ExchangeNode;
let bureau: ExchangeNode;
let units = 0;

beforeEach(async () => {
  office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  await trustEachOther(office, bureau);
  units = 0;
  await change();
});
afterEach(() => {
  office.cleanup();
  bureau.cleanup();
});

async function change(node: ExchangeNode = office) {
  units++;
  if (node === bureau) return node.ok('districts.save', { name: `测试${units}`, pilot: false, sortOrder: 100 + units, active: true });
  return node.ok('units.create', { districtId: 'seed-district-03', name: `第${units}机械有限公司`, uscc: uscc(units) });
}
let files = 0;
const exportFrom = async (node: ExchangeNode, extra: Record<string, unknown> = {}) => (await node.ok('bundles.export', { outFile: path.join(node.dir, `${++files}.qklb`), ...extra })).file;
const importInto = async (node: ExchangeNode, file: string, dryRun = false) => (await node.ok('bundles.import', { paths: [file], dryRun }))[0]!;
const cityRow = async () => (await bureau.ok('city.overview', {})).offices.find((o) => o.nodeId === office.id)!;
const officeHead = () => office.core.ctx.database.sqlite.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number };
const anchorsAt = (node: ExchangeNode) => node.core.ctx.database.sqlite.prepare('SELECT node_id AS nodeId, source, seq, status FROM audit_anchors WHERE own = 0 ORDER BY id').all();

describe('audit anchors between an office and the bureau', () => {
  it('the first anchor is taken as it is, each next one extends it; the city view shows no break', async () => {
    const first = await importInto(bureau, await exportFrom(office));
    expect(first).toMatchObject({ status: 'imported', auditChain: { status: 'first', problemSeq: null, message: null } });
    await change();
    const second = await importInto(bureau, await exportFrom(office));
    expect(second.auditChain).toMatchObject({ status: 'extends', seq: officeHead().seq - 1 });
    expect(await cityRow()).toMatchObject({ auditAnchorSeq: officeHead().seq - 1, auditBreaks: 0, lastAuditBreak: null });
    // a dry run checks but keeps nothing
    await change();
    const dry = await importInto(bureau, await exportFrom(office), true);
    expect(dry.auditChain?.status).toBe('extends');
    expect(anchorsAt(bureau)).toHaveLength(2);
  });

  it('a chain rewritten with recomputed hashes no longer reaches the previous anchor: imported, recorded as a break, shown on the city view', async () => {
    await importInto(bureau, await exportFrom(office));
    const anchored = (anchorsAt(bureau)[0] as { seq: number }).seq;
    rewriteFrom(office.core.ctx.database.sqlite, 1, '别人');
    await change();
    const result = await importInto(bureau, await exportFrom(office));
    expect(result.status).toBe('imported'); // the rows are still genuine and signed
    expect(result.auditChain).toMatchObject({ status: 'break', problemSeq: anchored, message: expect.stringContaining('此前的审计记录被改写') });
    const count = bureau.core.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM units WHERE origin_node = ?').get(office.id) as { n: number };
    expect(count.n).toBe(2);
    const row = await cityRow();
    expect(row).toMatchObject({ auditBreaks: 1, lastAuditBreak: { seq: anchored, message: expect.stringContaining('审计记录被改写') } });
    expect(row.lastAuditBreak!.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));

    // the broken anchor is the new start: an honest next bundle extends it, the break stays on record
    await change();
    expect((await importInto(bureau, await exportFrom(office))).auditChain?.status).toBe('extends');
    expect(await cityRow()).toMatchObject({ auditBreaks: 1 });
  });

  it('a log cut back behind the last anchor is a break (审计记录被回退)', async () => {
    await importInto(bureau, await exportFrom(office));
    const anchored = (anchorsAt(bureau)[0] as { seq: number }).seq;
    deleteNewest(office.core.ctx.database.sqlite, 2); // the export's entry and the anchored one
    const result = await importInto(bureau, await exportFrom(office));
    expect(result.auditChain).toMatchObject({ status: 'break', seq: anchored - 1, problemSeq: anchored, message: expect.stringContaining('审计记录被回退') });
  });

  it('a log cut back with the office’s own anchors removed too is still a break: the bureau kept its copy', async () => {
    await importInto(bureau, await exportFrom(office));
    const anchored = (anchorsAt(bureau)[0] as { seq: number }).seq;
    deleteNewest(office.core.ctx.database.sqlite, 2);
    office.core.ctx.database.sqlite.prepare('DELETE FROM audit_anchors').run();
    const result = await importInto(bureau, await exportFrom(office));
    expect(result.auditChain).toMatchObject({ status: 'break', problemSeq: anchored, message: `审计记录被回退：${localDate(new Date())} 收到的锚点已到第 ${anchored} 条，这次的锚点只到第 ${anchored - 1} 条（较新的记录被删除）` });
  });

  it('a full bundle proves its anchor from the first entry, through every anchor sent before', async () => {
    await importInto(bureau, await exportFrom(office));
    await change();
    await importInto(bureau, await exportFrom(office));
    await change();
    const full = await importInto(bureau, await exportFrom(office, { full: true }));
    expect(full).toMatchObject({ full: true, auditChain: { status: 'extends' } });

    rewriteFrom(office.core.ctx.database.sqlite, 2, '别人');
    const rewritten = await importInto(bureau, await exportFrom(office, { full: true }));
    const firstAnchor = (anchorsAt(bureau)[0] as { seq: number }).seq;
    expect(rewritten.auditChain).toMatchObject({ status: 'break', problemSeq: firstAnchor });
  });

  it('bundles of older versions (no anchor) still import; an anchor not signed by the sender, or a proof that was altered, is recorded, not refused', async () => {
    const signer = loadSigner(office.core.ctx);
    const recipients = (await office.ok('keys.trusted', {}))[0]!.recipients;
    const rows = () => office.core.ctx.database.sqlite.prepare('SELECT seq, id, node_id AS nodeId, at, actor, call, table_name AS tableName, row_ids AS rowIds, before, after, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    let sequence = 0;
    const craft = async (anchor: 'none' | 'forged' | 'altered') => {
      const file = path.join(office.dir, `crafted-${++sequence}.qklb`);
      const signed = signHead(office.core.ctx, office.id, signer);
      const proof = rows();
      if (anchor === 'altered') proof[1] = { ...proof[1], actor: '别人' };
      const auditAnchor = anchor === 'none' ? undefined : { ...signed, proofFrom: 0, signature: anchor === 'forged' ? randomBytes(64).toString('base64') : signed.signature };
      await writeBundle({
        file,
        manifest: {
          bundleId: `crafted-${sequence}`,
          node: { id: office.id, role: 'district', name: '塘桥分局', districtId: 'seed-district-03' },
          keyId: signer.keyId,
          target: { nodeId: bureau.id, recipients },
          sequence,
          previousHash: null,
          full: true,
          createdAt: new Date().toISOString(),
          appVersion: '0.9.0',
          schemaVersion: '1',
          ...(auditAnchor ? { auditAnchor } : {}),
        },
        entries: [tableEntry('units', [], 0), ...(auditAnchor ? [tableEntry(AUDIT_PROOF_ENTRY, proof, proof.length)] : [])],
        signer,
        recipients,
      });
      return file;
    };
    const old = await importInto(bureau, await craft('none'));
    expect(old.status).toBe('imported');
    expect(old.auditChain ?? null).toBeNull();
    expect(await importInto(bureau, await craft('forged'))).toMatchObject({ status: 'imported', auditChain: { status: 'invalid', message: expect.stringContaining('签名无效') } });
    expect(await importInto(bureau, await craft('altered'))).toMatchObject({ status: 'imported', auditChain: { status: 'break', problemSeq: 2, message: '第 2 条的内容与其哈希不符' } });
    expect(await cityRow()).toMatchObject({ auditBreaks: 2, lastAuditBreak: { seq: 2 } });
  });

  it('the bureau anchors its head in receipts and bundles; the office checks them the same way', async () => {
    await importInto(bureau, await exportFrom(office));
    const [receipt] = (await bureau.ok('bundles.writeReceipts', {})).receipts;
    await office.ok('bundles.importReceipt', { path: receipt!.file });
    expect(anchorsAt(office)).toEqual([{ nodeId: bureau.id, source: 'receipt', seq: expect.any(Number), status: 'unchecked' }]);
    expect(await bureau.ok('audit.verify', {})).toMatchObject({ ok: true, anchoredSeq: expect.any(Number) });

    await change(bureau);
    const honest = await importInto(office, await exportFrom(bureau, { targetNodeId: office.id }));
    expect(honest.auditChain).toMatchObject({ status: 'extends' }); // the proof passes the receipt's anchor

    // the bureau rewrites its log: its next bundle no longer reaches what its receipt and bundle signed
    rewriteFrom(bureau.core.ctx.database.sqlite, 1, '别人');
    await change(bureau);
    const broken = await importInto(office, await exportFrom(bureau, { targetNodeId: office.id, full: true }));
    expect(broken).toMatchObject({ status: 'imported', auditChain: { status: 'break' } });
  });
});
