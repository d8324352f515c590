import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { FileOutput } from '../schemas/files.ts';
import { TwoLists } from '../schemas/lists.ts';
import {
  AsOfInput,
  EquipmentPage,
  EquipmentQueryInput,
  GridExportInput,
  ManagerPage,
  ManagerQueryInput,
  RegistrySummary,
} from '../schemas/registry.ts';
import { Empty } from '../schemas/common.ts';
import {
  EquipmentInput,
  EquipmentSaved,
  EquipmentUpdateInput,
  ManagerInput,
  ManagerSaved,
  ManagerUpdateInput,
  RowDeleted,
  RowVersion,
} from '../schemas/registry-edit.ts';
import { Equipment, SafetyManager } from '../schemas/registry.ts';
import { Settings, SettingsUpdateInput } from '../schemas/settings.ts';

export const registryCalls = {
  'equipment.query': call(EquipmentQueryInput, EquipmentPage, '分页查询特种设备', anyNode),
  'equipment.get': call(z.object({ id: z.string() }), Equipment, '读取一台特种设备', anyNode),
  'equipment.create': call(EquipmentInput, EquipmentSaved, '新增一台特种设备（与台账导入同样检查）', anyNode),
  'equipment.update': call(EquipmentUpdateInput, EquipmentSaved, '修改一台特种设备（只能修改本节点登记的）', anyNode),
  'equipment.delete': call(RowVersion, RowDeleted, '删除一台特种设备（逻辑删除）', anyNode),
  'managers.query': call(ManagerQueryInput, ManagerPage, '分页查询安全管理员', anyNode),
  'managers.get': call(z.object({ id: z.string() }), SafetyManager, '读取一名安全管理员', anyNode),
  'managers.create': call(ManagerInput, ManagerSaved, '新增一名安全管理员（与台账导入同样检查）', anyNode),
  'managers.update': call(ManagerUpdateInput, ManagerSaved, '修改一名安全管理员（只能修改本节点登记的）', anyNode),
  'managers.delete': call(RowVersion, RowDeleted, '删除一名安全管理员（逻辑删除）', anyNode),
  'registry.summary': call(AsOfInput, RegistrySummary, '辖区台账概况（检验状态、两项清单数量）', anyNode),
  'grid.export': call(GridExportInput, FileOutput, '按当前筛选、排序和列导出表格为 xlsx', anyNode),
  'lists.get': call(AsOfInput, TwoLists, '两项清单', anyNode),
  'lists.exportXlsx': call(AsOfInput, FileOutput, '两项清单导出为 xlsx（两个工作表）', anyNode),
  'settings.get': call(Empty, Settings, '本节点设置', anyNode),
  'settings.update': call(SettingsUpdateInput, Settings, '修改本节点设置', anyNode),
} as const;
