import type { AuditChainNote } from '../../api/schemas/audit.ts';
import type { Manifest, OpenedEntry } from '../bundles/format/types.ts';
import type { CoreContext } from '../context.ts';
import { AUDIT_PROOF_ENTRY } from './proof.ts';
import { checkBundleAnchor, type AnchorCheck } from './received.ts';

/**
 * Takes a bundle's audit proof out of its entries (it is not a synced table) and
 * checks the anchor with it. Bundles without an anchor keep every entry, so a
 * stray proof entry there is refused like any unknown table.
 */
export async function splitAuditProof(ctx: CoreContext, manifest: Manifest, entries: OpenedEntry[]): Promise<{ entries: OpenedEntry[]; anchorCheck: AnchorCheck | null }> {
  if (!manifest.auditAnchor) return { entries, anchorCheck: null };
  const isProof = (e: OpenedEntry) => e.kind === 'table' && e.name === AUDIT_PROOF_ENTRY;
  const proofs = entries.filter(isProof);
  const anchorCheck = await checkBundleAnchor(ctx, manifest, proofs.length === 1 ? proofs[0]!.sealed : null);
  return { entries: entries.filter((e) => !isProof(e)), anchorCheck };
}

/** What the import result and its audit entry say about the sender's audit chain. */
export function receivedAnchorNote(check: AnchorCheck | null): AuditChainNote | null {
  if (!check) return null;
  return { status: check.status, seq: check.anchor.seq, problemSeq: check.problemSeq, message: check.problem };
}
