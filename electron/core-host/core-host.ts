import { Worker } from 'node:worker_threads';
import type { ErrorEnvelope, Result } from '../api/errors.ts';
import { JOB_BOARD_BYTES, JobBoard } from '../core/jobs/job-board.ts';
import { dispatchHostCall } from './host-dispatch.ts';
import { threadPort } from './ports.ts';
import { readerCalls } from './routing.ts';
import { RpcPeer } from './rpc.ts';
import { CoreLifecycle } from './core-lifecycle.ts';
import { SYNC_CHANNEL_BYTES, syncAnswer, type SyncQuestion } from './sync-channel.ts';
import { CoreOpenError, coreStopped } from './runner.ts';
import type { OpenFailure, WorkerInit } from './worker-init.ts';

// The core off the host's thread. A writer thread owns the database and the core;
// a reader thread answers plain reads on a read-only connection while the writer
// is busy (routing.ts); jobs.progress and jobs.cancel are answered here, from the
// shared-memory job board, without asking either. The host's thread only routes
// messages, so it stays free for the window, the menu and HTTP while an import
// writes 100,000 rows.
//
// The browser host runs one CoreHost in its process; Electron runs one inside its
// core process (utility-main.ts) and the main process only forwards calls to it.

/** A worker_threads Worker, as far as the host uses it (tests pass their own). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  terminate(): Promise<number>;
}

export type SpawnCore = (init: WorkerInit) => WorkerLike;

/** Core threads from the TypeScript sources, through tsx (browser host, tests, benchmarks). */
export function sourceCoreWorker(): SpawnCore {
  const bootstrap = new URL('./dev-worker.mjs', import.meta.url);
  const entry = new URL('./worker-main.ts', import.meta.url).href;
  return (init) => new Worker(bootstrap, { workerData: { ...init, entry } });
}

/** Core threads from the bundle the Electron build writes (dist/electron/core-worker.cjs). */
export function bundledCoreWorker(file: string): SpawnCore {
  return (init) => new Worker(file, { workerData: init });
}

/** The host's side of safeStorage (Electron's main process); absent in the browser host. */
export interface HostSafeStorage {
  available: boolean;
  answer(question: SyncQuestion): Promise<string>;
}

export interface CoreHostOptions {
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  host: WorkerInit['host'];
  spawn: SpawnCore;
  safeStorage?: HostSafeStorage | null;
  log?: (message: string, error?: unknown) => void;
  /** the 经办人 named at start, chosen again whenever the core is (re)opened */
  operator?: string;
}

interface CoreThread {
  role: WorkerInit['role'];
  worker: WorkerLike;
  peer: RpcPeer;
  exited: boolean;
}

export class CoreHost extends CoreLifecycle {
  private writer: CoreThread | null = null;
  private reader: CoreThread | null = null;
  private board: JobBoard | null = null;
  private readonly log: (message: string, error?: unknown) => void;

  private constructor(private readonly options: CoreHostOptions) {
    super();
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  }

  /** Opens the database in a writer thread (migrating it), then the reader; rejects with CoreOpenError. */
  static async start(options: CoreHostOptions): Promise<CoreHost> {
    const host = new CoreHost(options);
    await host.start();
    return host;
  }

  /** Every contract call but the window's own (host.*) comes here. */
  callByName(name: string, input: unknown): Promise<Result<unknown>> {
    if (name === 'jobs.progress' || name === 'jobs.cancel') return this.answerJob(name, input);
    if (!this.running || !this.writer) return Promise.resolve({ ok: false, ...coreStopped });
    if (!readerCalls.has(name as never) || !this.reader) return this.writer.peer.call(name, input);
    return this.reader.peer.call(name, input).then((result) => {
      // a read that must first write derived data (risk scores gone stale) is the writer's
      if (!result.ok && result.code === 'NEEDS_WRITER' && this.writer) return this.writer.peer.call(name, input);
      return result;
    });
  }

  protected controlPeer(): RpcPeer | null {
    return this.writer?.peer ?? null;
  }

  protected stopCore(): Promise<void> {
    return this.shutDownThreads();
  }

  private answerJob(name: 'jobs.progress' | 'jobs.cancel', input: unknown): Promise<Result<unknown>> {
    const board = this.board;
    if (name === 'jobs.progress') {
      return dispatchHostCall('jobs.progress', input, ({ jobId }) => board?.progress(jobId) ?? { jobId, state: 'unknown', phase: '', done: 0, total: null }, this.log);
    }
    return dispatchHostCall('jobs.cancel', input, ({ jobId }) => ({ cancelled: board?.requestCancel(jobId) ?? false }), this.log);
  }

  protected async openCore(): Promise<void> {
    // a fresh board per start: generations restart with the new writer
    const jobBoard = new SharedArrayBuffer(JOB_BOARD_BYTES);
    this.board = new JobBoard(jobBoard);
    const base = { file: this.options.file, migrationsDir: this.options.migrationsDir, backupDir: this.options.backupDir, host: this.options.host, jobBoard };
    const safeStorage = this.options.safeStorage ?? null;
    // both threads load their modules at once; the reader opens what the writer has migrated
    this.writer = this.spawnThread({
      ...base,
      role: 'writer',
      ...(this.options.operator ? { operator: this.options.operator } : {}),
      syncChannel: safeStorage ? new SharedArrayBuffer(SYNC_CHANNEL_BYTES) : null,
      safeStorageAvailable: safeStorage?.available ?? false,
    });
    this.reader = this.spawnThread({ ...base, role: 'reader', syncChannel: null, safeStorageAvailable: false });
    try {
      await openThread(this.writer);
      await openThread(this.reader);
    } catch (error) {
      await this.shutDownThreads();
      throw error;
    }
  }

  private spawnThread(init: WorkerInit): CoreThread {
    const worker = this.options.spawn(init);
    const peer = new RpcPeer(
      threadPort(worker),
      {
        event: (event, data) => {
          if (event === 'sync-question' && init.syncChannel && this.options.safeStorage) {
            void syncAnswer(init.syncChannel, data as SyncQuestion, (question) => this.options.safeStorage!.answer(question));
          }
        },
      },
      (what, error) => this.log(`core ${init.role}: ${what}`, error),
    );
    const thread: CoreThread = { role: init.role, worker, peer, exited: false };
    worker.on('error', (error) => this.log(`core ${init.role} thread failed`, error));
    worker.on('exit', (code) => {
      thread.exited = true;
      // whatever waits for this thread is answered now
      peer.stop(coreStopped);
      if (this.running && (this.writer === thread || this.reader === thread)) void this.crashed(`core ${init.role} thread exited with ${code}`);
    });
    return thread;
  }

  /** A core thread died under us: everything waiting is told, the other thread is stopped too, the window is told. */
  private async crashed(reason: string): Promise<void> {
    this.log(reason);
    await this.stopped(reason, () => this.shutDownThreads());
  }

  private async shutDownThreads(): Promise<void> {
    const threads = [this.reader, this.writer].filter((t): t is CoreThread => t !== null);
    this.reader = null;
    this.writer = null;
    await Promise.all(
      threads.map(async (thread) => {
        // a living thread closes its database first (the writer checkpoints its WAL)
        if (!thread.exited && thread.peer.pendingCount === 0) await withTimeout(thread.peer.op('close'), 10_000);
        thread.peer.stop(coreStopped);
        await thread.worker.terminate();
      }),
    );
  }
}

/** Asks a thread to open the database; a refusal becomes a CoreOpenError. */
async function openThread(thread: CoreThread): Promise<void> {
  const result = await thread.peer.op('open');
  if (!result.ok) throw new CoreOpenError({ code: 'INTERNAL', message: '' }, `core ${thread.role} thread stopped before it opened the database (${result.code})`);
  const value = result.value as { opened: boolean; failure?: OpenFailure };
  if (!value.opened) {
    const failure = value.failure!;
    throw new CoreOpenError({ code: failure.code as ErrorEnvelope['code'], message: failure.message }, failure.detail);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
