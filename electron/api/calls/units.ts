import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Unit, UnitDeleteInput, UnitDeleteOutput, UnitInput, UnitPage, UnitQueryInput, UnitUpdateInput } from '../schemas/unit.ts';

export const unitCalls = {
  'units.query': call(UnitQueryInput, UnitPage, '分页查询使用单位', anyNode),
  'units.get': call(z.object({ id: z.string().meta({ label: '编号' }) }), Unit, '读取一个使用单位', anyNode),
  'units.create': call(UnitInput, Unit, '新增使用单位', anyNode),
  'units.update': call(UnitUpdateInput, Unit, '修改使用单位', anyNode),
  'units.delete': call(UnitDeleteInput, UnitDeleteOutput, '删除使用单位（逻辑删除，连同其设备和安全管理员）', anyNode),
} as const;
