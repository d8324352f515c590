import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureauKey, trustedNode, trustedSigner } from './keys.ts';
import { normalizeFingerprint } from './trust-service.ts';
import { keysNode, PASS, pubOf, type KeysNode } from './testing/nodes.ts';

// Trust between nodes: an office trusts the bureau, the bureau enrols offices,
// each after the fingerprint was compared by phone. Key making is slow (scrypt), so
// the nodes are made once; each test uses its own fresh node where it changes trust.

let office: KeysNode;
let bureau: KeysNode;
let training: KeysNode;
const extra: KeysNode[] = [];
beforeAll(async () => {
  office = await keysNode('district', { passphrase: PASS });
  bureau = await keysNode('bureau', { passphrase: PASS });
  training = await keysNode('training', { passphrase: PASS });
}, 120_000);
afterAll(() => [office, bureau, training, ...extra].forEach((n) => n?.cleanup()));

async function fresh(role: 'district' | 'bureau', name?: string): Promise<KeysNode> {
  const made = await keysNode(role, { passphrase: PASS, ...(name ? { name } : {}) });
  extra.push(made);
  return made;
}

const countRows = (n: KeysNode, sql: string) => (n.core.ctx.database.sqlite.prepare(sql).get() as { n: number }).n;

describe('trusting a .pub', () => {
  it('an office trusts the bureau after the fingerprint matched; the same file again changes nothing', { timeout: 60_000 }, async () => {
    const content = await pubOf(bureau);
    const info = await office.ok('keys.inspect', { content });
    const bureauStatus = await bureau.ok('keys.status', {});
    expect(info).toEqual({
      nodeId: bureau.id,
      nodeName: '张家港市市场监督管理局',
      role: 'bureau',
      districtId: null,
      keyId: bureauStatus.signing!.keyId,
      // the number read aloud is the one the bureau sees on its own keys page
      fingerprint: bureauStatus.signing!.fingerprint,
      recipients: bureauStatus.recipients.map((r) => r.recipient),
      action: 'trust-bureau',
      alreadyTrusted: false,
    });

    const wrong = info.fingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    const mismatch = await office.refused('keys.trust', { content, fingerprint: wrong });
    expect(mismatch).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^指纹不一致/), details: { field: 'fingerprint' } });
    expect(bureauKey(office.core.ctx)).toBeNull();

    const trusted = await office.ok('keys.trust', { content, fingerprint: info.fingerprint });
    expect(trusted).toMatchObject({ keyId: info.keyId, nodeId: bureau.id, role: 'bureau', fingerprint: info.fingerprint, recipients: info.recipients, trustedBy: 'tester', revokedAt: null });
    expect(bureauKey(office.core.ctx)).toMatchObject({ keyId: info.keyId, signingKey: expect.any(String) });
    expect(trustedNode(office.core.ctx, bureau.id)?.keyId).toBe(info.keyId);

    const audits = countRows(office, "SELECT count(*) AS n FROM audit_log WHERE call = 'keys.trust'");
    expect(await office.ok('keys.trust', { content, fingerprint: info.fingerprint })).toEqual(trusted);
    expect((await office.ok('keys.inspect', { content })).alreadyTrusted).toBe(true);
    expect(countRows(office, 'SELECT count(*) AS n FROM trusted_keys')).toBe(1);
    expect(countRows(office, "SELECT count(*) AS n FROM audit_log WHERE call = 'keys.trust'")).toBe(audits);
  });

  it('the bureau enrols a district office and the training centre; and lists them', { timeout: 60_000 }, async () => {
    for (const from of [office, training]) {
      const content = await pubOf(from);
      const info = await bureau.ok('keys.inspect', { content });
      expect(info).toMatchObject({ action: 'enrol-office', nodeId: from.id, recipients: [expect.stringMatching(/^age1/)] });
      await bureau.ok('keys.trust', { content, fingerprint: info.fingerprint });
      expect(trustedSigner(bureau.core.ctx, info.keyId)).toMatchObject({ nodeId: from.id, revokedAt: null });
      expect(trustedNode(bureau.core.ctx, from.id)?.keyId).toBe(info.keyId);
    }
    // the CLI's --fingerprint as typed from a phone call: dashes, missing spaces
    expect(normalizeFingerprint('12345-67890 123456789012345678901234567890')).toBe('12345 67890 12345 67890 12345 67890 12345 67890');
    expect(bureauKey(bureau.core.ctx)).toBeNull();
    expect((await bureau.ok('keys.trusted', {})).map((k) => k.nodeName).sort()).toEqual(['塘桥分局', '技术服务中心'].sort());
  });

  it('refuses the wrong kind of node, itself, and files that are not a .pub or were changed', { timeout: 60_000 }, async () => {
    const officePub = await pubOf(office);
    expect(await training.refused('keys.inspect', { content: officePub })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不是市局的公钥') });
    const otherBureau = await fresh('bureau', '另一市局');
    expect(await bureau.refused('keys.inspect', { content: await pubOf(otherBureau) })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('市局只登记') });
    expect(await office.refused('keys.inspect', { content: officePub })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本机自己') });

    for (const content of ['not json', '{"hello":1}', JSON.stringify({ ...JSON.parse(officePub), extra: 1 })]) {
      expect(await bureau.refused('keys.inspect', { content })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('公钥文件') });
    }
    const newer = JSON.stringify({ ...JSON.parse(officePub), format: 2 });
    expect(await bureau.refused('keys.inspect', { content: newer })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('升级') });
    const otherKeyId = JSON.stringify({ ...JSON.parse(officePub), keyId: '0'.repeat(32) });
    expect(await bureau.refused('keys.inspect', { content: otherKeyId })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('密钥编号') });
  });

  it('a .pub whose recipients were swapped on the way shows other digits, so the phone check catches it', { timeout: 60_000 }, async () => {
    const victim = await fresh('district', '金港分局');
    const attacker = await fresh('bureau', '冒充者');
    const genuine = await pubOf(bureau);
    const genuineFingerprint = (await bureau.ok('keys.status', {})).signing!.fingerprint;
    // same signing key, node and name; the attacker's recipients, to read every bundle
    const swapped = JSON.stringify({ ...JSON.parse(genuine), recipients: JSON.parse(await pubOf(attacker)).recipients });
    const shown = await victim.ok('keys.inspect', { content: swapped });
    expect(shown.fingerprint).not.toBe(genuineFingerprint);
    expect(await victim.refused('keys.trust', { content: swapped, fingerprint: genuineFingerprint })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^指纹不一致/) });
    expect(bureauKey(victim.core.ctx)).toBeNull();

    // once the genuine file is trusted, a changed copy of the same key is refused outright
    await victim.ok('keys.trust', { content: genuine, fingerprint: genuineFingerprint });
    expect(await victim.refused('keys.inspect', { content: swapped })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('revocation and rotation', () => {
  it('revokes with a reason: audited, no longer the bureau key, and it cannot be trusted again', { timeout: 90_000 }, async () => {
    const desk = await fresh('district', '锦丰分局');
    const content = await pubOf(bureau);
    const { fingerprint, keyId } = await desk.ok('keys.inspect', { content });
    await desk.ok('keys.trust', { content, fingerprint });

    expect(await desk.refused('keys.revoke', { keyId, reason: '  ' })).toMatchObject({ code: 'VALIDATION' });
    expect(await desk.refused('keys.revoke', { keyId: 'f'.repeat(32), reason: '电脑丢失' })).toMatchObject({ code: 'NOT_FOUND' });
    const revoked = await desk.ok('keys.revoke', { keyId, reason: '电脑丢失' });
    expect(revoked).toMatchObject({ keyId, revokedAt: expect.any(String), revokedReason: '电脑丢失' });
    expect(bureauKey(desk.core.ctx)).toBeNull();
    expect(trustedNode(desk.core.ctx, bureau.id)).toBeNull();
    // the importer still finds it, to refuse with "revoked" rather than "unknown"
    expect(trustedSigner(desk.core.ctx, keyId)).toMatchObject({ revokedAt: revoked.revokedAt, revokedReason: '电脑丢失' });
    expect(await desk.refused('keys.revoke', { keyId, reason: '再次' })).toMatchObject({ code: 'CONFLICT' });
    expect(await desk.refused('keys.trust', { content, fingerprint })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已于') });

    const audit = desk.core.ctx.database.sqlite.prepare("SELECT row_ids, after FROM audit_log WHERE call = 'keys.revoke'").get() as { row_ids: string; after: string };
    expect(JSON.parse(audit.row_ids)).toEqual([keyId]);
    expect(JSON.parse(audit.after)).toEqual({ revokedAt: revoked.revokedAt, revokedReason: '电脑丢失' });
  });

  it('a new key of a known node (rotation) is trusted beside the old one, which stays until revoked', { timeout: 120_000 }, async () => {
    const hq = await fresh('bureau', '市局特设科');
    const desk = await fresh('district', '乐余分局');
    const first = await pubOf(hq);
    const firstInfo = await desk.ok('keys.inspect', { content: first });
    await desk.ok('keys.trust', { content: first, fingerprint: firstInfo.fingerprint });

    await hq.ok('keys.rotate', { passphrase: PASS });
    const second = await pubOf(hq);
    const secondInfo = await desk.ok('keys.inspect', { content: second });
    expect(secondInfo).toMatchObject({ nodeId: hq.id, alreadyTrusted: false });
    expect(secondInfo.keyId).not.toBe(firstInfo.keyId);
    await desk.ok('keys.trust', { content: second, fingerprint: secondInfo.fingerprint });

    expect(bureauKey(desk.core.ctx)?.keyId).toBe(secondInfo.keyId);
    expect(trustedSigner(desk.core.ctx, firstInfo.keyId)).toMatchObject({ revokedAt: null });
    expect((await desk.ok('keys.trusted', {})).map((k) => k.keyId)).toEqual([secondInfo.keyId, firstInfo.keyId]);
    await desk.ok('keys.revoke', { keyId: firstInfo.keyId, reason: '市局已更换密钥' });
    expect(bureauKey(desk.core.ctx)?.keyId).toBe(secondInfo.keyId);
  });
});
