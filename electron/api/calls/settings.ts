import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { Settings, SettingsUpdateInput } from '../schemas/settings.ts';

export const settingCalls = {
  'settings.get': call(Empty, Settings, '本节点设置', anyNode),
  'settings.update': call(SettingsUpdateInput, Settings, '修改本节点设置', anyNode),
} as const;
