import { z } from 'zod';
import { decodePublicKey, keyIdOf, signDetached, verifyDetached } from '../crypto/signing.ts';
import { PublicIdentityFile } from './public-identity.ts';

// A bureau key statement: the signed text and the row that carries it in bundles
// (bureau_key_statements). Pure: no database; who is trusted is decided by the caller.

/** Prefix of the signed bytes, so a statement signature is never valid as a bundle or receipt signature. */
export const KEY_STATEMENT_DOMAIN = 'qkl-bureau-key-statement-v1\n';

const KeyId = z.string().regex(/^[0-9a-f]{32}$/);
const SigningKeyRef = z.strictObject({
  keyId: KeyId,
  signingKey: z.string().refine((k) => decodePublicKey(k) !== null, '签名公钥格式不正确'),
});
const common = {
  format: z.literal(1),
  kind: z.literal('qkl-bureau-key-statement'),
  /** the row id, so one signed text cannot be carried under two ids */
  id: z.string().min(1).max(64),
  bureau: z.strictObject({ nodeId: z.string().min(1).max(64), name: z.string().min(1).max(60) }),
  statedAt: z.string().min(1).max(40),
};

export const KeyStatement = z.discriminatedUnion('action', [
  /** `subject` is replaced by `successor`; signed by the subject (the key offices trust) and by the successor */
  z.strictObject({ ...common, action: z.literal('rotate'), subject: SigningKeyRef, successor: PublicIdentityFile }),
  /** `subject` must no longer be trusted; signed by `signer`, a bureau key the offices still trust (it may be the subject) */
  z.strictObject({ ...common, action: z.literal('revoke'), subject: SigningKeyRef, signer: SigningKeyRef, reason: z.string().trim().min(1).max(200) }),
]);
export type KeyStatement = z.infer<typeof KeyStatement>;
export type RotateStatement = Extract<KeyStatement, { action: 'rotate' }>;
export type RevokeStatement = Extract<KeyStatement, { action: 'revoke' }>;

/** A bureau_key_statements row as it travels (snake_case, as the bundle's NDJSON has it); other columns are the merge's to judge. */
export const StatementRow = z.object({
  id: z.string().min(1).max(64),
  origin_node: z.string().min(1).max(64),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int(),
  deleted_at: z.string().nullable(),
  kind: z.enum(['rotate', 'revoke']),
  subject_key_id: KeyId,
  new_key_id: KeyId.nullable(),
  statement: z.string().min(2).max(16 * 1024),
  signer_key_id: KeyId,
  signature: z.string().max(200),
  new_key_signature: z.string().max(200).nullable(),
});
export type StatementRow = z.infer<typeof StatementRow>;

/** The key that signed: the subject for a rotation, the named signer for a revocation. */
export function signerOf(statement: KeyStatement): z.infer<typeof SigningKeyRef> {
  return statement.action === 'rotate' ? statement.subject : statement.signer;
}

/** Signs a statement: the row to store and send. `successorDer` (rotation only) is the new key's private half. */
export function signStatement(statement: KeyStatement, signerDer: Buffer, successorDer?: Buffer): StatementRow {
  const text = JSON.stringify(KeyStatement.parse(statement));
  const bytes = Buffer.from(text, 'utf8');
  if (statement.action === 'rotate' && !successorDer) throw new Error('a rotation is signed by the new key too');
  return {
    id: statement.id,
    origin_node: statement.bureau.nodeId,
    created_at: statement.statedAt,
    updated_at: statement.statedAt,
    version: 1,
    deleted_at: null,
    kind: statement.action,
    subject_key_id: statement.subject.keyId,
    new_key_id: statement.action === 'rotate' ? statement.successor.keyId : null,
    statement: text,
    signer_key_id: signerOf(statement).keyId,
    signature: signDetached(KEY_STATEMENT_DOMAIN, bytes, signerDer).toString('base64'),
    new_key_signature: successorDer ? signDetached(KEY_STATEMENT_DOMAIN, bytes, successorDer).toString('base64') : null,
  };
}

/**
 * The statement a row carries, once the row and its signed text agree and every
 * key id matches its key; null otherwise (a damaged or doctored row). Signatures
 * are checked separately, against the key the office trusts.
 */
export function readStatement(row: StatementRow): KeyStatement | null {
  let json: unknown;
  try {
    json = JSON.parse(row.statement);
  } catch {
    return null;
  }
  const parsed = KeyStatement.safeParse(json);
  if (!parsed.success) return null;
  const s = parsed.data;
  const signer = signerOf(s);
  const consistent =
    s.id === row.id &&
    s.bureau.nodeId === row.origin_node &&
    s.action === row.kind &&
    s.subject.keyId === row.subject_key_id &&
    signer.keyId === row.signer_key_id &&
    (s.action === 'rotate' ? s.successor.keyId === row.new_key_id && row.new_key_signature !== null : row.new_key_id === null) &&
    keyIdOf(s.subject.signingKey) === s.subject.keyId &&
    keyIdOf(signer.signingKey) === signer.keyId &&
    (s.action !== 'rotate' || (keyIdOf(s.successor.signingKey) === s.successor.keyId && s.successor.nodeId === s.bureau.nodeId && s.successor.role === 'bureau' && s.successor.keyId !== s.subject.keyId));
  return consistent ? s : null;
}

/** The row's signature by `publicKey` (the trusted copy of the signer's key) verifies. */
export function signedBy(row: StatementRow, publicKey: string): boolean {
  return verifyDetached(KEY_STATEMENT_DOMAIN, Buffer.from(row.statement, 'utf8'), Buffer.from(row.signature, 'base64'), publicKey);
}

/** A rotation's second signature, by the new key it introduces. */
export function signedBySuccessor(row: StatementRow, statement: RotateStatement): boolean {
  if (!row.new_key_signature) return false;
  return verifyDetached(KEY_STATEMENT_DOMAIN, Buffer.from(row.statement, 'utf8'), Buffer.from(row.new_key_signature, 'base64'), statement.successor.signingKey);
}
