import { localDay } from '../registry/as-of.ts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { PublicIdentityInfo, TrustedKey } from '../../api/schemas/keys.ts';
import { trustedKeys } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { allKeys } from './own-keys.ts';
import { identityFingerprint, parsePublicIdentity, type PublicIdentityFile } from './public-identity.ts';

// Other nodes' public identities, accepted after the fingerprint was read aloud by
// phone. An office trusts the bureau (whom it encrypts to, whose receipts and
// bundles it checks); the bureau enrols offices (whose bundles it accepts).

type TrustedRow = typeof trustedKeys.$inferSelect;

/** A trusted key with its public signing key (base64 raw Ed25519), which verification needs. */
export type TrustedSigningKey = TrustedKey & { signingKey: string };

function toTrustedKey(row: TrustedRow): TrustedSigningKey {
  return {
    keyId: row.id,
    signingKey: row.signingKey,
    nodeId: row.nodeId,
    nodeName: row.nodeName,
    role: row.role,
    districtId: row.districtId,
    fingerprint: row.fingerprint,
    recipients: JSON.parse(row.recipients) as string[],
    trustedAt: row.trustedAt,
    trustedBy: row.trustedBy,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
  };
}

// Newest first; rowid breaks a tie of two keys trusted in the same millisecond.
const newestFirst = [desc(trustedKeys.trustedAt), desc(sql`rowid`)] as const;

/** The key that made a signature, revoked or not: the caller tells "unknown" from "revoked" by revokedAt. */
export function trustedSigner(ctx: CoreContext, keyId: string): TrustedSigningKey | null {
  const row = ctx.database.db.select().from(trustedKeys).where(eq(trustedKeys.id, keyId)).get();
  return row ? toTrustedKey(row) : null;
}

/** The newest unrevoked key of a node (after a rotation both are trusted until the old one is revoked). */
export function trustedNode(ctx: CoreContext, nodeId: string): TrustedSigningKey | null {
  const row = ctx.database.db
    .select()
    .from(trustedKeys)
    .where(and(eq(trustedKeys.nodeId, nodeId), isNull(trustedKeys.revokedAt)))
    .orderBy(...newestFirst)
    .limit(1)
    .get();
  return row ? toTrustedKey(row) : null;
}

/** On an office: the bureau it sends bundles to (newest unrevoked bureau key), or null before one is trusted. */
export function bureauKey(ctx: CoreContext): TrustedSigningKey | null {
  const row = ctx.database.db
    .select()
    .from(trustedKeys)
    .where(and(eq(trustedKeys.role, 'bureau'), isNull(trustedKeys.revokedAt)))
    .orderBy(...newestFirst)
    .limit(1)
    .get();
  return row ? toTrustedKey(row) : null;
}

export function listTrusted(ctx: CoreContext): TrustedKey[] {
  return ctx.database.db.select().from(trustedKeys).orderBy(...newestFirst).all().map(toTrustedKey);
}

interface Examined {
  pub: PublicIdentityFile;
  fingerprint: string;
  action: PublicIdentityInfo['action'];
  existing: TrustedRow | null;
}

/** Everything trusting would refuse, checked already when the file is shown, so no one phones about a file that cannot be trusted. */
function examine(ctx: CoreContext, content: string): Examined {
  const identity = requireIdentity(ctx);
  const pub = parsePublicIdentity(content);
  const fingerprint = identityFingerprint(pub);
  const ownPublicKeys = new Set(allKeys(ctx).map((k) => k.publicKey));
  if (pub.nodeId === identity.id || ownPublicKeys.has(pub.signingKey) || pub.recipients.some((r) => ownPublicKeys.has(r))) {
    throw new AppError('FORBIDDEN', '这是本机自己的公钥文件，不需要信任。请选择对方（市局或分局）导出的 .pub 文件。');
  }
  let action: PublicIdentityInfo['action'];
  if (identity.role === 'bureau') {
    if (pub.role === 'bureau') throw new AppError('FORBIDDEN', `“${pub.name}”是市局的公钥。市局只登记分局和培训中心的公钥。`);
    action = 'enrol-office';
  } else {
    if (pub.role !== 'bureau') throw new AppError('FORBIDDEN', `“${pub.name}”不是市局的公钥。本机只需信任市局的公钥（数据包只发给市局）。`);
    action = 'trust-bureau';
  }
  const db = ctx.database.db;
  const existing = db.select().from(trustedKeys).where(eq(trustedKeys.id, pub.keyId)).get() ?? null;
  if (existing?.revokedAt) {
    const reason = existing.revokedReason ? `（原因：${existing.revokedReason}）` : '';
    throw new AppError('CONFLICT', `这个公钥已于 ${localDay(existing.revokedAt)} 吊销${reason}，不能再次信任。请对方更换密钥后重新导出公钥文件。`);
  }
  if (existing && (existing.fingerprint !== fingerprint || existing.nodeId !== pub.nodeId)) {
    throw new AppError('CONFLICT', '这个签名公钥已经信任过，但文件的其余内容与当时不同，可能已被改动。请勿使用此文件，并与对方联系。');
  }
  const sameNode = db.select({ role: trustedKeys.role }).from(trustedKeys).where(eq(trustedKeys.nodeId, pub.nodeId)).limit(1).get();
  if (sameNode && sameNode.role !== pub.role) {
    throw new AppError('CONFLICT', '文件中的节点编号已登记为另一类节点，内容可能已被改动。请勿使用此文件，并与对方联系。');
  }
  return { pub, fingerprint, action, existing };
}

/** What the user compares by phone before trusting. */
export function inspectPublicIdentity(ctx: CoreContext, content: string): PublicIdentityInfo {
  const { pub, fingerprint, action, existing } = examine(ctx, content);
  return {
    nodeId: pub.nodeId,
    nodeName: pub.name,
    role: pub.role,
    districtId: pub.districtId,
    keyId: pub.keyId,
    fingerprint,
    recipients: pub.recipients,
    action,
    alreadyTrusted: existing !== null,
  };
}

/** Digits only, regrouped, so "12345-67890…" or extra spaces read from a phone call still compare. */
export function normalizeFingerprint(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.match(/\d{1,5}/g)?.join(' ') ?? '';
}

/**
 * Trusts the file after the user confirmed its fingerprint. The same key again
 * returns the existing entry; a new key of a known node is a rotation and is
 * added beside the old one, which stays until it is revoked.
 */
export function trustPublicIdentity(ctx: CoreContext, input: { content: string; fingerprint: string }): TrustedKey {
  const identity = requireIdentity(ctx);
  const db = ctx.database.db;
  return db.transaction(() => {
    const { pub, fingerprint, existing } = examine(ctx, input.content);
    if (normalizeFingerprint(input.fingerprint) !== fingerprint) {
      throw new AppError(
        'VALIDATION',
        '指纹不一致：核对的指纹与文件中的不同。文件可能被调换或改动，请不要信任它，并与对方重新核对或重新拷贝文件。',
        { field: 'fingerprint' },
      );
    }
    if (existing) return toTrustedKey(existing);
    const row: TrustedRow = {
      id: pub.keyId,
      nodeId: pub.nodeId,
      nodeName: pub.name,
      role: pub.role,
      districtId: pub.districtId,
      signingKey: pub.signingKey,
      recipients: JSON.stringify(pub.recipients),
      fingerprint,
      trustedAt: ctx.now().toISOString(),
      trustedBy: ctx.actor,
      revokedAt: null,
      revokedReason: null,
    };
    db.insert(trustedKeys).values(row).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'keys.trust', table: 'trusted_keys', rowIds: [row.id], after: row });
    return toTrustedKey(row);
  });
}

/** Stamps the key revoked; bundles and receipts it signs from now on are refused. */
export function revokeTrusted(ctx: CoreContext, input: { keyId: string; reason: string }): TrustedKey {
  const identity = requireIdentity(ctx);
  const db = ctx.database.db;
  return db.transaction(() => {
    const row = db.select().from(trustedKeys).where(eq(trustedKeys.id, input.keyId)).get();
    if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${input.keyId} 的已信任公钥。请用“已信任的公钥”列表（qkl keys list）查看编号。`, { field: 'keyId' });
    if (row.revokedAt) throw new AppError('CONFLICT', `“${row.nodeName}”的这个公钥已于 ${localDay(row.revokedAt)} 吊销，无需重复操作。`);
    const revokedAt = ctx.now().toISOString();
    db.update(trustedKeys).set({ revokedAt, revokedReason: input.reason }).where(eq(trustedKeys.id, row.id)).run();
    const after = { ...row, revokedAt, revokedReason: input.reason };
    appendAudit(ctx, { nodeId: identity.id, call: 'keys.revoke', table: 'trusted_keys', rowIds: [row.id], before: { revokedAt: null }, after: { revokedAt, revokedReason: input.reason } });
    return toTrustedKey(after);
  });
}
