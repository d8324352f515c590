import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { JobId, JobProgress } from '../schemas/jobs.ts';

export const jobCalls = {
  'jobs.progress': call(z.object({ jobId: JobId.meta({ label: '任务' }) }), JobProgress, '长时间操作的进度', anyNode),
  'jobs.cancel': call(z.object({ jobId: JobId.meta({ label: '任务' }) }), z.object({ cancelled: z.boolean() }), '取消长时间操作', anyNode),
} as const;
