import type { nodeCalls } from '../../api/calls/node.ts';
import { listDistricts, saveDistrict } from '../districts/district-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { initNode } from './node-init.ts';
import { getIdentity } from './node-service.ts';

export const nodeHandlers: HandlerGroup<keyof typeof nodeCalls> = {
  'node.get': (ctx) => getIdentity(ctx),
  'node.init': initNode,
  'districts.list': listDistricts,
  'districts.save': saveDistrict,
};
