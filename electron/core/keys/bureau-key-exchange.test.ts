import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDigest, exchangeNode, PASSPHRASE, trustEachOther, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { tempDir } from '../../../tests/support/temp.ts';
import { hostileBundle } from '../../../tests/support/hostile-bundle.ts';
import { openBundle } from '../bundles/format/reader.ts';
import { generateSigningKeyPair, keyIdOf } from '../crypto/signing.ts';
import { newId } from '../ids.ts';
import { signStatement, type StatementRow } from './key-statement.ts';
import { loadIdentities, ownRecipients } from './keys.ts';
import { allKeys, openKey } from './own-keys.ts';

// The bureau rotates or revokes its key; the news travels in its bundles, signed so
// that an office can check it against the bureau key it trusts. Real databases,
// real keys, real signed and encrypted bundles.

let office: ExchangeNode;
let bureau: ExchangeNode;
const extra: Array<{ cleanup(): void }> = [];

beforeEach(async () => {
  office = await exchangeNode('district', '塘桥分局', 'seed-district-03');
  bureau = await exchangeNode('bureau', '张家港市市场监督管理局');
  await trustEachOther(office, bureau);
});
afterEach(() => {
  office.cleanup();
  bureau.cleanup();
  extra.splice(0).forEach((n) => n.cleanup());
});

let n = 0;
async function exportFrom(from: ExchangeNode, to: ExchangeNode, extraInput: Record<string, unknown> = {}) {
  return from.ok('bundles.export', { outFile: path.join(from.dir, `b${++n}.qklb`), ...(from.id === bureau.id ? { targetNodeId: to.id } : {}), ...extraInput });
}
async function importInto(node: ExchangeNode, file: string, dryRun = false) {
  return (await node.ok('bundles.import', { paths: [file], dryRun }))[0]!;
}
type Trusted = { id: string; revoked_at: string | null; revoked_reason: string | null; recipients: string };
const trusted = (node: ExchangeNode) => node.core.ctx.database.sqlite.prepare('SELECT id, revoked_at, revoked_reason, recipients FROM trusted_keys ORDER BY trusted_at, rowid').all() as Trusted[];
const bureauSigningKey = (node: ExchangeNode) => allKeys(node.core.ctx).find((k) => k.purpose === 'signing' && k.retiredAt === null)!;

/** A copy of the bureau's database as it is now: the old PC, or a backup in wrong hands. */
async function copyOf(node: ExchangeNode): Promise<ExchangeNode> {
  const temp = tempDir();
  const file = temp.file('copy.sqlite');
  await node.core.ctx.database.sqlite.backup(file);
  const copy = await exchangeNode('bureau', '张家港市市场监督管理局', null, { file, dir: temp.dir });
  extra.push({ cleanup: () => (copy.close(), temp.cleanup()) });
  return copy;
}

/** Who can open a bundle: the identities given, or refused as not-recipient. */
async function opensWith(file: string, identities: string[]): Promise<string> {
  try {
    const opened = await openBundle({ file, identities, maxBytes: 1 << 30, tempRoot: mkdtempSync(path.join(office.dir, 'open-')) });
    opened.dispose();
    return 'opened';
  } catch (error) {
    return (error as { reason?: string }).reason ?? String(error);
  }
}

describe('the bureau rotates its keys', () => {
  it('offices learn the new key from its bundle: trust it, retire the old one, encrypt to the new recipients', { timeout: 120_000 }, async () => {
    await importInto(bureau, (await exportFrom(office, bureau)).file);
    await importInto(office, (await exportFrom(bureau, office)).file);
    const oldKey = bureauSigningKey(bureau);
    const oldPc = await copyOf(bureau);

    await bureau.ok('keys.rotate', {});
    const newKey = bureauSigningKey(bureau);
    const newRecipients = ownRecipients(bureau.core.ctx);
    const statements = bureau.core.ctx.database.sqlite.prepare('SELECT kind, subject_key_id AS subject, new_key_id AS next, signer_key_id AS signer FROM bureau_key_statements').all();
    expect(statements).toEqual([{ kind: 'rotate', subject: oldKey.id, next: newKey.id, signer: oldKey.id }]);

    // the bundle is signed by the new key, which the office does not know yet
    const down = await exportFrom(bureau, office);
    expect(down.rowCounts['bureau_key_statements']).toBe(1);
    const result = await importInto(office, down.file);
    expect(result, result.message ?? '').toMatchObject({ status: 'imported', changes: { bureau_key_statements: { inserted: 1 } } });
    expect(trusted(office)).toEqual([
      { id: oldKey.id, revoked_at: expect.any(String), revoked_reason: expect.stringContaining('市局已更换密钥'), recipients: expect.any(String) },
      { id: newKey.id, revoked_at: null, revoked_reason: null, recipients: JSON.stringify(newRecipients) },
    ]);
    const audit = office.core.ctx.database.sqlite.prepare("SELECT row_ids FROM audit_log WHERE call = 'keys.bureauStatement' ORDER BY seq").all();
    expect(audit).toEqual(expect.arrayContaining([{ row_ids: JSON.stringify([newKey.id]) }, { row_ids: JSON.stringify([oldKey.id]) }]));
    // the office's trusted key for the bureau shows the fingerprint of the bureau's new .pub
    const status = await bureau.ok('keys.status', {});
    expect((await office.ok('keys.trusted', {})).find((k) => k.keyId === newKey.id)!.fingerprint).toBe(status.signing!.fingerprint);

    // the office's next bundle is made for the new recipients only, and the bureau takes it
    const up = await exportFrom(office, bureau);
    const identities = loadIdentities(bureau.core.ctx, PASSPHRASE);
    expect(await opensWith(up.file, identities.slice(0, 2))).toBe('opened');
    expect(await opensWith(up.file, identities.slice(2))).toBe('not-recipient');
    expect(await importInto(bureau, up.file)).toMatchObject({ status: 'imported', sequence: 2 });

    // a later bureau bundle, signed by the new key, carries no statement and goes in
    const later = await exportFrom(bureau, office);
    expect(later.rowCounts['bureau_key_statements'] ?? 0).toBe(0);
    expect(await importInto(office, later.file)).toMatchObject({ status: 'imported' });

    // the old key (a copy of the database from before the rotation) signs nothing the office accepts any more
    const before = dataDigest(office);
    const stale = await exportFrom(oldPc, office, { full: true });
    expect(await importInto(office, stale.file)).toMatchObject({ status: 'refused', reason: 'revoked-key' });
    expect(dataDigest(office)).toBe(before);
  });

  it('with a revocation: the office revokes the old key with the bureau\u2019s reason, and refuses a bundle the old key signs later', { timeout: 120_000 }, async () => {
    const oldKey = bureauSigningKey(bureau);
    const stolen = await copyOf(bureau);
    await bureau.ok('keys.rotate', { revokeReason: '旧电脑丢失' });
    expect(bureau.core.ctx.database.sqlite.prepare('SELECT kind FROM bureau_key_statements ORDER BY kind DESC').all()).toEqual([{ kind: 'rotate' }, { kind: 'revoke' }]);

    const preview = await importInto(office, (await exportFrom(bureau, office)).file, true);
    expect(preview.status).toBe('dry-run');
    expect(trusted(office).map((k) => k.revoked_at)).toEqual([null]);

    const result = await importInto(office, path.join(bureau.dir, `b${n}.qklb`));
    expect(result.status, result.message ?? '').toBe('imported');
    expect(trusted(office).find((k) => k.id === oldKey.id)).toMatchObject({ revoked_at: expect.any(String), revoked_reason: '市局通知吊销：旧电脑丢失' });
    expect((await office.ok('keys.trusted', {})).filter((k) => !k.revokedAt)).toHaveLength(1);

    // whoever holds the old PC signs a bundle with the revoked key: refused, nothing changes
    const before = dataDigest(office);
    const forged = await exportFrom(stolen, office, { full: true });
    const refused = await importInto(office, forged.file);
    expect(refused).toMatchObject({ status: 'refused', reason: 'revoked-key', message: expect.stringContaining('吊销') });
    expect(dataDigest(office)).toBe(before);
  });

  it('two rotations while the office was away reach it in one bundle, signed by the newest key', { timeout: 120_000 }, async () => {
    const first = bureauSigningKey(bureau);
    await bureau.ok('keys.rotate', {});
    const second = bureauSigningKey(bureau);
    await bureau.ok('keys.rotate', {});
    const third = bureauSigningKey(bureau);
    const result = await importInto(office, (await exportFrom(bureau, office)).file);
    expect(result.status, result.message ?? '').toBe('imported');
    expect(trusted(office).map((k) => [k.id, k.revoked_at === null])).toEqual([
      [first.id, false],
      [second.id, false],
      [third.id, true],
    ]);
    expect(await importInto(bureau, (await exportFrom(office, bureau)).file)).toMatchObject({ status: 'imported' });
  });

  it('an office enrolled after the rotation, trusting only the new key, takes the older statement without fuss', { timeout: 120_000 }, async () => {
    await bureau.ok('keys.rotate', {});
    const late = await exchangeNode('district', '锦丰分局', 'seed-district-04');
    extra.push(late);
    await trustEachOther(late, bureau);
    const result = await importInto(late, (await exportFrom(bureau, late)).file);
    expect(result, result.message ?? '').toMatchObject({ status: 'imported', changes: { bureau_key_statements: { inserted: 1 } } });
    expect(trusted(late).map((k) => k.revoked_at)).toEqual([null]);
  });
});

describe('forged or misplaced key statements', () => {
  /** A statement row put into the bureau's own table, as a tampered bureau database (or a bug) would send it. */
  function plant(row: StatementRow): void {
    bureau.core.ctx.database.sqlite
      .prepare(
        `INSERT INTO bureau_key_statements (id, origin_node, created_at, updated_at, version, deleted_at, kind, subject_key_id, new_key_id, statement, signer_key_id, signature, new_key_signature)
         VALUES (@id, @origin_node, @created_at, @updated_at, @version, @deleted_at, @kind, @subject_key_id, @new_key_id, @statement, @signer_key_id, @signature, @new_key_signature)`,
      )
      .run(row);
  }
  const bureauRef = () => ({ nodeId: bureau.id, name: '张家港市市场监督管理局' });
  const rogue = () => {
    const pair = generateSigningKeyPair();
    return { der: pair.privateKey, ref: { keyId: keyIdOf(pair.publicKey), signingKey: pair.publicKey } };
  };

  async function expectRefused(reason: string, text: RegExp) {
    const before = { data: dataDigest(office), trusted: JSON.stringify(trusted(office)) };
    const result = await importInto(office, (await exportFrom(bureau, office)).file);
    expect(result).toMatchObject({ status: 'refused', reason, message: expect.stringMatching(text) });
    expect(dataDigest(office)).toBe(before.data);
    expect(JSON.stringify(trusted(office))).toBe(before.trusted);
  }

  it('a rotation signed by a key the office does not trust is refused as possibly forged', { timeout: 60_000 }, async () => {
    const evil = rogue();
    const next = rogue();
    const successor = { format: 1 as const, kind: 'qkl-public-identity' as const, nodeId: bureau.id, role: 'bureau' as const, name: '张家港市市场监督管理局', districtId: null, signingKey: next.ref.signingKey, keyId: next.ref.keyId, recipients: ownRecipients(bureau.core.ctx) };
    plant(signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau: bureauRef(), statedAt: new Date().toISOString(), action: 'rotate', subject: evil.ref, successor }, evil.der, next.der));
    await expectRefused('unknown-signer', /未信任的密钥.*可能是伪造的/);
  });

  it('a revocation of the trusted key signed by an untrusted key is refused', { timeout: 60_000 }, async () => {
    const evil = rogue();
    const real = bureauSigningKey(bureau);
    plant(signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau: bureauRef(), statedAt: new Date().toISOString(), action: 'revoke', subject: { keyId: real.id, signingKey: real.publicKey }, signer: evil.ref, reason: '伪造' }, evil.der));
    await expectRefused('unknown-signer', /未信任的密钥/);
  });

  it('a statement by the trusted key whose text was changed afterwards is refused as a bad signature', { timeout: 60_000 }, async () => {
    const real = bureauSigningKey(bureau);
    const der = openKey(bureau.core.ctx, real, PASSPHRASE);
    const ref = { keyId: real.id, signingKey: real.publicKey };
    const row = signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau: bureauRef(), statedAt: new Date().toISOString(), action: 'revoke', subject: ref, signer: ref, reason: '测试' }, der);
    der.fill(0);
    plant({ ...row, statement: row.statement.replace('测试', '改过') });
    await expectRefused('bad-signature', /签名无效/);
  });

  it('an office\u2019s bundle carrying key statements is refused at the bureau', { timeout: 60_000 }, async () => {
    const own = rogue();
    const ref = own.ref;
    const row = signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau: { nodeId: office.id, name: '塘桥分局' }, statedAt: new Date().toISOString(), action: 'revoke', subject: ref, signer: ref, reason: '越权' }, own.der);
    office.core.ctx.database.sqlite
      .prepare(
        `INSERT INTO bureau_key_statements (id, origin_node, created_at, updated_at, version, deleted_at, kind, subject_key_id, new_key_id, statement, signer_key_id, signature, new_key_signature)
         VALUES (@id, @origin_node, @created_at, @updated_at, @version, @deleted_at, @kind, @subject_key_id, @new_key_id, @statement, @signer_key_id, @signature, @new_key_signature)`,
      )
      .run(row);
    // an office never exports what only the bureau originates
    const honest = await exportFrom(office, bureau);
    expect(honest.rowCounts).not.toHaveProperty('bureau_key_statements');
    // made by hand and signed with the office's genuine key, it is refused whole
    const before = dataDigest(bureau);
    const result = await importInto(bureau, await hostileBundle(office, bureau, { bureau_key_statements: [row] }));
    expect(result).toMatchObject({ status: 'refused', reason: 'foreign-rows', message: expect.stringContaining('只有市局能发出密钥声明') });
    expect(dataDigest(bureau)).toBe(before);
  });
});
