import { z } from 'zod';
import { call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { District, DistrictListInput, DistrictSaveInput } from '../schemas/district.ts';
import { NodeIdentity, NodeInitInput } from '../schemas/node.ts';

export const nodeCalls = {
  'node.get': call(Empty, NodeIdentity.nullable(), '本节点身份（未初始化时为空）'),
  'node.init': call(NodeInitInput, NodeIdentity, '初始化本节点身份'),
  'districts.list': call(DistrictListInput, z.array(District), '分局列表'),
  'districts.save': call(DistrictSaveInput, District, '新增或修改分局'),
} as const;
