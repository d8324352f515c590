import type { nodeCalls } from '../../api/calls/node.ts';
import type { districtCalls } from '../../api/calls/districts.ts';
import { contract, type CallName } from '../../api/contract.ts';
import { listDistricts, saveDistrict } from '../districts/district-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { initNode } from './node-init.ts';
import { getIdentity } from './node-service.ts';

export const nodeHandlers: HandlerGroup<keyof typeof nodeCalls | keyof typeof districtCalls> = {
  'node.get': (ctx) => getIdentity(ctx),
  'node.calls': (ctx) => {
    const role = getIdentity(ctx)?.role;
    return role ? (Object.keys(contract) as CallName[]).filter((name) => contract[name].roles.includes(role)) : [];
  },
  'node.init': initNode,
  'districts.list': listDistricts,
  'districts.save': saveDistrict,
};
