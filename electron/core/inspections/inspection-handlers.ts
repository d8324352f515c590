import type { inspectionCalls } from '../../api/calls/inspections.ts';
import type { HandlerGroup } from '../handler-types.ts';

export const inspectionHandlers: HandlerGroup<keyof typeof inspectionCalls> = {};
