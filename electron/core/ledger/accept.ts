import type { z } from 'zod';
import type { AcceptIdentityChanges } from '../../api/schemas/ledger.ts';
import type { RowRef } from './types.ts';

/** Which held identity changes the user accepted: none, all, or those of the rows named (sheet and Excel row). */
export function acceptor(accept: z.infer<typeof AcceptIdentityChanges> | undefined): (ref: Pick<RowRef, 'sheet' | 'row'>) => boolean {
  if (accept === undefined) return () => false;
  if (accept === 'all') return () => true;
  const rows = new Set(accept.map((r) => `${r.sheet}\u0000${r.row}`));
  return (ref) => rows.has(`${ref.sheet}\u0000${ref.row}`);
}
