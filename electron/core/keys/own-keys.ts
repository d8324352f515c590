import { createHash } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { asc, desc, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { NodeRole } from '../../api/schemas/node.ts';
import { nodeKeys } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { KeyProtectionError, passphraseProtector, safeStorageProtector, type KeyProtector } from '../crypto/key-protection.ts';
import { generateSigningKeyPair, keyIdOf } from '../crypto/signing.ts';

// This node's own key pairs: made, sealed, stored and opened. The private halves
// leave this module only as a Signer or as age identity strings handed to the
// bundle code; they never reach the audit log, an error message or a log line.

export type NodeKeyRow = typeof nodeKeys.$inferSelect;
export type KeyPurpose = NodeKeyRow['purpose'];

const MIN_PASSPHRASE_CHARS = 8;

export const noKeysMessage = '本节点尚未创建密钥，不能签名或打开数据包。请在“密钥与信任”页面创建密钥（命令行：QKL_PASSPHRASE=口令 qkl keys create）。';

/** Key id of an age recipient, like a signing key's: 32 hex characters of sha256. */
export function recipientKeyId(recipient: string): string {
  return createHash('sha256').update(recipient, 'utf8').digest('hex').slice(0, 32);
}

/** How new private keys are sealed here: safeStorage where the OS has it, else the passphrase (the call's, else the host's). */
export function newKeyProtector(ctx: CoreContext, passphrase?: string): KeyProtector {
  const safeStorage = ctx.keyAccess.safeStorage;
  if (safeStorage?.isEncryptionAvailable()) return safeStorageProtector(safeStorage);
  const chosen = passphrase ?? ctx.keyAccess.passphrase;
  if (!chosen) {
    throw new AppError(
      'PASSPHRASE_REQUIRED',
      '本机没有系统密钥保管功能，私钥须用口令保护：请设置一个口令（至少 8 个字符；命令行请用环境变量 QKL_PASSPHRASE）。口令丢失后无法找回。',
      { field: 'passphrase' },
    );
  }
  if ([...chosen].length < MIN_PASSPHRASE_CHARS) {
    throw new AppError('VALIDATION', `口令太短，至少需要 ${MIN_PASSPHRASE_CHARS} 个字符。`, { field: 'passphrase' });
  }
  return passphraseProtector(chosen, { scryptN: ctx.keyAccess.scryptN });
}

function seal(protector: KeyProtector, plain: Buffer): string {
  try {
    return protector.seal(plain);
  } catch (error) {
    throw protectionError(error);
  } finally {
    plain.fill(0);
  }
}

/** Fresh keys for a node of this role: signing + age, and for the bureau the backup identity too. */
export async function makeKeys(role: NodeRole, protector: KeyProtector, createdAt: string): Promise<NodeKeyRow[]> {
  const signing = generateSigningKeyPair();
  const rows: NodeKeyRow[] = [
    {
      id: keyIdOf(signing.publicKey),
      purpose: 'signing',
      publicKey: signing.publicKey,
      sealedPrivate: seal(protector, signing.privateKey),
      protection: protector.scheme,
      createdAt,
      retiredAt: null,
    },
  ];
  const agePurposes: KeyPurpose[] = role === 'bureau' ? ['age', 'age-backup'] : ['age'];
  for (const purpose of agePurposes) {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    rows.push({
      id: recipientKeyId(recipient),
      purpose,
      publicKey: recipient,
      sealedPrivate: seal(protector, Buffer.from(identity, 'utf8')),
      protection: protector.scheme,
      createdAt,
      retiredAt: null,
    });
  }
  return rows;
}

/** What the audit log may know of a key: never the sealed or the plain private half. */
export function publicPart(row: NodeKeyRow): Omit<NodeKeyRow, 'sealedPrivate'> {
  const { sealedPrivate: _sealed, ...rest } = row;
  return rest;
}

/** Current (not retired) keys: signing first, then age, then age-backup. */
export function currentKeys(ctx: CoreContext): NodeKeyRow[] {
  return ctx.database.db
    .select()
    .from(nodeKeys)
    .where(isNull(nodeKeys.retiredAt))
    .orderBy(sql`CASE ${nodeKeys.purpose} WHEN 'signing' THEN 0 WHEN 'age' THEN 1 ELSE 2 END`, desc(nodeKeys.createdAt))
    .all();
}

export function currentKey(ctx: CoreContext, purpose: KeyPurpose): NodeKeyRow | null {
  return currentKeys(ctx).find((k) => k.purpose === purpose) ?? null;
}

/** Every age key, current first (main, backup), then retired ones, newest first. */
export function allAgeKeys(ctx: CoreContext): NodeKeyRow[] {
  return ctx.database.db
    .select()
    .from(nodeKeys)
    .where(sql`${nodeKeys.purpose} IN ('age', 'age-backup')`)
    .orderBy(
      sql`CASE WHEN ${nodeKeys.retiredAt} IS NULL THEN 0 ELSE 1 END`,
      desc(nodeKeys.retiredAt),
      sql`CASE ${nodeKeys.purpose} WHEN 'age' THEN 0 ELSE 1 END`,
      asc(nodeKeys.createdAt),
    )
    .all();
}

export function allKeys(ctx: CoreContext): NodeKeyRow[] {
  return ctx.database.db.select().from(nodeKeys).all();
}

/** Unseals one private half; the passphrase is the call's, else the host's (QKL_PASSPHRASE). */
export function openKey(ctx: CoreContext, row: NodeKeyRow, passphrase?: string): Buffer {
  let protector: KeyProtector;
  if (row.protection === 'safeStorage') {
    const safeStorage = ctx.keyAccess.safeStorage;
    if (!safeStorage) {
      throw new AppError('FORBIDDEN', '本节点的私钥由桌面程序通过系统密钥保管功能保护，只能在本机的桌面程序中使用（命令行和浏览器模式无法解开）。');
    }
    protector = safeStorageProtector(safeStorage);
  } else {
    const chosen = passphrase ?? ctx.keyAccess.passphrase;
    if (!chosen) {
      throw new AppError('PASSPHRASE_REQUIRED', '需要输入本节点的口令才能使用私钥（命令行请设置环境变量 QKL_PASSPHRASE）。', { field: 'passphrase' });
    }
    protector = passphraseProtector(chosen, { scryptN: ctx.keyAccess.scryptN });
  }
  try {
    return protector.open(row.sealedPrivate);
  } catch (error) {
    throw protectionError(error);
  }
}

function protectionError(error: unknown): unknown {
  if (!(error instanceof KeyProtectionError)) return error;
  switch (error.code) {
    case 'wrong-passphrase':
      return new AppError('WRONG_PASSPHRASE', '口令不正确，无法解开本节点的私钥。请重新输入（注意大小写和输入法）。', { field: 'passphrase' });
    case 'weak-passphrase':
      return new AppError('VALIDATION', error.message, { field: 'passphrase' });
    case 'unavailable':
      return new AppError('FORBIDDEN', error.message);
    case 'malformed':
      return new AppError('INTERNAL', `${error.message}请联系技术支持。`);
  }
}

/** Inserts freshly made keys and audits their public halves. Call inside the change's transaction. */
export function storeKeys(ctx: CoreContext, nodeId: string, rows: NodeKeyRow[], call: string, before?: unknown): void {
  if (rows.length === 0) return;
  ctx.database.db.insert(nodeKeys).values(rows).run();
  appendAudit(ctx, { nodeId, call, table: 'node_keys', rowIds: rows.map((r) => r.id), before, after: rows.map(publicPart) });
}
