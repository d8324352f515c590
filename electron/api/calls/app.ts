import { AppInfo } from '../schemas/app.ts';
import { Empty } from '../schemas/common.ts';
import { anyNode, call } from '../call-spec.ts';

export const appCalls = {
  'app.info': call(Empty, AppInfo, '程序与数据库信息', anyNode),
} as const;
