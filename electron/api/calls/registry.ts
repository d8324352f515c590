import { anyNode, call } from '../call-spec.ts';
import { AsOfInput, RegistrySummary } from '../schemas/registry.ts';

export const registryCalls = {
  'registry.summary': call(AsOfInput, RegistrySummary, '辖区台账概况（检验状态、两项清单数量）', anyNode),
} as const;
