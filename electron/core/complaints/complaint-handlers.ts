import type { complaintCalls } from '../../api/calls/complaints.ts';
import type { HandlerGroup } from '../handler-types.ts';

export const complaintHandlers: HandlerGroup<keyof typeof complaintCalls> = {};
