import path from 'node:path';
import type { CoreContext } from '../context.ts';

// Everything the exchange keeps lives in the data folder beside the database.

export function exchangeDir(ctx: CoreContext, which: 'out' | 'in' | 'receipts'): string {
  return path.join(dataDir(ctx), 'exchange', which);
}

/** The folder of the database: everything of this program's lives in it. */
export function dataDir(ctx: CoreContext): string {
  return path.dirname(ctx.database.file);
}

/** Bigger files are refused before they are read (docs/SECURITY.md, "Bundles": size cap first). */
export const MAX_BUNDLE_BYTES = 8 * 1024 ** 3;
