import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { Session, SetOperatorInput } from '../schemas/people.ts';

export const sessionCalls = {
  'session.get': call(Empty, Session, '本次使用的经办人（未选择时为空）', anyNode),
  'session.setOperator': call(SetOperatorInput, Session, '选择经办人：此后每一项操作记录其姓名', anyNode),
} as const;
