import { bureauKeyStatements } from '../../../db/schema/index.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { signStatement, type StatementRow } from './key-statement.ts';
import { openKey, type NodeKeyRow } from './own-keys.ts';
import type { PublicIdentityFile } from './public-identity.ts';

// On the bureau: a key rotation is announced to every office by signed statements
// that travel in its next bundles (bureau_key_statements). Offices check them
// against the bureau key they trust, so the old key signs the rotation; the new
// key signs it too, to show the bureau holds it.

export interface BureauRotation {
  identity: NodeIdentity;
  /** the signing key being retired, and its opened private half */
  old: NodeKeyRow;
  oldDer: Buffer;
  /** the freshly made rows: signing, age, age-backup */
  fresh: NodeKeyRow[];
  /** the passphrase that opens the fresh rows (they are sealed like the old ones) */
  passphrase?: string;
  /** the old key may be in wrong hands: offices revoke it with this reason */
  revokeReason?: string;
}

/** The statements of one rotation: always the rotation, and a revocation signed by the new key when a reason is given. */
export function rotationStatements(ctx: CoreContext, rotation: BureauRotation): StatementRow[] {
  const { identity, old, oldDer, fresh } = rotation;
  const signing = fresh.find((k) => k.purpose === 'signing')!;
  const successor: PublicIdentityFile = {
    format: 1,
    kind: 'qkl-public-identity',
    nodeId: identity.id,
    role: identity.role,
    name: identity.name,
    districtId: identity.districtId,
    signingKey: signing.publicKey,
    keyId: signing.id,
    recipients: ['age', 'age-backup'].map((p) => fresh.find((k) => k.purpose === p)!.publicKey),
  };
  const statedAt = ctx.now().toISOString();
  const bureau = { nodeId: identity.id, name: identity.name };
  const subject = { keyId: old.id, signingKey: old.publicKey };
  const newDer = openKey(ctx, signing, rotation.passphrase);
  try {
    const rows = [signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau, statedAt, action: 'rotate', subject, successor }, oldDer, newDer)];
    if (rotation.revokeReason) {
      const signer = { keyId: signing.id, signingKey: signing.publicKey };
      rows.push(signStatement({ format: 1, kind: 'qkl-bureau-key-statement', id: newId(), bureau, statedAt, action: 'revoke', subject, signer, reason: rotation.revokeReason }, newDer));
    }
    return rows;
  } finally {
    newDer.fill(0);
  }
}

/** Stores the statements (the change log puts them into the next bundle to every office) and audits them. Call inside the rotation's transaction. */
export function storeStatements(ctx: CoreContext, nodeId: string, rows: StatementRow[]): void {
  for (const row of rows) {
    // through the builder, not the write layer: the id, origin and times are the signed
    // statement's own and must be stored exactly as signed
    ctx.database.db
      .insert(bureauKeyStatements)
      .values({
        id: row.id,
        originNode: row.origin_node,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        version: row.version,
        deletedAt: row.deleted_at,
        kind: row.kind,
        subjectKeyId: row.subject_key_id,
        newKeyId: row.new_key_id,
        statement: row.statement,
        signerKeyId: row.signer_key_id,
        signature: row.signature,
        newKeySignature: row.new_key_signature,
      })
      .run();
    appendAudit(ctx, {
      nodeId,
      call: 'keys.rotate',
      table: 'bureau_key_statements',
      rowIds: [row.id],
      after: { kind: row.kind, subjectKeyId: row.subject_key_id, newKeyId: row.new_key_id, signerKeyId: row.signer_key_id },
    });
  }
}
