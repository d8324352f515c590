import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { CoreContext } from '../context.ts';

/**
 * One call's write: who writes (this node), under which call name the audit log
 * records it, and the one timestamp every row of the call carries. Made once per
 * call, before its transaction, and handed to every synced-row write of the call.
 */
export interface Write {
  ctx: CoreContext;
  node: NodeIdentity;
  call: string;
  now: string;
}

export function beginWrite(ctx: CoreContext, node: NodeIdentity, call: string): Write {
  return { ctx, node, call, now: ctx.now().toISOString() };
}

/**
 * Runs `change` in one transaction (a savepoint when the caller already has one), so
 * that a row and its audit entry are written together or not at all.
 */
export function inTransaction<R>(w: Write, change: () => R): R {
  return w.ctx.database.sqlite.transaction(change)();
}
