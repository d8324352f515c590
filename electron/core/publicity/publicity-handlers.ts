import type { publicityCalls } from '../../api/calls/publicity.ts';
import { evidenceFile } from '../acceptance/acceptance-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { getActivity, listActivities } from './publicity-read.ts';
import { deleteActivity, saveActivity } from './publicity-service.ts';

export const publicityHandlers: HandlerGroup<keyof typeof publicityCalls> = {
  'publicity.list': listActivities,
  'publicity.get': (ctx, input) => getActivity(ctx, input.id),
  'publicity.save': saveActivity,
  'publicity.delete': deleteActivity,
  // the same attachments store as hazard and acceptance evidence: one reader
  'publicity.photoFile': evidenceFile,
};
