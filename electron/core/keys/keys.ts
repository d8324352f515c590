import { AppError } from '../../api/errors.ts';
import type { CoreContext } from '../context.ts';
import { signerFor, type Signer } from '../crypto/signing.ts';
import { requireIdentity } from '../node/node-service.ts';
import { allAgeKeys, currentKey, currentKeys, makeKeys, newKeyProtector, noKeysMessage, openKey, storeKeys } from './own-keys.ts';
import type { PublicIdentityFile } from './public-identity.ts';

// The keys service as the bundle export and import use it. Private keys stay in
// here: callers get a Signer or the age identity strings, for the one operation.

export { bureauKey, trustedNode, trustedSigner, type TrustedSigningKey } from './trust-service.ts';

/**
 * Makes this node's Ed25519 signing key and age identity ('age'; the bureau also a
 * backup identity 'age-backup'), sealed with safeStorage where the host has it, else
 * with the passphrase (this argument, else the host's QKL_PASSPHRASE). Refuses if the
 * node already has keys: that is a rotation.
 */
export async function createNodeKeys(ctx: CoreContext, passphrase?: string): Promise<void> {
  const identity = requireIdentity(ctx);
  if (currentKeys(ctx).length > 0) throw alreadyHasKeys();
  const protector = newKeyProtector(ctx, passphrase);
  const rows = await makeKeys(identity.role, protector, ctx.now().toISOString());
  ctx.database.db.transaction(() => {
    // another window may have been quicker while the keys were made
    if (currentKeys(ctx).length > 0) throw alreadyHasKeys();
    storeKeys(ctx, identity.id, rows, 'keys.create');
  });
}

function alreadyHasKeys(): AppError {
  return new AppError('CONFLICT', '本节点已有密钥，不能重复创建。如需更换，请使用“更换密钥”（qkl keys rotate）。');
}

/** Signs with the current signing key. No keys → NOT_FOUND; a sealed key without (or with a wrong) passphrase → PASSPHRASE_REQUIRED / WRONG_PASSPHRASE. */
export function loadSigner(ctx: CoreContext, passphrase?: string): Signer & { publicKey: string } {
  const row = currentKey(ctx, 'signing');
  if (!row) throw new AppError('NOT_FOUND', noKeysMessage);
  const der = openKey(ctx, row, passphrase);
  try {
    const signer = signerFor(der, row.publicKey);
    return { keyId: signer.keyId, sign: signer.sign, publicKey: row.publicKey };
  } finally {
    der.fill(0);
  }
}

/** Every own age identity (AGE-SECRET-KEY-1…): current main, current backup, then retired ones, so bundles made for older keys still open. */
export function loadIdentities(ctx: CoreContext, passphrase?: string): string[] {
  const rows = allAgeKeys(ctx);
  if (rows.length === 0) throw new AppError('NOT_FOUND', noKeysMessage);
  return rows.map((row) => {
    const plain = openKey(ctx, row, passphrase);
    try {
      return plain.toString('utf8');
    } finally {
      plain.fill(0);
    }
  });
}

/** This node's current age recipients: main first, then (bureau) backup. Empty before keys exist. */
export function ownRecipients(ctx: CoreContext): string[] {
  return currentKeys(ctx)
    .filter((k) => k.purpose === 'age' || k.purpose === 'age-backup')
    .map((k) => k.publicKey);
}

/** What `keys export` writes to the .pub file. */
export function publicIdentity(ctx: CoreContext): PublicIdentityFile {
  const identity = requireIdentity(ctx);
  const signing = currentKey(ctx, 'signing');
  if (!signing) throw new AppError('NOT_FOUND', noKeysMessage);
  return {
    format: 1,
    kind: 'qkl-public-identity',
    nodeId: identity.id,
    role: identity.role,
    name: identity.name,
    districtId: identity.districtId,
    signingKey: signing.publicKey,
    keyId: signing.id,
    recipients: ownRecipients(ctx),
  };
}
