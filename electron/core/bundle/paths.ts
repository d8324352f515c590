import path from 'node:path';
import type { CoreContext } from '../context.ts';

// Everything the exchange keeps lives in the data folder beside the database.

export function exchangeDir(ctx: CoreContext, which: 'out' | 'in' | 'receipts'): string {
  return path.join(dataDir(ctx), 'exchange', which);
}

/** Content-addressed: a file is stored once under its sha256, whatever its name. */
export function attachmentPath(ctx: CoreContext, sha256: string): string {
  return path.join(dataDir(ctx), 'attachments', sha256.slice(0, 2), sha256);
}

/** The folder of the database: everything of this program's lives in it. */
export function dataDir(ctx: CoreContext): string {
  return path.dirname(ctx.database.file);
}

/** Bigger files are refused before they are read (docs/SECURITY.md, "Bundles": size cap first). */
export const MAX_BUNDLE_BYTES = 8 * 1024 ** 3;
