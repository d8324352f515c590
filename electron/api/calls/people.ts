import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { FormLimits, FormLimitsInput, Session, SetOperatorInput, Staff, StaffAddInput, StaffListInput, StaffUpdateInput } from '../schemas/people.ts';

// 经办人 (schemas/people.ts) and what forms need to show their limits.
export const peopleCalls = {
  'session.get': call(Empty, Session, '本次使用的经办人（未选择时为空）', anyNode),
  'session.setOperator': call(SetOperatorInput, Session, '选择经办人：此后每一项操作记录其姓名', anyNode),
  'staff.list': call(StaffListInput, z.array(Staff), '本机经办人员名单（姓名、职务）', anyNode),
  'staff.add': call(StaffAddInput, Staff, '新增经办人员（尚未选择经办人时，新增的人员即为本次经办人）', anyNode),
  'staff.update': call(StaffUpdateInput, Staff, '修改经办人员的姓名、职务，或停用、恢复', anyNode),
  'forms.limits': call(FormLimitsInput, FormLimits, '一个操作各输入项的长度和数值限制（表单显示字数用）', anyNode),
} as const;
