import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { NodeIdentity, NodeInitInput } from '../schemas/node.ts';

export const nodeCalls = {
  'node.get': call(Empty, NodeIdentity.nullable(), '本节点身份（未初始化时为空）', anyNode),
  // the nav shows a page only where this node may make its calls: the roles stay in the contract
  'node.calls': call(Empty, z.array(z.string()), '本节点可以办理的操作（按各操作声明的节点类型；未初始化时为空）', anyNode),
  'node.init': call(NodeInitInput, NodeIdentity, '初始化本节点身份', anyNode),
} as const;
