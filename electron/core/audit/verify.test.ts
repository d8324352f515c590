import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { exchangeNode, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { verifyAuditChain } from '../audit.ts';
import { uscc } from '../ledger/test-fixtures.ts';
import { deleteNewest, dropGuards, rewriteFrom } from './testing/tamper.ts';

// The two attacks of the issue on a real office database whose head was signed
// into a real bundle (real keys, real age): the chain alone still holds after
// both; the anchor does not.

let office: ExchangeNode;
let bureau: ExchangeNode;

beforeEach(async () => {
  office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  await trustEachOther(office, bureau);
  for (const [i, name] of ['甲公司', '乙公司', '丙公司'].entries()) {
    await office.ok('units.create', { districtId: 'seed-district-03', name, uscc: uscc(i + 1) });
  }
});
afterEach(() => {
  office.cleanup();
  bureau.cleanup();
});

const sqlite = () => office.core.ctx.database.sqlite;
const head = () => sqlite().prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
const verify = () => office.ok('audit.verify', {});
const exportBundle = (name: string) => office.ok('bundles.export', { outFile: path.join(office.dir, name) });
const changeSomething = (name: string) => office.ok('units.create', { districtId: 'seed-district-03', name, uscc: uscc(9) });

describe('audit verify', () => {
  it('an honest log: ok, anchored at the head the export signed (its own entry comes after)', async () => {
    const before = head();
    await exportBundle('1.qklb');
    const result = await verify();
    expect(result).toEqual({ ok: true, entries: before.seq + 1, head: head(), anchoredSeq: before.seq, problems: [] });
    const anchor = sqlite().prepare('SELECT seq, hash, logged_seq AS logged, status FROM audit_anchors').get();
    expect(anchor).toEqual({ seq: before.seq, hash: before.hash, logged: before.seq + 1, status: 'own' });
  });

  it('before any bundle nothing is anchored, and the chain alone is checked', async () => {
    expect(await verify()).toMatchObject({ ok: true, anchoredSeq: null, problems: [] });
  });

  it('deleting the newest entries, back past the anchor: the chain holds, verify does not', async () => {
    await exportBundle('1.qklb');
    const anchored = (await verify()).anchoredSeq!;
    await changeSomething('丁公司');
    deleteNewest(sqlite(), 3); // the new unit, the export's entry, the anchored entry
    expect(verifyAuditChain(office.core.ctx)).toMatchObject({ ok: true });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.head!.seq).toBe(anchored - 1);
    expect(result.problems).toEqual([
      { seq: anchored, message: expect.stringMatching(/^第 \d+ 条已于 \d{4}-\d\d-\d\d 导出数据包时签名锚定，但审计日志现在只到第 \d+ 条：最新的记录被删除$/) },
      { seq: anchored + 1, message: expect.stringContaining('导出数据包的经办记录') },
    ]);
  });

  it('deleting only the entries after the anchor, the export’s own included, is found by that entry', async () => {
    await exportBundle('1.qklb');
    const anchored = (await verify()).anchoredSeq!;
    deleteNewest(sqlite(), 1);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, head: { seq: anchored } });
    expect(result.problems).toEqual([{ seq: anchored + 1, message: expect.stringContaining('已不存在或被改动') }]);
  });

  it('rewriting the chain with recomputed hashes: the chain holds, the anchored hash does not', async () => {
    await exportBundle('1.qklb');
    const anchored = (await verify()).anchoredSeq!;
    await changeSomething('丁公司');
    rewriteFrom(sqlite(), 2, '别人');
    expect(verifyAuditChain(office.core.ctx)).toMatchObject({ ok: true });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ seq: anchored, message: expect.stringContaining('审计链被改写（哈希被重算）') }]);
  });

  it('a forged anchor (no key of ours signed it) and a removed anchor are both problems', async () => {
    await exportBundle('1.qklb');
    const anchor = sqlite().prepare('SELECT * FROM audit_anchors').get() as Record<string, unknown>;
    // an attacker who rewrote the chain would need an anchor for the new hash: without the key it cannot be signed
    sqlite()
      .prepare('INSERT INTO audit_anchors (node_id, own, source, seq, hash, at, key_id, signature, logged_seq, recorded_at, status) VALUES (?, 1, ?, ?, ?, ?, ?, ?, NULL, ?, ?)')
      .run(anchor['node_id'], 'export', head().seq, head().hash, anchor['at'], anchor['key_id'], randomBytes(64).toString('base64'), 'now', 'own');
    const forged = await verify();
    expect(forged.problems).toEqual([{ seq: head().seq, message: expect.stringContaining('锚点签名无效') }]);

    dropGuards(sqlite());
    sqlite().prepare('DELETE FROM audit_anchors').run();
    const removed = await verify();
    expect(removed).toMatchObject({ ok: false, anchoredSeq: null });
    expect(removed.problems).toEqual([{ seq: head().seq, message: expect.stringContaining('锚点记录被删除') }]);
  });

  it('an edited entry and a removed middle entry are each one problem, named by sequence number', async () => {
    await exportBundle('1.qklb');
    dropGuards(sqlite());
    sqlite().prepare("UPDATE audit_log SET actor = '别人' WHERE seq = 2").run();
    sqlite().prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const result = await verify();
    expect(result.problems).toEqual([
      { seq: 2, message: '第 2 条的内容与其哈希不符（记录被修改）' },
      { seq: 4, message: '第 4 条之前缺少 1 条记录（第 3 条被删除）' },
    ]);
  });

  it('qkl audit verify prints the same object with --json, exits 0 only when ok, and reads in Chinese without it', async () => {
    await exportBundle('1.qklb');
    const file = office.file;
    office.close();
    const saved = process.env['QKL_PASSPHRASE'];
    process.env['QKL_PASSPHRASE'] = PASSPHRASE;
    try {
      const good = await qkl('audit', 'verify', '--db', file, '--json');
      expect(good.code, good.err).toBe(0);
      const json = JSON.parse(good.out);
      expect(Object.keys(json)).toEqual(['ok', 'entries', 'head', 'anchoredSeq', 'problems']);
      expect(json).toMatchObject({ ok: true, problems: [] });
      expect((await qkl('audit', 'verify', '--db', file)).out).toContain('核验通过');

      office = await exchangeNode('district', '塘桥分局', 'seed-district-03', { file, dir: office.dir });
      deleteNewest(sqlite(), 2);
      office.close();
      const bad = await qkl('audit', 'verify', '--db', file, '--json');
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.out)).toMatchObject({ ok: false, problems: [expect.objectContaining({ message: expect.stringContaining('最新的记录被删除') }), expect.anything()] });
      const human = await qkl('audit', 'verify', '--db', file);
      expect(human.code).toBe(1);
      expect(human.out).toMatch(/核验未通过，发现 2 处问题：\n {2}第 \d+ 条已于 .*最新的记录被删除\n {2}第 \d+ 条（导出数据包的经办记录/);
      expect((await qkl('audit', 'check', '--db', file)).code).toBe(2);
    } finally {
      if (saved === undefined) delete process.env['QKL_PASSPHRASE'];
      else process.env['QKL_PASSPHRASE'] = saved;
    }
  });
});
