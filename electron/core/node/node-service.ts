import { AppError } from '../../api/errors.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import { nodeIdentity } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';

// Who this node is, as every service reads it. Setting it up (node-init.ts) makes
// keys and the first staff member, so it lives apart: the keys and people services
// read the identity here without importing what imports them.

export function getIdentity(ctx: CoreContext): NodeIdentity | null {
  return ctx.database.db.select().from(nodeIdentity).limit(1).get() ?? null;
}

export function requireIdentity(ctx: CoreContext): NodeIdentity {
  const identity = getIdentity(ctx);
  if (!identity) throw new AppError('NOT_INITIALIZED', '本机尚未设置节点身份，请先在首次启动页面选择本机是哪个单位（或运行 qkl init）。');
  return identity;
}

export type DistrictIdentity = NodeIdentity & { districtId: string };

/** A district office with its district; elsewhere the work is refused with `refusal`, which says who does it. */
export function requireDistrictIdentity(ctx: CoreContext, refusal: string): DistrictIdentity {
  const identity = requireIdentity(ctx);
  if (identity.role !== 'district' || !identity.districtId) throw new AppError('FORBIDDEN', refusal);
  return identity as DistrictIdentity;
}
