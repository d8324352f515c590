import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Staff, StaffAddInput, StaffListInput, StaffUpdateInput } from '../schemas/people.ts';

export const staffCalls = {
  'staff.list': call(StaffListInput, z.array(Staff), '本机经办人员名单（姓名、职务）', anyNode),
  'staff.add': call(StaffAddInput, Staff, '新增经办人员（尚未选择经办人时，新增的人员即为本次经办人）', anyNode),
  'staff.update': call(StaffUpdateInput, Staff, '修改经办人员的姓名、职务，或停用、恢复', anyNode),
} as const;
