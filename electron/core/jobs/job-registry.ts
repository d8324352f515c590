import { AppError } from '../../api/errors.ts';
import type { JobProgress } from '../../api/schemas/jobs.ts';

/** What a long-running service sees of its job: report progress, ask whether to stop. */
export interface JobHandle {
  phase(label: string, total?: number | null): void;
  advance(done: number): void;
  /** throws CANCELLED when the user asked to stop; call between steps, never inside a transaction */
  checkpoint(): void;
  readonly cancelled: boolean;
}

type JobEntry = JobProgress & { cancelRequested: boolean; finishedAt?: number };

const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * In-memory progress of long calls (imports, exports, grading). The caller picks
 * the job id, starts the call, and polls `jobs.progress` / calls `jobs.cancel`
 * meanwhile. Cancellation is cooperative: services check it between steps and
 * leave the database as it was.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobEntry>();

  async run<T>(jobId: string | undefined, work: (job: JobHandle) => Promise<T> | T): Promise<T> {
    if (!jobId) return work(detachedHandle());
    if (this.jobs.get(jobId)?.state === 'running') throw new AppError('DUPLICATE', '同一任务正在进行中，请稍候');
    this.prune();
    const entry: JobEntry = { jobId, state: 'running', phase: '', done: 0, total: null, cancelRequested: false };
    this.jobs.set(jobId, entry);
    const handle: JobHandle = {
      phase(label, total = null) {
        entry.phase = label;
        entry.total = total;
        entry.done = 0;
      },
      advance(done) {
        entry.done = done;
      },
      checkpoint() {
        if (entry.cancelRequested) throw new AppError('CANCELLED', '操作已取消，数据未改变。');
      },
      get cancelled() {
        return entry.cancelRequested;
      },
    };
    try {
      const result = await work(handle);
      entry.state = 'done';
      return result;
    } catch (error) {
      entry.state = error instanceof AppError && error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      throw error;
    } finally {
      entry.finishedAt = Date.now();
    }
  }

  progress(jobId: string): JobProgress {
    const entry = this.jobs.get(jobId);
    if (!entry) return { jobId, state: 'unknown', phase: '', done: 0, total: null };
    const { jobId: id, state, phase, done, total } = entry;
    return { jobId: id, state, phase, done, total };
  }

  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.state !== 'running') return false;
    entry.cancelRequested = true;
    return true;
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, entry] of this.jobs) if (entry.finishedAt !== undefined && entry.finishedAt < cutoff) this.jobs.delete(id);
  }
}

function detachedHandle(): JobHandle {
  return { phase() {}, advance() {}, checkpoint() {}, cancelled: false };
}
