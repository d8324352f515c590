import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { districts, nodeIdentity } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { keysForNewNode } from '../keys/node-keys.ts';
import { storeKeys } from '../keys/own-keys.ts';
import { currentOperator } from '../people/operator.ts';
import { insertStaff, keepingOperatorOnFailure } from '../people/staff-service.ts';

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

/**
 * Sets who this node is. Its keys are made now when the host can seal them
 * (safeStorage, or a passphrase from the input or QKL_PASSPHRASE) and stored in the
 * same transaction as the node; otherwise the node starts without keys (keys.create later).
 */
export async function initNode(ctx: CoreContext, input: ParsedInput<'node.init'>): Promise<NodeIdentity> {
  const { db } = ctx.database;
  // checked before the keys are made (that takes a moment), and again in the transaction
  refuseIfInitialised(ctx);
  const firstPerson = firstStaffMember(ctx, input);
  const keys = await keysForNewNode(ctx, input.role, input.passphrase);
  return keepingOperatorOnFailure(ctx, () => db.transaction(() => {
    refuseIfInitialised(ctx);
    // A district node normally names its district; without one it may register units in any district.
    let districtId: string | null = null;
    if (input.districtId) {
      const district = db
        .select({ id: districts.id })
        .from(districts)
        .where(and(eq(districts.id, input.districtId), isNull(districts.deletedAt)))
        .get();
      if (!district) throw new AppError('VALIDATION', '所选分局不存在，请重新选择', { field: 'districtId' });
      districtId = district.id;
    }
    const identity: NodeIdentity = {
      id: newId(),
      role: input.role,
      name: input.name,
      districtId,
      createdAt: ctx.now().toISOString(),
    };
    db.insert(nodeIdentity).values(identity).run();
    // the person setting up is the first of the staff list and records the setting up
    if (firstPerson) insertStaff(ctx, identity.id, firstPerson, { becomeOperator: true });
    appendAudit(ctx, { nodeId: identity.id, call: 'node.init', table: 'node_identity', rowIds: [identity.id], after: identity });
    if (keys) storeKeys(ctx, identity.id, keys, 'node.init');
    return identity;
  }));
}

/** The person named at first start; required where nobody works yet (the desktop and browser hosts). */
function firstStaffMember(ctx: CoreContext, input: ParsedInput<'node.init'>): { name: string; title: string } | null {
  if (input.operatorName) {
    if (!input.operatorTitle) throw new AppError('VALIDATION', '请填写经办人职务（如科长、监察员、办事员）', { field: 'operatorTitle' });
    return { name: input.operatorName, title: input.operatorTitle };
  }
  if (!currentOperator(ctx)) throw new AppError('VALIDATION', '请填写您的姓名和职务：本机的每一项操作都记录由谁办理', { field: 'operatorName' });
  return null;
}

function refuseIfInitialised(ctx: CoreContext): void {
  const existing = getIdentity(ctx);
  if (existing) {
    throw new AppError('ALREADY_INITIALIZED', `本机已设置为“${existing.name}”，不能重复初始化。如需更换，请使用新的数据文件。`);
  }
}
