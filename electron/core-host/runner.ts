import type { ErrorEnvelope, Result } from '../api/errors.ts';
import { AppError } from '../api/errors.ts';

// What a window's host holds of its core, whether the core runs in threads of this
// process (CoreHost: browser host, and inside Electron's core process) or in another
// process (CoreProcess: Electron's main process).

export type CoreState = 'running' | 'starting' | 'stopped' | 'closed';

export interface CoreRunner {
  readonly state: CoreState;
  callByName(name: string, input: unknown): Promise<Result<unknown>>;
  /** the user picked this path in a native dialog: a reference the page may use */
  grant(path: string, kind: 'file' | 'folder'): Promise<string>;
  /** the path behind a reference (to copy a file the core made where the user saves it) */
  resolveRef(ref: string): Promise<string>;
  restart(): Promise<void>;
  close(): Promise<void>;
  on(event: 'stopped' | 'started', listener: (reason: string) => void): () => void;
}

export const coreStopped: ErrorEnvelope = {
  code: 'CORE_STOPPED',
  message: '后台数据服务意外停止，这次操作的结果没有返回：未完成的写入已由数据库撤销，已完成的会保留。请点击页面上方的“重新启动数据服务”，再查看结果。',
};

/** The database could not be opened: the envelope says why (for the window), detail is for the log only. */
export class CoreOpenError extends AppError {
  constructor(
    failure: ErrorEnvelope,
    readonly detail: string,
  ) {
    super(failure.code, failure.message, failure.details);
  }
}
