import { call } from '../call-spec.ts';
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
import { Settings, SettingsUpdateInput } from '../schemas/settings.ts';

export const registryCalls = {
  'equipment.query': call(EquipmentQueryInput, EquipmentPage, '分页查询特种设备'),
  'managers.query': call(ManagerQueryInput, ManagerPage, '分页查询安全管理员'),
  'registry.summary': call(AsOfInput, RegistrySummary, '辖区台账概况（检验状态、两项清单数量）'),
  'grid.export': call(GridExportInput, FileOutput, '按当前筛选、排序和列导出表格为 xlsx'),
  'lists.get': call(AsOfInput, TwoLists, '两项清单'),
  'lists.exportXlsx': call(AsOfInput, FileOutput, '两项清单导出为 xlsx（两个工作表）'),
  'settings.get': call(Empty, Settings, '本节点设置'),
  'settings.update': call(SettingsUpdateInput, Settings, '修改本节点设置'),
} as const;
