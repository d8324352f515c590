import { isNull } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { FileOutput } from '../../api/schemas/files.ts';
import type { KeysStatus } from '../../api/schemas/keys.ts';
import type { NodeRole } from '../../api/schemas/node.ts';
import { nodeKeys } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { readableFingerprint } from '../crypto/fingerprint.ts';
import { getIdentity, requireIdentity } from '../node/node-service.ts';
import { rotationStatements, storeStatements } from './bureau-rotation.ts';
import { publicIdentity } from './keys.ts';
import { allKeys, currentKey, currentKeys, makeKeys, newKeyProtector, noKeysMessage, openKey, publicPart, storeKeys, type NodeKeyRow } from './own-keys.ts';
import { identityFingerprint, serializePublicIdentity } from './public-identity.ts';

// The keys.* calls about this node's own keys: status, rotation, the .pub file and
// the bureau's recovery sheet.

/**
 * What the keys page shows. signing.fingerprint is the fingerprint of the whole
 * public identity (node, signing key, recipients): the number the other side sees
 * when it opens this node's .pub, and reads back over the phone.
 */
export function keysStatus(ctx: CoreContext): KeysStatus {
  const safeStorageAvailable = ctx.keyAccess.safeStorage?.isEncryptionAvailable() ?? false;
  const signing = getIdentity(ctx) ? currentKey(ctx, 'signing') : null;
  if (!signing) return { hasKeys: false, protection: null, safeStorageAvailable, signing: null, recipients: [], passphraseSealed: 0 };
  const ages = currentKeys(ctx).filter((k): k is NodeKeyRow & { purpose: 'age' | 'age-backup' } => k.purpose !== 'signing');
  return {
    hasKeys: true,
    protection: signing.protection,
    safeStorageAvailable,
    signing: { keyId: signing.id, fingerprint: identityFingerprint(publicIdentity(ctx)), createdAt: signing.createdAt },
    recipients: ages.map((k) => ({ purpose: k.purpose, recipient: k.publicKey, fingerprint: readableFingerprint(k.publicKey) })),
    passphraseSealed: allKeys(ctx).filter((k) => k.protection === 'passphrase').length,
  };
}

/**
 * For node.init: the keys to store with the new node, or null when this host can
 * seal none (no safeStorage, no passphrase) and the node starts without keys.
 * Made before the node's transaction, because making age identities is async.
 */
export async function keysForNewNode(ctx: CoreContext, role: NodeRole, passphrase?: string): Promise<NodeKeyRow[] | null> {
  const canSeal = ctx.keyAccess.safeStorage?.isEncryptionAvailable() || Boolean(passphrase ?? ctx.keyAccess.passphrase);
  if (!canSeal) return null;
  return makeKeys(role, newKeyProtector(ctx, passphrase), ctx.now().toISOString());
}

/**
 * New signing and age keys (and the bureau's backup identity); the old ones are
 * retired, kept so bundles made for them can still be opened. The current signing
 * key must open first: only its holder may replace it, and new keys are sealed
 * with the same passphrase. On the bureau the old key also signs a statement of
 * the rotation (with a revocation when `revokeReason` says the old key may be in
 * wrong hands), which its next bundles carry to every office.
 */
export async function rotateNodeKeys(ctx: CoreContext, input: { passphrase?: string; revokeReason?: string }): Promise<KeysStatus> {
  const identity = requireIdentity(ctx);
  if (input.revokeReason !== undefined && identity.role !== 'bureau') {
    throw new AppError('VALIDATION', '只有市局更换密钥时才通知各分局吊销旧密钥。分局更换密钥后，请把新公钥文件交给市局，由市局吊销旧公钥。', { field: 'revokeReason' });
  }
  const signing = currentKey(ctx, 'signing');
  if (!signing) throw new AppError('NOT_FOUND', noKeysMessage);
  const oldDer = openKey(ctx, signing, input.passphrase);
  try {
    const rows = await makeKeys(identity.role, newKeyProtector(ctx, input.passphrase), ctx.now().toISOString());
    const statements = identity.role === 'bureau' ? rotationStatements(ctx, { identity, old: signing, oldDer, fresh: rows, ...input }) : [];
    const db = ctx.database.db;
    db.transaction(() => {
      const old = currentKeys(ctx);
      if (old[0]?.id !== signing.id) throw new AppError('CONFLICT', '密钥刚刚已被更换，请刷新后查看。');
      const retiredAt = ctx.now().toISOString();
      db.update(nodeKeys).set({ retiredAt }).where(isNull(nodeKeys.retiredAt)).run();
      storeKeys(ctx, identity.id, rows, 'keys.rotate', old.map((k) => ({ ...publicPart(k), retiredAt })));
      storeStatements(ctx, identity.id, statements);
    });
  } finally {
    oldDer.fill(0);
  }
  return keysStatus(ctx);
}

/** The .pub file for the other side. */
export function exportPublicFile(ctx: CoreContext): FileOutput {
  const identity = publicIdentity(ctx);
  const safeName = identity.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return {
    fileName: `${safeName}.pub`,
    mimeType: 'application/json',
    contentBase64: Buffer.from(serializePublicIdentity(identity), 'utf8').toString('base64'),
  };
}

/** The bureau's backup identity, to print and lock away; that it was printed is audited, the secret is not. */
export function recoverySheet(ctx: CoreContext, passphrase?: string) {
  const identity = requireIdentity(ctx);
  const backup = currentKey(ctx, 'age-backup');
  if (!backup) throw new AppError('NOT_FOUND', noKeysMessage);
  const plain = openKey(ctx, backup, passphrase);
  const backupSecret = plain.toString('utf8');
  plain.fill(0);
  const printedAt = ctx.now().toISOString();
  appendAudit(ctx, { nodeId: identity.id, call: 'keys.recoverySheet', table: 'node_keys', rowIds: [backup.id], after: { printedAt, backupRecipient: backup.publicKey } });
  return {
    nodeName: identity.name,
    nodeId: identity.id,
    printedAt,
    backupRecipient: backup.publicKey,
    backupFingerprint: readableFingerprint(backup.publicKey),
    backupSecret,
  };
}
