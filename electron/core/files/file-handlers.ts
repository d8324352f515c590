import type { fileCalls } from '../../api/calls/files.ts';
import type { jobCalls } from '../../api/calls/jobs.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { stageFile } from './staging.ts';

export const fileHandlers: HandlerGroup<keyof typeof fileCalls | keyof typeof jobCalls> = {
  'files.stage': stageFile,
  'jobs.progress': (ctx, input) => ctx.jobs.progress(input.jobId),
  'jobs.cancel': (ctx, input) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
};
