import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { ManagerPage, ManagerQueryInput, SafetyManager } from '../schemas/registry.ts';
import { ManagerInput, ManagerSaved, ManagerUpdateInput, RowDeleted, RowVersion } from '../schemas/registry-edit.ts';

export const managerCalls = {
  'managers.query': call(ManagerQueryInput, ManagerPage, '分页查询安全管理员', anyNode),
  'managers.get': call(z.object({ id: z.string().meta({ label: '编号' }) }), SafetyManager, '读取一名安全管理员', anyNode),
  'managers.create': call(ManagerInput, ManagerSaved, '新增一名安全管理员（与台账导入同样检查）', anyNode),
  'managers.update': call(ManagerUpdateInput, ManagerSaved, '修改一名安全管理员（只能修改本节点登记的）', anyNode),
  'managers.delete': call(RowVersion, RowDeleted, '删除一名安全管理员（逻辑删除）', anyNode),
} as const;
