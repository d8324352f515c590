import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.ts';

/**
 * The bureau's signed statements about its own signing keys: a rotation (this key is
 * replaced by that one, signed by the old key and by the new) or a revocation (this
 * key must no longer be trusted, signed by a key the offices still trust). Only the
 * bureau makes them; they travel in its bundles to every office, which checks each
 * against the bureau keys it trusts and then updates its trusted_keys. A statement
 * never changes once made (version stays 1).
 */
export const bureauKeyStatements = sqliteTable(
  'bureau_key_statements',
  {
    ...syncColumns,
    kind: text('kind', { enum: ['rotate', 'revoke'] }).notNull(),
    /** key id of the bureau signing key the statement is about: rotated out, or revoked */
    subjectKeyId: text('subject_key_id').notNull(),
    /** rotate: key id of the key that replaces it */
    newKeyId: text('new_key_id'),
    /** the signed JSON, exactly the bytes the signatures cover */
    statement: text('statement').notNull(),
    signerKeyId: text('signer_key_id').notNull(),
    /** base64 Ed25519 signature by signerKeyId */
    signature: text('signature').notNull(),
    /** rotate: the new key's signature over the same bytes, proof that the bureau holds it */
    newKeySignature: text('new_key_signature'),
  },
  (t) => [index('bureau_key_statements_subject').on(t.subjectKeyId)],
);
