import { localDay } from '../registry/as-of.ts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import { nodeKeys } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { KeyProtectionError, passphraseProtector, type KeyProtector } from '../crypto/key-protection.ts';
import { requireIdentity } from '../node/node-service.ts';
import { allKeys, noKeysMessage, openKey, type NodeKeyRow } from './own-keys.ts';

// Changing the passphrase re-seals every private key sealed with it: current and
// retired, signing and age, main and backup. A retired age key left behind under
// the old passphrase would make older bundles unreadable with the new one, so it
// is all keys or none.

const MIN_PASSPHRASE_CHARS = 8;

export interface PassphraseChange {
  /** the passphrase the keys are sealed with now (else the host's QKL_PASSPHRASE) */
  passphrase?: string;
  newPassphrase: string;
}

export interface PassphraseChangeOptions {
  /** how the new passphrase seals; tests pass a faulty one to show that the check catches it */
  sealWith?: (newPassphrase: string) => KeyProtector;
}

const purposeNames: Record<NodeKeyRow['purpose'], string> = { signing: '签名密钥', age: '加密密钥', 'age-backup': '备用加密密钥' };

function describeKey(row: NodeKeyRow): string {
  const state = row.retiredAt ? `，${localDay(row.retiredAt)} 停用` : '';
  return `${purposeNames[row.purpose]} ${row.id.slice(0, 8)}…（${localDay(row.createdAt)} 创建${state}）`;
}

function checkNewPassphrase(input: PassphraseChange, old: string): void {
  if ([...input.newPassphrase].length < MIN_PASSPHRASE_CHARS) {
    throw new AppError('VALIDATION', `新口令太短，至少需要 ${MIN_PASSPHRASE_CHARS} 个字符。`, { field: 'newPassphrase' });
  }
  if (input.newPassphrase.normalize('NFC') === old.normalize('NFC')) {
    throw new AppError('VALIDATION', '新口令与原口令相同，请换一个新口令。', { field: 'newPassphrase' });
  }
}

/**
 * Unseals each passphrase-sealed key with the old passphrase, seals it with the new
 * one, unseals that again with a fresh protector of the new passphrase and compares
 * the bytes; only when every key passed are the rows replaced, in the same
 * transaction. Keys sealed by the OS key store (safeStorage) have no passphrase and
 * are left as they are; a node with none sealed by a passphrase is told so.
 */
export function changePassphrase(ctx: CoreContext, input: PassphraseChange, options: PassphraseChangeOptions = {}): { resealed: number } {
  const identity = requireIdentity(ctx);
  const db = ctx.database.db;
  return db.transaction(() => {
    const keys = allKeys(ctx);
    const sealed = keys.filter((k) => k.protection === 'passphrase');
    if (keys.length === 0) throw new AppError('NOT_FOUND', noKeysMessage);
    if (sealed.length === 0) {
      throw new AppError(
        'CONFLICT',
        '本节点的私钥由本机系统的密钥保管功能保护（随本机当前登录账户），没有口令可以更换。请保管好本机登录密码，离开座位时锁屏。',
      );
    }
    const old = input.passphrase ?? ctx.keyAccess.passphrase;
    if (!old) throw new AppError('PASSPHRASE_REQUIRED', '请输入原口令（命令行请设置环境变量 QKL_PASSPHRASE）。', { field: 'passphrase' });
    checkNewPassphrase(input, old);
    const sealer = options.sealWith?.(input.newPassphrase) ?? passphraseProtector(input.newPassphrase, { scryptN: ctx.keyAccess.scryptN });
    // opening always reads the cost from the sealed text, so this checks whatever the sealer wrote
    const checker = passphraseProtector(input.newPassphrase, { scryptN: ctx.keyAccess.scryptN });

    const resealed = sealed.map((row, index) => {
      const plain = openWithOld(ctx, row, old, index);
      try {
        const next = sealOrExplain(sealer, plain, row);
        if (!reopensTo(checker, next, plain)) {
          throw new AppError('INTERNAL', `用新口令重新保护${describeKey(row)}后核对不一致，口令未更换，所有私钥仍用原口令保护。请联系技术支持。`);
        }
        return { row, next };
      } finally {
        plain.fill(0);
      }
    });

    for (const { row, next } of resealed) {
      // the old sealed text in the WHERE: a key changed by another window meanwhile is not overwritten
      const result = db
        .update(nodeKeys)
        .set({ sealedPrivate: next })
        .where(and(eq(nodeKeys.id, row.id), eq(nodeKeys.sealedPrivate, row.sealedPrivate)))
        .run();
      if (result.changes !== 1) throw new AppError('CONFLICT', '本节点的密钥刚刚被其他窗口改动，口令未更换。请刷新后重试。');
    }
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'keys.changePassphrase',
      table: 'node_keys',
      rowIds: resealed.map((r) => r.row.id),
      after: { resealed: resealed.map(({ row }) => ({ id: row.id, purpose: row.purpose, retiredAt: row.retiredAt })), untouched: keys.length - sealed.length },
    });
    return { resealed: resealed.length };
  });
}

function openWithOld(ctx: CoreContext, row: NodeKeyRow, old: string, index: number): Buffer {
  try {
    return openKey(ctx, row, old);
  } catch (error) {
    // the first key refusing is an ordinary wrong passphrase; a later one means the keys disagree
    if (index > 0 && error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
      throw new AppError('CONFLICT', `原口令能解开本节点的部分私钥，但解不开${describeKey(row)}。口令未更换，所有私钥保持原样。请联系技术支持。`);
    }
    throw error;
  }
}

function sealOrExplain(sealer: KeyProtector, plain: Buffer, row: NodeKeyRow): string {
  try {
    return sealer.seal(plain);
  } catch (error) {
    if (error instanceof KeyProtectionError && error.code === 'weak-passphrase') throw new AppError('VALIDATION', error.message, { field: 'newPassphrase' });
    throw new AppError('INTERNAL', `无法用新口令保护${describeKey(row)}（${error instanceof Error ? error.message : String(error)}）。口令未更换。`);
  }
}

function reopensTo(checker: KeyProtector, sealed: string, plain: Buffer): boolean {
  let again: Buffer;
  try {
    again = checker.open(sealed);
  } catch {
    return false;
  }
  try {
    return again.equals(plain);
  } finally {
    again.fill(0);
  }
}
