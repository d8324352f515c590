// The contract between the bundle file format (format/, crypto/: pure Node, no
// database) and the services that export and import bundles (bundle/*.ts). Kept
// in one file so both sides are built against the same shapes.

import type { SealedFile } from '../../files/sealed-file.ts';

/** Why a bundle was refused. Each is a distinct, tested case (docs/SECURITY.md, "Bundles"). */
export const refusalReasons = [
  'too-large', // file over the size cap, checked before anything is read
  'not-a-bundle', // not an age file / not our container (random file)
  'not-recipient', // age: none of our identities can open it (made for another bureau)
  'corrupt', // age payload authentication failed: flipped byte, truncation, splicing
  'format-version', // container or manifest from a newer format version
  'malformed', // decrypted, but the container or manifest breaks the format rules
  'unknown-signer', // the manifest's key id is not enrolled
  'revoked-key', // enrolled, but revoked before this bundle
  'bad-signature', // the signature does not verify
  'recipient-mismatch', // signed for other recipients than the keys we hold
  'gap', // sequence numbers missing before this one (incremental bundle)
  'fork', // same node and sequence as an imported bundle, different content
  'stale', // older than the last imported bundle of the node
  'entry-hash', // an entry's sha256 or size differs from the signed manifest; missing/extra entries
  'foreign-rows', // a row owned by another node
  'conflict', // a row clashes with a natural key of another node's row
  'wrong-target', // a bureau bundle addressed to another office
  'inflate-limit', // a table entry inflates past the size or ratio any real table has (a decompression bomb)
  'invalid-row', // a row breaks a rule of the database (NOT NULL, CHECK, a trigger's check)
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export class BundleRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'BundleRefusal';
  }
}

export const BUNDLE_FORMAT_VERSION = 1;
/** Prefix of the signed bytes, so a bundle signature can never be replayed as another kind of signature. */
export const MANIFEST_SIGNING_DOMAIN = 'qkl-bundle-v1\n';
export const RECEIPT_SIGNING_DOMAIN = 'qkl-receipt-v1\n';

export interface ManifestEntry {
  /** position in the container, 0-based, in the order written */
  index: number;
  kind: 'table' | 'file';
  /** table name for 'table' (NDJSON, gzip); content sha256 for 'file' (raw bytes) */
  name: string;
  /** sha256 (hex) of the entry's bytes as stored in the container */
  sha256: string;
  size: number;
  /** rows in a table entry; 0 for files */
  rows: number;
}

export interface Manifest {
  format: number;
  bundleId: string;
  /** the node that made and signed it */
  node: { id: string; role: 'district' | 'training' | 'bureau'; name: string; districtId: string | null };
  /** key id (fingerprint hex) of the signing key */
  keyId: string;
  /** the bundle is meant for this node (the bureau, or one office for a bureau bundle) */
  target: { nodeId: string; recipients: string[] };
  /** per (node, target) chain: 1, 2, 3 … */
  sequence: number;
  /** hash of the previous bundle of this chain; null for sequence 1 */
  previousHash: string | null;
  full: boolean;
  createdAt: string;
  appVersion: string;
  schemaVersion: string;
  /** the signer's audit-log head, signed on its own (core/audit/anchors.ts); absent in bundles of older versions */
  auditAnchor?: ManifestAuditAnchor;
  entries: ManifestEntry[];
}

/** An audit anchor as a bundle carries it, with the entries that show it extends the previous one. */
export interface ManifestAuditAnchor {
  nodeId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** base64 Ed25519 signature (domain 'qkl-audit-anchor-v1\n') */
  signature: string;
  /** the 'audit_proof' entry holds the entries after this sequence number up to `seq` (0: from the first) */
  proofFrom: number;
}

/** One entry to write: its bytes arrive as a stream so attachments of any size pass through. */
export interface EntrySource {
  kind: 'table' | 'file';
  name: string;
  rows: number;
  /**
   * The content's sha256 when the source already knows it (a file of the content-addressed
   * store is named by it): the writer signs it without hashing the bytes again. A file whose
   * bytes no longer match its name is still refused by the receiver, which hashes every entry.
   */
  sha256?: string;
  /** called once, when the writer reaches this entry */
  open(): AsyncIterable<Uint8Array>;
}

export interface WrittenBundle {
  manifest: Manifest;
  /** sha256 hex of the signed manifest bytes: the bundle's identity in the chain */
  hash: string;
  /** size of the encrypted file */
  size: number;
}

export interface OpenedEntry extends ManifestEntry {
  /** the entry's bytes as stored in the container, sealed in the reader's fresh folder (never a name from the bundle) */
  sealed: SealedFile;
}

export interface OpenedBundle {
  manifest: Manifest;
  /** the exact signed bytes (MANIFEST_SIGNING_DOMAIN is not part of them) */
  manifestBytes: Buffer;
  signature: Buffer;
  hash: string;
  /** entries as found in the container, hashes computed while decrypting */
  found: Array<Omit<OpenedEntry, 'rows'>>;
  /** removes the temporary folder */
  dispose(): void;
}
