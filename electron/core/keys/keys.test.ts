import { Decrypter, Encrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { districtCore } from '../../../tests/support/core.ts';
import { verifyDetached } from '../crypto/signing.ts';
import { createNodeKeys, loadIdentities, loadSigner, ownRecipients, publicIdentity } from './keys.ts';
import { identityFingerprint, parsePublicIdentity } from './public-identity.ts';
import { fakeSafeStorage, keysNode, PASS, pubOf, type KeysNode } from './testing/nodes.ts';

// This node's own keys: made at init or later, sealed with a passphrase or
// safeStorage, opened only with the right one, rotated without losing old bundles.

const nodes: KeysNode[] = [];
afterEach(() => nodes.splice(0).forEach((n) => n.cleanup()));
async function node(...args: Parameters<typeof keysNode>): Promise<KeysNode> {
  const made = await keysNode(...args);
  nodes.push(made);
  return made;
}
const FINGERPRINT = /^\d{5}( \d{5}){7}$/;

async function encryptTo(recipients: string[], text: string): Promise<Uint8Array> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return e.encrypt(text);
}
async function decryptWith(identities: string[], file: Uint8Array): Promise<string> {
  const d = new Decrypter();
  for (const i of identities) d.addIdentity(i);
  return d.decrypt(file, 'text');
}

function rows(n: KeysNode, sql: string): Array<Record<string, unknown>> {
  return n.core.ctx.database.sqlite.prepare(sql).all() as Array<Record<string, unknown>>;
}

describe('own keys', () => {
  it('are made at node.init with a passphrase: a district gets signing + age, sealed, and nothing secret is audited', { timeout: 60_000 }, async () => {
    const office = await node('district', { passphrase: PASS });
    const keys = rows(office, 'SELECT purpose, protection, retired_at, sealed_private FROM node_keys ORDER BY purpose');
    expect(keys.map((k) => [k['purpose'], k['protection'], k['retired_at']])).toEqual([
      ['age', 'passphrase', null],
      ['signing', 'passphrase', null],
    ]);
    for (const k of keys) expect(String(k['sealed_private'])).not.toContain('AGE-SECRET-KEY');

    const status = await office.ok('keys.status', {});
    expect(status).toMatchObject({ hasKeys: true, protection: 'passphrase', safeStorageAvailable: false });
    expect(status.signing!.fingerprint).toMatch(FINGERPRINT);
    expect(status.recipients).toEqual([{ purpose: 'age', recipient: expect.stringMatching(/^age1/), fingerprint: expect.stringMatching(FINGERPRINT) }]);

    // the secrets themselves, to look for in the audit log
    const identities = loadIdentities(office.core.ctx, PASS);
    const audit = office.auditText();
    expect(audit).toContain('"call":"node.init"');
    expect(audit).not.toContain(PASS);
    expect(audit).not.toContain('AGE-SECRET-KEY');
    expect(audit).not.toContain(identities[0]!);
    expect(audit).not.toContain('sealed');
    for (const k of keys) expect(audit).not.toContain(String(k['sealed_private']).slice(40, 80));
  });

  it('gives the bureau a backup identity; both recipients are published, main first', { timeout: 60_000 }, async () => {
    const bureau = await node('bureau', { passphrase: PASS });
    const status = await bureau.ok('keys.status', {});
    expect(status.recipients.map((r) => r.purpose)).toEqual(['age', 'age-backup']);
    expect(ownRecipients(bureau.core.ctx)).toEqual(status.recipients.map((r) => r.recipient));
    const pub = publicIdentity(bureau.core.ctx);
    expect(pub).toEqual({
      format: 1,
      kind: 'qkl-public-identity',
      nodeId: bureau.id,
      role: 'bureau',
      name: '张家港市市场监督管理局',
      districtId: null,
      signingKey: expect.any(String),
      keyId: status.signing!.keyId,
      recipients: status.recipients.map((r) => r.recipient),
    });
    // the .pub file is the same object, and its fingerprint is the one the status shows
    const parsed = parsePublicIdentity(await pubOf(bureau));
    expect(parsed).toEqual(pub);
    expect(identityFingerprint(parsed)).toBe(status.signing!.fingerprint);

    // each bureau identity opens what was encrypted to its recipient alone
    const [main, backup] = loadIdentities(bureau.core.ctx, PASS);
    expect(await decryptWith([main!], await encryptTo([pub.recipients[0]!], 'main'))).toBe('main');
    expect(await decryptWith([backup!], await encryptTo([pub.recipients[1]!], 'backup'))).toBe('backup');
  });

  it('without passphrase or safeStorage, the node is made without keys; keys.create asks for a passphrase', { timeout: 60_000 }, async () => {
    const office = await node('district');
    expect(await office.ok('node.get', {})).toMatchObject({ name: '塘桥分局' });
    expect(await office.ok('keys.status', {})).toEqual({ hasKeys: false, protection: null, safeStorageAvailable: false, signing: null, recipients: [], passphraseSealed: 0 });
    expect(() => loadSigner(office.core.ctx)).toThrow(/尚未创建密钥/);
    expect(ownRecipients(office.core.ctx)).toEqual([]);
    expect(await office.refused('keys.exportPublic', {})).toMatchObject({ code: 'NOT_FOUND' });

    expect(await office.refused('keys.create', {})).toMatchObject({ code: 'PASSPHRASE_REQUIRED', message: expect.stringContaining('无法找回') });
    expect(await office.refused('keys.create', { passphrase: 'short' })).toMatchObject({ code: 'VALIDATION', details: { field: 'passphrase' } });
    expect(rows(office, 'SELECT * FROM node_keys')).toHaveLength(0);

    const status = await office.ok('keys.create', { passphrase: PASS });
    expect(status).toMatchObject({ hasKeys: true, protection: 'passphrase' });
    expect(await office.refused('keys.create', { passphrase: PASS })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('更换密钥') });
    expect(office.auditText()).toContain('"call":"keys.create"');
    expect(office.auditText()).not.toContain(PASS);
  });

  it('the host passphrase (QKL_PASSPHRASE) is used when the call gives none', { timeout: 60_000 }, async () => {
    const office = await node('training', { keyAccess: { safeStorage: null, passphrase: PASS } });
    expect(await office.ok('keys.status', {})).toMatchObject({ hasKeys: true, protection: 'passphrase' });
    expect(loadSigner(office.core.ctx).keyId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a too short passphrase at node.init before anything is created', async () => {
    const t = await districtCore({ init: false });
    try {
      const result = await t.core.call('node.init', { role: 'district', name: '塘桥分局', districtId: 'seed-district-03', passphrase: '1234567' });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'passphrase' } });
      expect(await t.ok('node.get', {})).toBeNull();
    } finally {
      t.cleanup();
    }
  });

  it('signs with the current key; a wrong or missing passphrase is told apart', { timeout: 60_000 }, async () => {
    const office = await node('district', { passphrase: PASS });
    const signer = loadSigner(office.core.ctx, PASS);
    const message = Buffer.from('manifest');
    const signature = signer.sign(Buffer.concat([Buffer.from('qkl-test\n'), message]));
    expect(verifyDetached('qkl-test\n', message, signature, signer.publicKey)).toBe(true);
    expect(signer.keyId).toBe(publicIdentity(office.core.ctx).keyId);

    const cli = office.reopen({ safeStorage: null });
    try {
      expect(() => loadSigner(cli.core.ctx)).toThrow(expect.objectContaining({ code: 'PASSPHRASE_REQUIRED' }));
      expect(() => loadSigner(cli.core.ctx, 'not the passphrase')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
      expect(() => loadIdentities(cli.core.ctx, 'not the passphrase')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
      expect(loadSigner(cli.core.ctx, PASS).keyId).toBe(signer.keyId);
      expect(await cli.refused('keys.rotate', { passphrase: 'not the passphrase' })).toMatchObject({ code: 'WRONG_PASSPHRASE', details: { field: 'passphrase' } });
    } finally {
      cli.core.close();
    }
  });

  it('uses safeStorage where the host has it: no passphrase, and another host cannot open the keys', { timeout: 60_000 }, async () => {
    const safeStorage = fakeSafeStorage();
    const office = await node('district', { keyAccess: { safeStorage } });
    expect(await office.ok('keys.status', {})).toMatchObject({ hasKeys: true, protection: 'safeStorage', safeStorageAvailable: true });
    expect(loadSigner(office.core.ctx).keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(loadIdentities(office.core.ctx)[0]).toMatch(/^AGE-SECRET-KEY-1/);

    const cli = office.reopen({ safeStorage: null, passphrase: PASS });
    try {
      expect(() => loadSigner(cli.core.ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      expect(await cli.refused('keys.rotate', {})).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      cli.core.close();
    }
    // safeStorage switched off (another OS user): refused, not crashed
    safeStorage.available = false;
    expect(() => loadSigner(office.core.ctx)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('rotates: new keys sign and receive, retired ones still open old bundles', { timeout: 90_000 }, async () => {
    const bureau = await node('bureau', { passphrase: PASS });
    const before = await bureau.ok('keys.status', {});
    const oldBundle = await encryptTo(ownRecipients(bureau.core.ctx), 'made for the old keys');

    expect(await bureau.refused('keys.rotate', {})).toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    const after = await bureau.ok('keys.rotate', { passphrase: PASS });
    expect(after.signing!.keyId).not.toBe(before.signing!.keyId);
    expect(after.signing!.fingerprint).not.toBe(before.signing!.fingerprint);
    expect(after.recipients.map((r) => r.purpose)).toEqual(['age', 'age-backup']);
    expect(after.recipients.map((r) => r.recipient)).not.toEqual(before.recipients.map((r) => r.recipient));
    expect(ownRecipients(bureau.core.ctx)).toEqual(after.recipients.map((r) => r.recipient));
    expect(loadSigner(bureau.core.ctx, PASS).keyId).toBe(after.signing!.keyId);

    const keys = rows(bureau, 'SELECT purpose, retired_at FROM node_keys');
    expect(keys.filter((k) => k['retired_at'] === null)).toHaveLength(3);
    expect(keys.filter((k) => k['retired_at'] !== null)).toHaveLength(3);
    const identities = loadIdentities(bureau.core.ctx, PASS);
    expect(identities).toHaveLength(4);
    expect(await decryptWith(identities, oldBundle)).toBe('made for the old keys');
    expect(await decryptWith(identities.slice(0, 2), await encryptTo(ownRecipients(bureau.core.ctx), 'new'))).toBe('new');

    const audit = rows(bureau, "SELECT before, after FROM audit_log WHERE call = 'keys.rotate' AND table_name = 'node_keys'");
    expect(audit).toHaveLength(1);
    // the bureau's rotation is announced to the offices by a statement, audited beside it
    expect(rows(bureau, "SELECT row_ids FROM audit_log WHERE call = 'keys.rotate' AND table_name = 'bureau_key_statements'")).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!['before']))).toHaveLength(3);
    expect(bureau.auditText()).not.toContain('AGE-SECRET-KEY');
    expect(bureau.auditText()).not.toContain(PASS);
  });

  it('createNodeKeys refuses a node that has keys, and one that is not initialised', { timeout: 60_000 }, async () => {
    const office = await node('district', { passphrase: PASS });
    await expect(createNodeKeys(office.core.ctx, PASS)).rejects.toMatchObject({ code: 'CONFLICT' });
    const temp = await keysNode('district');
    nodes.push(temp);
    temp.core.ctx.database.sqlite.prepare('DELETE FROM node_identity').run();
    await expect(createNodeKeys(temp.core.ctx, PASS)).rejects.toMatchObject({ code: 'NOT_INITIALIZED' });
  });
});

describe('recovery sheet', () => {
  it('gives the bureau its backup identity to print; the secret is not audited', { timeout: 60_000 }, async () => {
    const bureau = await node('bureau', { passphrase: PASS });
    expect(await bureau.refused('keys.recoverySheet', {})).toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(await bureau.refused('keys.recoverySheet', { passphrase: 'wrong passphrase' })).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const sheet = await bureau.ok('keys.recoverySheet', { passphrase: PASS });
    const backup = ownRecipients(bureau.core.ctx)[1]!;
    expect(sheet).toMatchObject({ nodeName: '张家港市市场监督管理局', nodeId: bureau.id, backupRecipient: backup, backupFingerprint: expect.stringMatching(FINGERPRINT) });
    expect(sheet.backupSecret).toMatch(/^AGE-SECRET-KEY-1/);
    // the printed secret alone opens a bundle made for the bureau
    expect(await decryptWith([sheet.backupSecret], await encryptTo(ownRecipients(bureau.core.ctx), 'rescued'))).toBe('rescued');
    const audit = bureau.auditText();
    expect(audit).toContain('"call":"keys.recoverySheet"');
    expect(audit).not.toContain(sheet.backupSecret);
    expect(audit).not.toContain('AGE-SECRET-KEY');
  });

  it('is refused on an office', { timeout: 60_000 }, async () => {
    const office = await node('district', { passphrase: PASS });
    expect(await office.refused('keys.recoverySheet', { passphrase: PASS })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
