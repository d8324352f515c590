import { anyNode, call } from '../call-spec.ts';
import { FormLimits, FormLimitsInput } from '../schemas/people.ts';

export const formCalls = {
  'forms.limits': call(FormLimitsInput, FormLimits, '一个操作各输入项的长度和数值限制（表单显示字数用）', anyNode),
} as const;
