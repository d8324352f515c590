import path from 'node:path';
import { tableEntry } from '../../electron/core/bundles/format/ndjson.ts';
import { writeBundle } from '../../electron/core/bundles/format/writer.ts';
import { loadSigner } from '../../electron/core/keys/keys.ts';
import { schemaVersion } from '../../electron/core/schema-version.ts';
import { newId } from '../../electron/core/ids.ts';
import type { ExchangeNode } from './exchange.ts';

export type Rows = Record<string, Array<Record<string, unknown>>>;

/**
 * A bundle an enrolled node makes by hand, outside the exporter, with whatever rows it
 * likes: signed with the node's genuine key and encrypted to the receiver's genuine
 * recipients, so every check before the merge passes. What the receiver makes of the
 * rows is then the only thing under test (an insider attack, not an outsider's).
 */
export async function hostileBundle(from: ExchangeNode, to: ExchangeNode, rows: Rows, name = `${newId()}.qklb`): Promise<string> {
  const ctx = from.core.ctx;
  const identity = (await from.ok('node.get', {}))!;
  const signer = loadSigner(ctx);
  const recipients = (await from.ok('keys.trusted', {})).find((k) => k.nodeId === to.id && !k.revokedAt)!.recipients;
  const file = path.join(from.dir, name);
  await writeBundle({
    file,
    manifest: {
      bundleId: newId(),
      node: { id: identity.id, role: identity.role, name: identity.name, districtId: identity.districtId },
      keyId: signer.keyId,
      target: { nodeId: to.id, recipients },
      // a first, full bundle: the sequence checks pass whatever came before
      sequence: 1,
      previousHash: null,
      full: true,
      createdAt: new Date().toISOString(),
      appVersion: ctx.appVersion,
      schemaVersion: String(schemaVersion(ctx)),
    },
    entries: Object.entries(rows).map(([table, list]) => tableEntry(table, list, list.length)),
    signer,
    recipients,
  });
  return file;
}

/** The sync columns of a row made by `origin` now. */
export function syncColumns(origin: string, id = newId()) {
  const now = new Date().toISOString();
  return { id, origin_node: origin, created_at: now, updated_at: now, version: 1, deleted_at: null };
}
