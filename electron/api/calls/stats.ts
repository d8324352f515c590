import { Stats } from '../schemas/app.ts';
import { Empty } from '../schemas/common.ts';
import { anyNode, call } from '../call-spec.ts';

export const statsCalls = {
  'stats.get': call(Empty, Stats, '各类数据的现有行数', anyNode),
} as const;
