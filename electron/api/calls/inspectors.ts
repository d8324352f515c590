import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import { Inspector, InspectorListInput, InspectorSaveInput } from '../schemas/blocks.ts';

export const inspectorCalls = {
  'inspectors.list': call(InspectorListInput, z.array(Inspector), '本辖区监察人员', anyNode),
  'inspectors.save': call(InspectorSaveInput, Inspector, '新增或修改监察人员（含停用）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
} as const;
