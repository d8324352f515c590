import type { Result } from '../api/errors.ts';
import type { RpcPeer } from './rpc.ts';
import { unwrap } from './rpc.ts';
import { CoreOpenError, coreStopped, type CoreRunner, type CoreState } from './runner.ts';

type Listener = (reason: string) => void;

/**
 * The lifecycle both holds on a core share (CoreHost: threads of this process;
 * CoreProcess: Electron's core process): one state, the window's stopped/started
 * listeners, one restart at a time (a second click waits for the first), grants and
 * references answered by the running core, close for good. A subclass says how to open
 * its core, how to stop it, and which peer answers control operations.
 */
export abstract class CoreLifecycle implements CoreRunner {
  private current: CoreState = 'starting';
  private restarting: Promise<void> | null = null;
  private readonly listeners = { stopped: new Set<Listener>(), started: new Set<Listener>() };

  get state(): CoreState {
    return this.current;
  }

  on(event: 'stopped' | 'started', listener: Listener): () => void {
    this.listeners[event].add(listener);
    return () => void this.listeners[event].delete(listener);
  }

  abstract callByName(name: string, input: unknown): Promise<Result<unknown>>;

  /** Makes a path the user picked in a native dialog usable by the core, as a reference for the page. */
  async grant(path: string, kind: 'file' | 'folder'): Promise<string> {
    return unwrap<string>(await this.runningControlPeer().op('grant', { path, kind }));
  }

  /** The path behind a reference the page holds (to copy a file the core made to where the user saves it). */
  async resolveRef(ref: string): Promise<string> {
    return unwrap<string>(await this.runningControlPeer().op('resolve', { ref }));
  }

  /** After a crash, or on request: the database is opened again from scratch (health check included). */
  restart(): Promise<void> {
    if (this.current === 'closed') return Promise.reject(new Error('core closed'));
    this.restarting ??= (async () => {
      try {
        await this.stopCore();
        this.current = 'starting';
        await this.openCore();
        this.current = 'running';
        for (const listener of this.listeners.started) listener('restarted');
      } finally {
        this.restarting = null;
      }
    })();
    return this.restarting;
  }

  /** At quit: the core closes its database (the WAL is checkpointed), then stops. */
  async close(): Promise<void> {
    this.current = 'closed';
    await this.stopCore();
  }

  protected get running(): boolean {
    return this.current === 'running';
  }

  /** First start: a failure leaves the core stopped and rejects (CoreOpenError says why). */
  protected async start(): Promise<void> {
    try {
      await this.openCore();
    } catch (error) {
      this.current = 'stopped';
      throw error;
    }
    this.current = 'running';
  }

  /** The running core went away under us: after `cleanup`, the window is told (once per run). */
  protected async stopped(reason: string, cleanup?: () => Promise<void>): Promise<void> {
    if (this.current !== 'running') return;
    this.current = 'stopped';
    await cleanup?.();
    for (const listener of this.listeners.stopped) listener(reason);
  }

  /** Opens the core; on failure it must have stopped whatever it started. */
  protected abstract openCore(): Promise<void>;
  protected abstract stopCore(): Promise<void>;
  /** the peer that answers grant/resolve, or null when none is running */
  protected abstract controlPeer(): RpcPeer | null;

  private runningControlPeer(): RpcPeer {
    const peer = this.current === 'running' ? this.controlPeer() : null;
    if (!peer) throw new CoreOpenError(coreStopped, 'core not running');
    return peer;
  }
}
