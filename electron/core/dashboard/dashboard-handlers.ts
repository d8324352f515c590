import type { dashboardCalls } from '../../api/calls/dashboard.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { getDashboard } from './dashboard.ts';

export const dashboardHandlers: HandlerGroup<keyof typeof dashboardCalls> = {
  'dashboard.get': (ctx) => getDashboard(ctx),
};
