import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { EntrySource, ManifestAuditAnchor } from '../bundles/format/types.ts';
import type { Signer } from '../crypto/signing.ts';
import type { CoreContext } from '../context.ts';
import { readSealed, SealedWriter, type SealedFile } from '../files/sealed-file.ts';
import { lastExportAnchor, signHead, type SignedAnchor } from './anchors.ts';

// A bundle's anchor comes with a proof that it extends the anchor of the previous
// bundle to the same node: the audit entries after that anchor, up to the new one.
// The receiver recomputes the chain through them (received.ts). A full bundle
// starts the proof from the first entry: it may follow a gap (a bundle never
// imported), and the receiver may hold any earlier anchor of ours.

/** The bundle entry holding the proof: NDJSON rows of audit_log, gzipped like a table. */
export const AUDIT_PROOF_ENTRY = 'audit_proof';

const PROOF_COLUMNS = 'seq, id, node_id AS nodeId, at, actor, call, table_name AS tableName, row_ids AS rowIds, before, after, prev_hash AS prevHash, hash';

export interface BundleAnchor {
  signed: SignedAnchor;
  manifest: ManifestAuditAnchor;
  entry: EntrySource;
}

/**
 * Signs the head and copies the proof into `dir`, synchronously: the head and the
 * entries are one state of the log. Call right after the bundle's snapshot.
 */
export function bundleAnchor(ctx: CoreContext, options: { nodeId: string; signer: Signer; targetNodeId: string; full: boolean; dir: string }): BundleAnchor {
  const previous = options.full ? null : lastExportAnchor(ctx, options.targetNodeId);
  const proofFrom = previous?.seq ?? 0;
  const signed = signHead(ctx, options.nodeId, options.signer);
  // sealed like the snapshot's tables: older entries may hold personal data, never left on disk in plain
  const { file, rows } = writeProof(ctx, path.join(options.dir, AUDIT_PROOF_ENTRY), proofFrom, signed.seq);
  const open = () => {
    const gzip = createGzip({ level: 6 });
    void pipeline(Readable.from(readSealed(file)), gzip).catch(() => undefined);
    return gzip;
  };
  return { signed, manifest: { ...signed, proofFrom }, entry: { kind: 'table', name: AUDIT_PROOF_ENTRY, rows, open } };
}

function writeProof(ctx: CoreContext, target: string, after: number, upTo: number): { file: SealedFile; rows: number } {
  const writer = new SealedWriter(target);
  let rows = 0;
  let buffer = '';
  try {
    for (const row of ctx.database.sqlite.prepare(`SELECT ${PROOF_COLUMNS} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`).iterate(after, upTo)) {
      buffer += JSON.stringify(row) + '\n';
      rows++;
      if (buffer.length > 1 << 20) {
        writer.write(buffer);
        buffer = '';
      }
    }
    if (buffer) writer.write(buffer);
    return { file: writer.finish(), rows };
  } finally {
    writer.close();
  }
}
