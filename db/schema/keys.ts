import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Keys are local to one installation and never travel in bundles.

/**
 * This node's own key pairs. Private halves are sealed (safeStorage or a scrypt
 * passphrase); rotated keys stay, retired, so older bundles can still be opened.
 */
export const nodeKeys = sqliteTable('node_keys', {
  /** key id: the fingerprint hex of the public half */
  id: text('id').primaryKey(),
  purpose: text('purpose', { enum: ['signing', 'age', 'age-backup'] }).notNull(),
  /** base64 raw Ed25519 key, or an age1… recipient */
  publicKey: text('public_key').notNull(),
  sealedPrivate: text('sealed_private').notNull(),
  protection: text('protection', { enum: ['passphrase', 'safeStorage'] }).notNull(),
  createdAt: text('created_at').notNull(),
  retiredAt: text('retired_at'),
});

/**
 * Other nodes' public identities this node accepted after a fingerprint check by
 * phone: on an office, the bureau (recipients to encrypt to, signing key for
 * receipts and bureau bundles); on the bureau, every office's signing key.
 */
export const trustedKeys = sqliteTable(
  'trusted_keys',
  {
    /** key id of the signing key */
    id: text('id').primaryKey(),
    nodeId: text('node_id').notNull(),
    nodeName: text('node_name').notNull(),
    role: text('role', { enum: ['district', 'training', 'bureau'] }).notNull(),
    districtId: text('district_id'),
    signingKey: text('signing_key').notNull(),
    /** JSON array of age1… recipients: one for an office, main + backup for the bureau */
    recipients: text('recipients').notNull(),
    fingerprint: text('fingerprint').notNull(),
    trustedAt: text('trusted_at').notNull(),
    trustedBy: text('trusted_by').notNull(),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('trusted_keys_node').on(t.nodeId)],
);
