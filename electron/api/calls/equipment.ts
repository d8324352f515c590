import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { EquipmentPage, EquipmentQueryInput, Equipment } from '../schemas/registry.ts';
import { EquipmentInput, EquipmentSaved, EquipmentUpdateInput, RowDeleted, RowVersion } from '../schemas/registry-edit.ts';

export const equipmentCalls = {
  'equipment.query': call(EquipmentQueryInput, EquipmentPage, '分页查询特种设备', anyNode),
  'equipment.get': call(z.object({ id: z.string().meta({ label: '编号' }) }), Equipment, '读取一台特种设备', anyNode),
  'equipment.create': call(EquipmentInput, EquipmentSaved, '新增一台特种设备（与台账导入同样检查）', anyNode),
  'equipment.update': call(EquipmentUpdateInput, EquipmentSaved, '修改一台特种设备（只能修改本节点登记的）', anyNode),
  'equipment.delete': call(RowVersion, RowDeleted, '删除一台特种设备（逻辑删除）', anyNode),
} as const;
