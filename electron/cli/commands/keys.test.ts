import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { qkl } from '../../../tests/support/cli.ts';
import { tempDir } from '../../../tests/support/temp.ts';

// `qkl keys …` and the keys part of `qkl init`, in-process. The passphrase comes
// from QKL_PASSPHRASE, as on a clerk's command line.

const PASS = 'correct horse battery staple';
const FINGERPRINT = /^\d{5}( \d{5}){7}$/;
let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
  process.env['QKL_PASSPHRASE'] = PASS;
});
afterEach(() => {
  delete process.env['QKL_PASSPHRASE'];
  t.cleanup();
});

async function init(name: string, role: 'district' | 'bureau') {
  const file = t.file(`${name}.sqlite`);
  const result = await qkl('init', '--db', file, '--role', role, '--name', name, '--json');
  expect(result.code).toBe(0);
  return { file, init: result };
}

describe('qkl init and keys', () => {
  it('init with QKL_PASSPHRASE makes the keys and prints the fingerprint and the warning', { timeout: 60_000 }, async () => {
    const file = t.file('塘桥.sqlite');
    const result = await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/本节点指纹：\d{5}( \d{5}){7}$/m);
    expect(result.err).toContain('口令丢失后无法找回');

    const status = await qkl('keys', 'status', '--db', file, '--json');
    expect(JSON.parse(status.out)).toMatchObject({ hasKeys: true, protection: 'passphrase' });
    const text = await qkl('keys', 'status', '--db', file);
    expect(text.out).toContain(`本节点指纹：${JSON.parse(status.out).signing.fingerprint}`);
  });

  it('init without QKL_PASSPHRASE warns in one line; keys create asks for it, then makes the keys', { timeout: 60_000 }, async () => {
    delete process.env['QKL_PASSPHRASE'];
    const file = t.file('塘桥.sqlite');
    const result = await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ name: '塘桥分局', fingerprint: null });
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain('QKL_PASSPHRASE=口令 qkl keys create');

    const refused = await qkl('keys', 'create', '--db', file);
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：需要口令：请设置环境变量 QKL_PASSPHRASE/) });
    process.env['QKL_PASSPHRASE'] = 'short';
    expect(await qkl('keys', 'create', '--db', file)).toMatchObject({ code: 1, err: expect.stringContaining('口令太短') });

    process.env['QKL_PASSPHRASE'] = PASS;
    const created = await qkl('keys', 'create', '--db', file);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/本节点指纹：\d{5}/);
    expect(created.err).toContain('口令丢失后无法找回');
    expect(await qkl('keys', 'create', '--db', file)).toMatchObject({ code: 1, err: expect.stringContaining('更换密钥') });
  });

  it('refuses a too short QKL_PASSPHRASE at init without creating the node', async () => {
    process.env['QKL_PASSPHRASE'] = '1234567';
    const file = t.file('塘桥.sqlite');
    expect(await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局')).toMatchObject({ code: 1, err: expect.stringContaining('QKL_PASSPHRASE：口令太短') });
    delete process.env['QKL_PASSPHRASE'];
    expect((await qkl('init', '--db', file, '--role', 'district', '--name', '塘桥分局')).code).toBe(0);
  });

  it('export and trust both ways, with and without --fingerprint; list and revoke', { timeout: 120_000 }, async () => {
    const office = await init('塘桥分局', 'district');
    const bureau = await init('市局', 'bureau');
    const officePub = t.file('塘桥分局.pub');
    const bureauPub = t.file('市局.pub');

    const exported = await qkl('keys', 'export', '--db', bureau.file, '--out', bureauPub, '--json');
    expect(exported.code).toBe(0);
    const bureauFacts = JSON.parse(exported.out);
    expect(bureauFacts).toMatchObject({ file: bureauPub, nodeName: '市局', role: 'bureau', fingerprint: expect.stringMatching(FINGERPRINT) });
    expect(JSON.parse(readFileSync(bureauPub, 'utf8'))).toMatchObject({ kind: 'qkl-public-identity', recipients: [expect.any(String), expect.any(String)] });
    const text = await qkl('keys', 'export', '--db', office.file, '--out', officePub);
    expect(text.out).toContain('指纹：');

    // the office trusts the bureau: the file's own fingerprint, read aloud already
    const trusted = await qkl('keys', 'trust', '--db', office.file, bureauPub, '--json');
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.out)).toEqual({
      nodeId: bureauFacts.nodeId,
      nodeName: '市局',
      role: 'bureau',
      keyId: bureauFacts.keyId,
      fingerprint: bureauFacts.fingerprint,
      action: 'trust-bureau',
    });
    const again = await qkl('keys', 'trust', '--db', office.file, bureauPub);
    expect(again.out).toContain('已信任过，未作更改');

    // the bureau checks the number it was told: a wrong one is refused, a typed one with dashes accepted
    const officeFingerprint = JSON.parse((await qkl('keys', 'status', '--db', office.file, '--json')).out).signing.fingerprint as string;
    const wrong = officeFingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await qkl('keys', 'trust', '--db', bureau.file, officePub, '--fingerprint', wrong)).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：指纹不一致/) });
    expect(await qkl('keys', 'trust', '--db', bureau.file, officePub, '--fingerprint', '123')).toMatchObject({ code: 2, err: expect.stringContaining('40 位数字') });
    const enrolled = await qkl('keys', 'trust', '--db', bureau.file, officePub, '--fingerprint', officeFingerprint.replace(/ /g, '-'));
    expect(enrolled).toMatchObject({ code: 0, out: expect.stringContaining('已登记分局“塘桥分局”') });
    // wrong kind of file: an office does not trust another office, nor itself
    expect(await qkl('keys', 'trust', '--db', office.file, officePub)).toMatchObject({ code: 1, err: expect.stringContaining('本机自己') });
    expect(await qkl('keys', 'trust', '--db', office.file, t.file('missing.pub'))).toMatchObject({ code: 1, err: expect.stringContaining('找不到公钥文件') });

    const list = JSON.parse((await qkl('keys', 'list', '--db', bureau.file, '--json')).out) as Array<{ keyId: string; nodeName: string }>;
    expect(list.map((k) => k.nodeName)).toEqual(['塘桥分局']);
    const keyId = list[0]!.keyId;
    expect(await qkl('keys', 'revoke', '--db', bureau.file, keyId)).toMatchObject({ code: 2, err: expect.stringContaining('--reason') });
    expect(await qkl('keys', 'revoke', '--db', bureau.file, 'nope', '--reason', '测试')).toMatchObject({ code: 1, err: expect.stringContaining('没有编号为') });
    const revoked = await qkl('keys', 'revoke', '--db', bureau.file, keyId, '--reason', '电脑丢失');
    expect(revoked).toMatchObject({ code: 0, out: expect.stringContaining('已吊销分局“塘桥分局”') });
    expect((await qkl('keys', 'list', '--db', bureau.file)).out).toMatch(/已吊销（\d{4}-\d{2}-\d{2}，电脑丢失）/);
  });

  it('rotates with the right passphrase only, and says to export the new .pub', { timeout: 90_000 }, async () => {
    const office = await init('塘桥分局', 'district');
    const before = JSON.parse((await qkl('keys', 'status', '--db', office.file, '--json')).out).signing.fingerprint;
    process.env['QKL_PASSPHRASE'] = 'a different passphrase';
    expect(await qkl('keys', 'rotate', '--db', office.file)).toMatchObject({ code: 1, err: expect.stringContaining('QKL_PASSPHRASE 中的口令不正确') });
    process.env['QKL_PASSPHRASE'] = PASS;
    const rotated = await qkl('keys', 'rotate', '--db', office.file, '--json');
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.out).signing.fingerprint).not.toBe(before);
    expect(rotated.err).toContain('qkl keys export');
  });

  it('keys passphrase: old from QKL_PASSPHRASE, new from QKL_NEW_PASSPHRASE; afterwards only the new one opens the keys', { timeout: 120_000 }, async () => {
    const NEW = 'the new passphrase 2026';
    const office = await init('塘桥分局', 'district');
    try {
      expect(await qkl('keys', 'passphrase', '--db', office.file)).toMatchObject({ code: 2, err: expect.stringContaining('QKL_NEW_PASSPHRASE') });
      process.env['QKL_NEW_PASSPHRASE'] = 'short';
      expect(await qkl('keys', 'passphrase', '--db', office.file)).toMatchObject({ code: 1, err: expect.stringContaining('QKL_NEW_PASSPHRASE：新口令太短') });
      process.env['QKL_NEW_PASSPHRASE'] = NEW;
      process.env['QKL_PASSPHRASE'] = 'not the passphrase';
      expect(await qkl('keys', 'passphrase', '--db', office.file)).toMatchObject({ code: 1, err: expect.stringContaining('QKL_PASSPHRASE 中的口令不正确') });

      process.env['QKL_PASSPHRASE'] = PASS;
      const changed = await qkl('keys', 'passphrase', '--db', office.file, '--json');
      expect(changed.code).toBe(0);
      expect(JSON.parse(changed.out)).toEqual({ resealed: 2 });
      expect(changed.err).toContain('新口令');
      // the old passphrase no longer opens the keys; the new one does
      expect(await qkl('keys', 'rotate', '--db', office.file)).toMatchObject({ code: 1, err: expect.stringContaining('QKL_PASSPHRASE 中的口令不正确') });
      process.env['QKL_PASSPHRASE'] = NEW;
      expect((await qkl('keys', 'rotate', '--db', office.file)).code).toBe(0);
    } finally {
      delete process.env['QKL_NEW_PASSPHRASE'];
    }
  });

  it('answers usage mistakes with exit code 2', async () => {
    expect(await qkl('keys')).toMatchObject({ code: 2, out: expect.stringContaining('qkl keys') });
    expect(await qkl('keys', 'frobnicate', '--db', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('未知的 keys 子命令') });
    expect(await qkl('keys', 'export', '--db', t.file('x.sqlite'))).toMatchObject({ code: 2, err: expect.stringContaining('--out') });
    expect(await qkl('keys', 'status', '--db', t.file('missing.sqlite'))).toMatchObject({ code: 1, err: expect.stringContaining('数据库文件不存在') });
    expect(await qkl('keys', 'trust', '--db', t.file('x.sqlite'))).toMatchObject({ code: 2 });
  });
});
