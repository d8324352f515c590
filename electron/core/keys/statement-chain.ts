import { and, eq } from 'drizzle-orm';
import { trustedKeys } from '../../../db/schema/index.ts';
import { BundleRefusal } from '../bundles/format/types.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { signedBy, signedBySuccessor, type KeyStatement, type RevokeStatement, type RotateStatement, type StatementRow } from './key-statement.ts';
import { identityFingerprint } from './public-identity.ts';
import { trustedSigner, type TrustedSigningKey } from './trust-service.ts';

// The office's view of the bureau's keys while a bundle's statements are checked:
// the keys it trusts, changed statement by statement in memory, written only when
// the import commits. A statement counts only if a bureau key trusted at that
// point signed it; one that would change nothing is let through unchecked (the
// office may have trusted the new key by hand already).

/** The reason an office records when a rotation retires a bureau key; a later revocation statement may give the real one. */
export const ROTATED_REASON = '市局已更换密钥';

interface Entry {
  key: TrustedSigningKey;
  /** trusted because of a statement in this bundle */
  added: boolean;
  /** revokedAt / revokedReason changed by a statement in this bundle */
  changed: boolean;
  statementId: string | null;
}

export interface BureauKeyChain {
  /** a bureau key as trusted after the statements (added, revoked or unchanged); null if not a key of this bureau */
  key(keyId: string): TrustedSigningKey | null;
  /** writes the changes to trusted_keys with an audit entry each; inside the import's transaction */
  write(selfId: string): void;
}

type Verdict = 'applied' | 'nothing-to-do' | 'wait';

const short = (keyId: string) => `${keyId.slice(0, 8)}…`;

/**
 * Follows the statements in the order the bureau made them; one whose signer is
 * not trusted yet waits for the others (a clock set back at the bureau must not
 * stop a valid chain), and is refused only when nothing else can make it valid.
 */
export function followStatements(ctx: CoreContext, bureauNodeId: string, statements: Array<{ row: StatementRow; statement: KeyStatement }>): BureauKeyChain {
  const now = ctx.now().toISOString();
  const entries = new Map<string, Entry>();
  const rows = ctx.database.db.select({ id: trustedKeys.id }).from(trustedKeys).where(and(eq(trustedKeys.nodeId, bureauNodeId), eq(trustedKeys.role, 'bureau'))).all();
  for (const { id } of rows) entries.set(id, { key: trustedSigner(ctx, id)!, added: false, changed: false, statementId: null });
  const live = (keyId: string) => {
    const e = entries.get(keyId);
    return e && !e.key.revokedAt ? e : null;
  };

  const revoke = (entry: Entry, reason: string, statementId: string) => {
    entry.key = { ...entry.key, revokedAt: entry.key.revokedAt ?? now, revokedReason: reason };
    entry.changed = true;
    entry.statementId = statementId;
  };

  const rotate = (row: StatementRow, s: RotateStatement, final: boolean): Verdict => {
    const subject = live(s.subject.keyId);
    if (!subject) {
      if (live(s.successor.keyId)) return 'nothing-to-do';
      if (!final) return 'wait';
      if (entries.has(s.subject.keyId)) {
        throw new BundleRefusal('revoked-key', `市局密钥声明（更换为新密钥 ${short(s.successor.keyId)}）由已吊销的市局密钥 ${short(s.subject.keyId)} 签署，不能据此信任新密钥，已拒收。请向市局索取新的公钥文件，电话核对指纹后再信任。`);
      }
      throw new BundleRefusal('unknown-signer', `市局密钥声明（更换为新密钥 ${short(s.successor.keyId)}）由本单位未信任的密钥 ${short(s.subject.keyId)} 签署，可能是伪造的，已拒收。请与市局电话联系核实。`);
    }
    if (!signedBy(row, subject.key.signingKey) || !signedBySuccessor(row, s)) {
      throw new BundleRefusal('bad-signature', `市局密钥声明（编号 ${row.id}）的签名无效（内容可能被篡改），已拒收。请向市局重新索取数据包。`);
    }
    const successor = entries.get(s.successor.keyId);
    if (successor?.key.revokedAt) {
      throw new BundleRefusal('revoked-key', `市局密钥声明要改用的新密钥 ${short(s.successor.keyId)} 已被本单位吊销，已拒收。请与市局电话联系核实。`);
    }
    if (!successor) {
      const key: TrustedSigningKey = {
        keyId: s.successor.keyId,
        signingKey: s.successor.signingKey,
        nodeId: s.successor.nodeId,
        nodeName: s.successor.name,
        role: 'bureau',
        districtId: s.successor.districtId,
        fingerprint: identityFingerprint(s.successor),
        recipients: s.successor.recipients,
        trustedAt: now,
        trustedBy: ctx.actor,
        revokedAt: null,
        revokedReason: null,
      };
      entries.set(key.keyId, { key, added: true, changed: false, statementId: row.id });
    }
    revoke(subject, `${ROTATED_REASON}（新密钥 ${short(s.successor.keyId)}）`, row.id);
    return 'applied';
  };

  const revokeKey = (row: StatementRow, s: RevokeStatement, final: boolean): Verdict => {
    const subject = entries.get(s.subject.keyId);
    // retired by a rotation: the revocation gives the real reason; revoked otherwise: kept as it is
    const open = subject && (!subject.key.revokedAt || subject.key.revokedReason?.startsWith(ROTATED_REASON));
    if (!open) return 'nothing-to-do';
    const signer = live(s.signer.keyId);
    if (!signer) {
      if (!subject.key.revokedAt && !final) return 'wait';
      if (subject.key.revokedAt) return 'nothing-to-do';
      throw new BundleRefusal(
        entries.has(s.signer.keyId) ? 'revoked-key' : 'unknown-signer',
        `市局密钥声明（吊销密钥 ${short(s.subject.keyId)}）由${entries.has(s.signer.keyId) ? '已吊销的' : '本单位未信任的'}密钥 ${short(s.signer.keyId)} 签署，已拒收。请与市局电话联系核实。`,
      );
    }
    if (!signedBy(row, signer.key.signingKey)) {
      throw new BundleRefusal('bad-signature', `市局密钥声明（编号 ${row.id}）的签名无效（内容可能被篡改），已拒收。请向市局重新索取数据包。`);
    }
    revoke(subject, `市局通知吊销：${s.reason}`, row.id);
    return 'applied';
  };

  const ordered = [...statements].sort(
    (a, b) => a.statement.statedAt.localeCompare(b.statement.statedAt) || rank(a.statement) - rank(b.statement) || a.row.id.localeCompare(b.row.id),
  );
  let pending = ordered;
  for (let final = false; pending.length > 0; ) {
    const waiting = pending.filter(({ row, statement }) => (statement.action === 'rotate' ? rotate(row, statement, final) : revokeKey(row, statement, final)) === 'wait');
    if (waiting.length === pending.length) final = true;
    pending = waiting;
  }

  return {
    key: (keyId) => entries.get(keyId)?.key ?? null,
    write(selfId) {
      const db = ctx.database.db;
      for (const entry of entries.values()) {
        const { key } = entry;
        if (entry.added) {
          db.insert(trustedKeys)
            .values({
              id: key.keyId,
              nodeId: key.nodeId,
              nodeName: key.nodeName,
              role: key.role,
              districtId: key.districtId,
              signingKey: key.signingKey,
              recipients: JSON.stringify(key.recipients),
              fingerprint: key.fingerprint,
              trustedAt: key.trustedAt,
              trustedBy: key.trustedBy,
              revokedAt: key.revokedAt,
              revokedReason: key.revokedReason,
            })
            .run();
          appendAudit(ctx, { nodeId: selfId, call: 'keys.bureauStatement', table: 'trusted_keys', rowIds: [key.keyId], after: { statement: entry.statementId, trusted: key.keyId, fingerprint: key.fingerprint, recipients: key.recipients } });
        } else if (entry.changed) {
          const before = db.select({ revokedAt: trustedKeys.revokedAt, revokedReason: trustedKeys.revokedReason }).from(trustedKeys).where(eq(trustedKeys.id, key.keyId)).get();
          db.update(trustedKeys).set({ revokedAt: key.revokedAt, revokedReason: key.revokedReason }).where(eq(trustedKeys.id, key.keyId)).run();
          appendAudit(ctx, { nodeId: selfId, call: 'keys.bureauStatement', table: 'trusted_keys', rowIds: [key.keyId], before, after: { statement: entry.statementId, revokedAt: key.revokedAt, revokedReason: key.revokedReason } });
        }
      }
    },
  };
}

/** Of two statements made at the same moment, the rotation comes first: the revocation beside it is signed by the new key. */
function rank(statement: KeyStatement): number {
  return statement.action === 'rotate' ? 0 : 1;
}
