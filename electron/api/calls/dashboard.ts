import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { Dashboard } from '../schemas/dashboard.ts';

export const dashboardCalls = {
  'dashboard.get': call(Empty, Dashboard, '概览：需要关注的事项（超期检验按设备种类、隐患按状态、问题小组、示范单位验收进度、考试合格率；市局按分局列表）', anyNode),
} as const;
