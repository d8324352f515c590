import { z } from 'zod';

/** Chosen by the caller before a long call starts, so it can poll progress and cancel while it runs. */
export const JobId = z.string().regex(/^[0-9A-Za-z-]{8,64}$/, '任务编号格式不正确');

export const JobProgress = z.object({
  jobId: JobId,
  state: z.enum(['running', 'done', 'failed', 'cancelled', 'unknown']),
  /** Chinese label of the current phase, e.g. "读取文件" */
  phase: z.string(),
  done: z.number().int(),
  /** null while the total is not known yet */
  total: z.number().int().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;
