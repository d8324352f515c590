import type { Result } from '../api/errors.ts';
import type { SafeStorageLike } from '../core/context.ts';
import type { CoreProcessStart, CoreProcessStarted } from '../core-host/core-process-server.ts';
import { utilityChildPort, type UtilityChildLike } from '../core-host/ports.ts';
import { CoreLifecycle } from '../core-host/core-lifecycle.ts';
import { RpcPeer } from '../core-host/rpc.ts';
import { CoreOpenError, coreStopped } from '../core-host/runner.ts';

// The main process's hold on the core: a utilityProcess (dist/electron/core-process.cjs)
// in which a CoreHost runs the core in worker threads. The main process keeps the
// window, the menu and the dialogs and only forwards contract calls over the port; it
// answers the core's safeStorage questions, which only the main process can. When the
// core process exits unexpectedly, every waiting call gets CORE_STOPPED, the window is
// told, and restart() forks a new one, which opens the database from scratch.

export interface UtilityProcessLike extends UtilityChildLike {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreProcessOptions {
  /** utilityProcess.fork of the core process's bundle */
  fork: () => UtilityProcessLike;
  start: Omit<CoreProcessStart, 'safeStorageAvailable'>;
  safeStorage: SafeStorageLike | null;
  log: (message: string, error?: unknown) => void;
}

export class CoreProcess extends CoreLifecycle {
  private child: UtilityProcessLike | null = null;
  private peer: RpcPeer | null = null;

  private constructor(private readonly options: CoreProcessOptions) {
    super();
  }

  /** Forks the core process and opens the database there; rejects with CoreOpenError (its envelope says why). */
  static async start(options: CoreProcessOptions): Promise<CoreProcess> {
    const core = new CoreProcess(options);
    await core.start();
    return core;
  }

  callByName(name: string, input: unknown): Promise<Result<unknown>> {
    if (!this.running || !this.peer) return Promise.resolve({ ok: false, ...coreStopped });
    return this.peer.call(name, input);
  }

  protected controlPeer(): RpcPeer | null {
    return this.peer;
  }

  protected stopCore(): Promise<void> {
    return this.stopChild();
  }

  protected async openCore(): Promise<void> {
    const safeStorage = this.options.safeStorage;
    const child = this.options.fork();
    const peer = new RpcPeer(
      utilityChildPort(child),
      {
        ops: {
          'safeStorage.encrypt': (plain) => {
            if (!safeStorage) throw new Error('safeStorage is not available');
            return safeStorage.encryptString(String(plain)).toString('base64');
          },
          'safeStorage.decrypt': (sealed) => {
            if (!safeStorage) throw new Error('safeStorage is not available');
            return safeStorage.decryptString(Buffer.from(String(sealed), 'base64'));
          },
        },
        event: (event, data) => {
          if (event === 'core-stopped') this.options.log(`core process: ${String(data)}`);
        },
      },
      (what, error) => this.options.log(`core process channel: ${what}`, error),
    );
    this.child = child;
    this.peer = peer;
    child.on('exit', (code) => {
      peer.stop(coreStopped);
      if (this.child !== child) return;
      this.child = null;
      this.peer = null;
      if (this.running) {
        this.options.log(`core process exited with ${code}`);
        void this.stopped(`core process exited with ${code}`);
      }
    });

    const result = await peer.op('start', { ...this.options.start, safeStorageAvailable: safeStorage?.isEncryptionAvailable() ?? false });
    const started = result.ok ? (result.value as CoreProcessStarted) : null;
    if (!started?.started) {
      await this.stopChild();
      if (started && !started.started) throw new CoreOpenError({ code: started.failure.code as never, message: started.failure.message }, started.failure.detail);
      throw new CoreOpenError({ code: 'INTERNAL', message: '' }, `core process did not start: ${result.ok ? 'no answer' : `${result.code} ${result.message}`}`);
    }
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    const peer = this.peer;
    this.child = null;
    this.peer = null;
    if (!child || !peer) return;
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    if (peer.pendingCount === 0) await Promise.race([peer.op('close'), delay(10_000)]);
    peer.stop(coreStopped);
    // the core process exits by itself after closing; one that does not is ended
    await Promise.race([exited, delay(3_000)]);
    child.kill();
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
