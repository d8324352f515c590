import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { bureauKeyStatements } from '../../../db/schema/index.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { BundleRefusal, type OpenedBundle } from '../bundles/format/types.ts';
import { readSealedSync, type SealedFile } from '../files/sealed-file.ts';
import type { CoreContext } from '../context.ts';
import { readStatement, StatementRow, type KeyStatement } from './key-statement.ts';
import { followStatements, type BureauKeyChain } from './statement-chain.ts';
import { trustedSigner, type TrustedSigningKey } from './trust-service.ts';

// On an office, before a bureau bundle's signature is checked: the bureau's key
// statements the bundle carries. The bundle may be signed by a key the office
// learns of only from these statements (the bureau rotated), so they are read
// first, each checked against the bureau keys the office already trusts, and
// the manifest is then verified against the key chain they lead to.

const TABLE = 'bureau_key_statements';
/** Statements are a few hundred bytes each; this is thousands of rotations. */
const MAX_ENTRY_BYTES = 1 << 20;
const MAX_PLAIN_BYTES = 8 << 20;

export interface KeyStatementCheck {
  /** the key a manifest names, as trusted once the bundle's statements are applied */
  signer(keyId: string): TrustedSigningKey | null;
  /** writes what the statements change in trusted_keys, audited; call inside the import's transaction */
  apply(): void;
}

const unchanged = (ctx: CoreContext): KeyStatementCheck => ({ signer: (keyId) => trustedSigner(ctx, keyId), apply: () => {} });
const malformed = (detail: string) => new BundleRefusal('malformed', `数据包中的市局密钥声明${detail}，已拒收。请向市局重新索取数据包。`);

export function checkKeyStatements(ctx: CoreContext, self: NodeIdentity, opened: OpenedBundle): KeyStatementCheck {
  // a duplicated entry is refused by the import's own checks; every bundle carries the table, mostly empty
  const entries = opened.found.filter((e) => e.kind === 'table' && e.name === TABLE);
  if (entries.length !== 1) return unchanged(ctx);
  // judged before a line is read: the signed manifest says whether the entry holds rows
  const declared = opened.manifest.entries.find((e) => e.index === entries[0]!.index)?.rows ?? 0;
  if (declared > 0 && opened.manifest.node.role !== 'bureau') {
    throw new BundleRefusal('foreign-rows', `“${opened.manifest.node.name}”的数据包中含有市局密钥声明：只有市局能发出密钥声明，已拒收。`);
  }
  const rows = readRows(entries[0]!.sealed, entries[0]!.size);
  if (rows.length === 0) return unchanged(ctx);
  if (opened.manifest.node.role !== 'bureau') {
    throw new BundleRefusal('foreign-rows', `“${opened.manifest.node.name}”的数据包中含有市局密钥声明：只有市局能发出密钥声明，已拒收。`);
  }
  // the bureau never imports a bureau bundle; the authenticity check says so
  if (self.role === 'bureau') return unchanged(ctx);
  const fresh: Array<{ row: StatementRow; statement: KeyStatement }> = [];
  const { db } = ctx.database;
  const stored = (id: string) =>
    db.select({ statement: bureauKeyStatements.statement, signature: bureauKeyStatements.signature }).from(bureauKeyStatements).where(eq(bureauKeyStatements.id, id)).get();
  for (const row of rows) {
    if (row.origin_node !== opened.manifest.node.id) {
      throw new BundleRefusal('foreign-rows', `数据包中含有不属于“${opened.manifest.node.name}”的市局密钥声明（编号 ${row.id}），已拒收。`);
    }
    const statement = readStatement(row);
    if (!statement || row.deleted_at !== null || row.version !== 1) throw malformed(`（编号 ${row.id}）内容前后不一致或已被改动`);
    const known = stored(row.id);
    if (known) {
      // applied when an earlier bundle brought it; the same id with other content is a forgery
      if (known.statement !== row.statement || known.signature !== row.signature) throw malformed(`（编号 ${row.id}）与本单位已收到的同一声明不一致`);
      continue;
    }
    fresh.push({ row, statement });
  }
  if (fresh.length === 0) return unchanged(ctx);
  const bureauId = opened.manifest.node.id;
  const chain: BureauKeyChain = followStatements(ctx, bureauId, fresh);
  return {
    signer: (keyId) => chain.key(keyId) ?? trustedSigner(ctx, keyId),
    // followed again inside the transaction: trust may have changed while the bundle was unpacked
    apply: () => followStatements(ctx, bureauId, fresh).write(self.id),
  };
}

function readRows(file: SealedFile, size: number): StatementRow[] {
  if (size > MAX_ENTRY_BYTES) throw malformed('过大');
  let text: string;
  try {
    text = gunzipSync(Buffer.concat([...readSealedSync(file)]), { maxOutputLength: MAX_PLAIN_BYTES }).toString('utf8');
  } catch {
    throw malformed('无法解压');
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw malformed(`第 ${i + 1} 行不是有效的数据`);
      }
      const parsed = StatementRow.safeParse(json);
      if (!parsed.success) throw malformed(`第 ${i + 1} 行格式不正确`);
      return parsed.data;
    });
}
