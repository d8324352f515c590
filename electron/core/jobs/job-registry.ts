import { AppError } from '../../api/errors.ts';
import type { JobProgress } from '../../api/schemas/jobs.ts';
import { JobBoard } from './job-board.ts';

/** What a long-running service sees of its job: report progress, ask whether to stop. */
export interface JobHandle {
  phase(label: string, total?: number | null): void;
  advance(done: number): void;
  /**
   * Throws CANCELLED when the user asked to stop. Between steps it says nothing was
   * changed; with 'transaction' it is called inside a database transaction, whose
   * rollback the throw causes, and says that what was being written was undone.
   */
  checkpoint(during?: 'transaction'): void;
  readonly cancelled: boolean;
}

export const cancelledMessage = '操作已取消，数据未改变。';
export const cancelledInWriteMessage = '操作已取消：正在写入的数据已全部撤销（回滚），数据库与导入前完全相同。';

/**
 * Progress of long calls (imports, exports, grading). The caller picks the job id,
 * starts the call, and polls `jobs.progress` / calls `jobs.cancel` meanwhile.
 * Cancellation is cooperative: services check it between steps, and inside a
 * write transaction, and leave the database as it was.
 *
 * The state lives on a JobBoard in shared memory: when the core runs in a worker,
 * the host answers progress and cancel from the same board without waiting for
 * the worker (see electron/core-host). In one thread (CLI, tests) the board is private.
 */
export class JobRegistry {
  constructor(readonly board: JobBoard = new JobBoard()) {}

  async run<T>(jobId: string | undefined, work: (job: JobHandle) => Promise<T> | T): Promise<T> {
    if (!jobId) return work(detachedHandle());
    if (this.board.isRunning(jobId)) throw new AppError('DUPLICATE', '同一任务正在进行中，请稍候');
    const slot = this.board.begin(jobId);
    if (slot === null) throw new AppError('CONFLICT', '同时进行的长时间操作过多，请等其中一些完成后再试');
    const board = this.board;
    const handle: JobHandle = {
      phase(label, total = null) {
        board.phase(slot, label, total);
      },
      advance(done) {
        board.advance(slot, done);
      },
      checkpoint(during) {
        if (board.cancelRequested(slot)) throw new AppError('CANCELLED', during === 'transaction' ? cancelledInWriteMessage : cancelledMessage);
      },
      get cancelled() {
        return board.cancelRequested(slot);
      },
    };
    try {
      const result = await work(handle);
      board.finish(slot, 'done');
      return result;
    } catch (error) {
      board.finish(slot, error instanceof AppError && error.code === 'CANCELLED' ? 'cancelled' : 'failed');
      throw error;
    }
  }

  progress(jobId: string): JobProgress {
    return this.board.progress(jobId);
  }

  cancel(jobId: string): boolean {
    return this.board.requestCancel(jobId);
  }
}

function detachedHandle(): JobHandle {
  return { phase() {}, advance() {}, checkpoint() {}, cancelled: false };
}
