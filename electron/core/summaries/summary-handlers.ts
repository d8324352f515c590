import type { summaryCalls } from '../../api/calls/summaries.ts';
import type { HandlerGroup } from '../handler-types.ts';

export const summaryHandlers: HandlerGroup<keyof typeof summaryCalls> = {};
