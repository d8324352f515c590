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

/**
 * A district office with its district. Which nodes may make a call is the contract's (the
 * dispatcher refuses the others); this only answers a node that has no district recorded.
 */
export function requireDistrictIdentity(ctx: CoreContext): DistrictIdentity {
  const identity = requireIdentity(ctx);
  if (!identity.districtId) throw new AppError('FORBIDDEN', '本机未设置所属分局，不能办理分局的工作。请在“设置”中确认本机身份。');
  return identity as DistrictIdentity;
}
