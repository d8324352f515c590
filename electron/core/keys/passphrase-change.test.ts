import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeNode, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { passphraseProtector } from '../crypto/key-protection.ts';
import { loadIdentities, loadSigner } from './keys.ts';
import { changePassphrase } from './passphrase-change.ts';
import { fakeSafeStorage, keysNode, PASS, type KeysNode } from './testing/nodes.ts';

// A passphrase change on real databases with real keys: every sealed key, current
// and retired, moves to the new passphrase at once, or none does.

const NEW = 'a new passphrase 2026';
const nodes: Array<ExchangeNode | KeysNode> = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));

async function pair(): Promise<{ office: ExchangeNode; bureau: ExchangeNode }> {
  const office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  const bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  nodes.push(office, bureau);
  await trustEachOther(office, bureau);
  return { office, bureau };
}

type KeyRow = { id: string; purpose: string; protection: string; sealed_private: string; retired_at: string | null };
const keyRows = (n: ExchangeNode | KeysNode) => n.core.ctx.database.sqlite.prepare('SELECT id, purpose, protection, sealed_private, retired_at FROM node_keys ORDER BY id').all() as KeyRow[];
const auditOf = (n: ExchangeNode | KeysNode, call: string) => n.core.ctx.database.sqlite.prepare('SELECT after FROM audit_log WHERE call = ?').all(call) as Array<{ after: string }>;

/** Every private key opens with this passphrase (the retired age keys through loadIdentities). */
function opensWith(n: ExchangeNode | KeysNode, passphrase: string): void {
  expect(loadSigner(n.core.ctx, passphrase).keyId).toMatch(/^[0-9a-f]{32}$/);
  expect(loadIdentities(n.core.ctx, passphrase).length).toBe(keyRows(n).filter((k) => k.purpose !== 'signing').length);
  for (const row of keyRows(n).filter((k) => k.protection === 'passphrase')) {
    expect(() => passphraseProtector(passphrase).open(row.sealed_private), `${row.purpose} ${row.id}`).not.toThrow();
  }
}

describe('changing the passphrase', () => {
  it('re-seals current and retired keys: the old passphrase fails, the new one exports, imports and opens a bundle made for a retired key', { timeout: 120_000 }, async () => {
    const { office, bureau } = await pair();
    // a bundle addressed to the bureau's keys of today, which the rotation below retires
    const early = await office.ok('bundles.export', { outFile: path.join(office.dir, 'early.qklb') });
    await bureau.ok('keys.rotate', {});
    const before = keyRows(bureau);
    expect(before.filter((k) => k.retired_at !== null)).toHaveLength(3);
    expect((await bureau.ok('keys.status', {})).passphraseSealed).toBe(6);

    expect(await bureau.ok('keys.changePassphrase', { passphrase: PASSPHRASE, newPassphrase: NEW })).toEqual({ resealed: 6 });
    const after = keyRows(bureau);
    expect(after.map((k) => [k.id, k.purpose, k.retired_at])).toEqual(before.map((k) => [k.id, k.purpose, k.retired_at]));
    for (const [i, row] of after.entries()) expect(row.sealed_private).not.toBe(before[i]!.sealed_private);
    opensWith(bureau, NEW);
    expect(() => loadSigner(bureau.core.ctx, PASSPHRASE)).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    // the host's passphrase (QKL_PASSPHRASE of this core) is the old one now
    expect(await bureau.refused('bundles.import', { paths: [early.file], dryRun: true })).toMatchObject({ code: 'WRONG_PASSPHRASE' });

    // the new passphrase opens the bundle that was made for the retired keys
    const imported = (await bureau.ok('bundles.import', { paths: [early.file], dryRun: false, passphrase: NEW }))[0]!;
    expect(imported).toMatchObject({ status: 'imported', sequence: 1 });

    // the office changes its passphrase too; its next bundle, signed with it, goes in at the bureau
    expect(await office.ok('keys.changePassphrase', { newPassphrase: NEW })).toEqual({ resealed: 2 });
    expect(await office.refused('bundles.export', { outFile: path.join(office.dir, 'x.qklb'), passphrase: PASSPHRASE })).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const next = await office.ok('bundles.export', { outFile: path.join(office.dir, 'next.qklb'), passphrase: NEW });
    expect((await bureau.ok('bundles.import', { paths: [next.file], dryRun: false, passphrase: NEW }))[0]).toMatchObject({ status: 'imported', sequence: 2 });

    const audit = auditOf(bureau, 'keys.changePassphrase');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ untouched: 0, resealed: expect.arrayContaining([expect.objectContaining({ purpose: 'age-backup' })]) });
    const text = JSON.stringify(bureau.core.ctx.database.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(text).not.toContain(NEW);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain('AGE-SECRET-KEY');
  });

  it('refuses a wrong old passphrase and a weak or unchanged new one, changing nothing', { timeout: 60_000 }, async () => {
    const { office } = await pair();
    const before = keyRows(office);
    expect(await office.refused('keys.changePassphrase', { passphrase: 'not the passphrase', newPassphrase: NEW })).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(await office.refused('keys.changePassphrase', { newPassphrase: 'short' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('至少') });
    expect(await office.refused('keys.changePassphrase', { newPassphrase: PASSPHRASE })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('相同') });
    expect(keyRows(office)).toEqual(before);
    expect(auditOf(office, 'keys.changePassphrase')).toHaveLength(0);
  });

  it('a write failing half-way (the third key) rolls every key back: all open with the old passphrase', { timeout: 60_000 }, async () => {
    const { bureau } = await pair();
    await bureau.ok('keys.rotate', {});
    const before = keyRows(bureau);
    const third = bureau.core.ctx.database.sqlite.prepare('SELECT id FROM node_keys ORDER BY rowid LIMIT 1 OFFSET 2').get() as { id: string };
    // a real SQLite failure on one row's update, after two rows were written
    bureau.core.ctx.database.sqlite.exec(`CREATE TEMP TRIGGER fail_third BEFORE UPDATE OF sealed_private ON node_keys WHEN OLD.id = '${third.id}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const refused = await bureau.refused('keys.changePassphrase', { newPassphrase: NEW });
    expect(refused.code).toBe('INTERNAL');
    bureau.core.ctx.database.sqlite.exec('DROP TRIGGER fail_third');
    expect(keyRows(bureau)).toEqual(before);
    opensWith(bureau, PASSPHRASE);
    expect(() => loadSigner(bureau.core.ctx, NEW)).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(auditOf(bureau, 'keys.changePassphrase')).toHaveLength(0);
  });

  it('a key that does not re-seal correctly stops the change before anything is written', { timeout: 60_000 }, async () => {
    const { bureau } = await pair();
    await bureau.ok('keys.rotate', {});
    const before = keyRows(bureau);
    let sealed = 0;
    const faulty = (passphrase: string) => {
      const real = passphraseProtector(passphrase, { scryptN: 2 ** 12 });
      return {
        ...real,
        seal(plain: Buffer) {
          const text = real.seal(plain);
          // the fifth key comes out damaged, as a failing disk or a bug would leave it
          if (++sealed !== 5) return text;
          const json = JSON.parse(text) as { ct: string };
          const ct = Buffer.from(json.ct, 'base64');
          ct[0] = ct[0]! ^ 1;
          return JSON.stringify({ ...json, ct: ct.toString('base64') });
        },
      };
    };
    expect(() => changePassphrase(bureau.core.ctx, { newPassphrase: NEW }, { sealWith: faulty })).toThrow(/核对不一致.*所有私钥仍用原口令保护/);
    expect(sealed).toBe(5);
    expect(keyRows(bureau)).toEqual(before);
    opensWith(bureau, PASSPHRASE);
  });

  it('a retired key the old passphrase cannot open stops the change and names that key', { timeout: 60_000 }, async () => {
    const { office } = await pair();
    await office.ok('keys.rotate', {});
    const sqlite = office.core.ctx.database.sqlite;
    const retired = keyRows(office).find((k) => k.purpose === 'age' && k.retired_at !== null)!;
    // sealed under some other passphrase long ago
    sqlite.prepare('UPDATE node_keys SET sealed_private = ? WHERE id = ?').run(passphraseProtector('an older passphrase', { scryptN: 2 ** 12 }).seal(Buffer.from('AGE-SECRET-KEY-1X')), retired.id);
    const before = keyRows(office);
    const refused = await office.refused('keys.changePassphrase', { newPassphrase: NEW });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(retired.id.slice(0, 8)) });
    expect(refused.message).toContain('口令未更换');
    expect(keyRows(office)).toEqual(before);
    expect(loadSigner(office.core.ctx, PASSPHRASE).keyId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('changing the passphrase where the OS key store seals the keys', () => {
  it('has nothing to change when every key is sealed by safeStorage, and says so', { timeout: 60_000 }, async () => {
    const office = await keysNode('district', { keyAccess: { safeStorage: fakeSafeStorage() } });
    nodes.push(office);
    expect((await office.ok('keys.status', {})).passphraseSealed).toBe(0);
    const before = keyRows(office);
    expect(await office.refused('keys.changePassphrase', { passphrase: PASS, newPassphrase: NEW })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('没有口令可以更换') });
    expect(keyRows(office)).toEqual(before);
  });

  it('re-seals only the passphrase-sealed (older) keys and leaves the safeStorage ones as they are', { timeout: 60_000 }, async () => {
    // keys made by the CLI with a passphrase, then rotated in the desktop app, which seals with safeStorage
    const cli = await keysNode('district', { passphrase: PASS });
    nodes.push(cli);
    const desktop = cli.reopen({ safeStorage: fakeSafeStorage() });
    try {
      await desktop.ok('keys.rotate', { passphrase: PASS });
      const before = keyRows(desktop);
      expect(before.map((k) => [k.protection, k.retired_at === null])).toEqual(
        expect.arrayContaining([
          ['passphrase', false],
          ['passphrase', false],
          ['safeStorage', true],
          ['safeStorage', true],
        ]),
      );
      expect(await desktop.ok('keys.changePassphrase', { passphrase: PASS, newPassphrase: NEW })).toEqual({ resealed: 2 });
      const after = keyRows(desktop);
      for (const row of after) {
        const old = before.find((k) => k.id === row.id)!;
        if (row.protection === 'safeStorage') expect(row.sealed_private).toBe(old.sealed_private);
        else expect(() => passphraseProtector(NEW).open(row.sealed_private)).not.toThrow();
      }
      // the retired age key, under the new passphrase, is still among the identities
      expect(loadIdentities(desktop.core.ctx, NEW)).toHaveLength(2);
      expect(() => loadIdentities(desktop.core.ctx, PASS)).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
      expect(JSON.parse(auditOf(desktop, 'keys.changePassphrase')[0]!.after)).toMatchObject({ untouched: 2 });
    } finally {
      desktop.core.close();
    }
  });
});
