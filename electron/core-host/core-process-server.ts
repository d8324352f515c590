import { CoreHost, type SpawnCore } from './core-host.ts';
import { CoreOpenError, coreStopped } from './runner.ts';
import type { Port } from './rpc.ts';
import { RpcPeer, unwrap } from './rpc.ts';
import type { OpenFailure } from './worker-init.ts';

// Electron's core process (a utilityProcess): one CoreHost, driven by the main
// process over the utility's port. The main process keeps the window, the menu and
// the dialogs; everything that touches the database happens here, in the CoreHost's
// threads. When a core thread dies the process says so and exits, so the main
// process has one thing to watch: this process's exit.

export interface CoreProcessStart {
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  /** whether Electron's safeStorage can seal keys here (known to the main process only) */
  safeStorageAvailable: boolean;
}

export type CoreProcessStarted = { started: true } | { started: false; failure: OpenFailure };

export interface CoreProcessServerOptions {
  spawn: SpawnCore;
  exit: (code: number) => void;
  log: (message: string, error?: unknown) => void;
}

/** The exit code when a core thread died: the main process reports a crash and offers a restart. */
export const CORE_THREAD_DIED = 70;

export function serveCoreProcess(port: Port, options: CoreProcessServerOptions): RpcPeer {
  let host: CoreHost | null = null;
  const running = (): CoreHost => {
    if (!host) throw new CoreOpenError(coreStopped, 'core process not started');
    return host;
  };
  const peer: RpcPeer = new RpcPeer(
    port,
    {
      call: (name, input) => (host ? host.callByName(name, input) : Promise.resolve({ ok: false, ...coreStopped })),
      ops: {
        start: async (args): Promise<CoreProcessStarted> => {
          const start = args as CoreProcessStart;
          try {
            host = await CoreHost.start({
              file: start.file,
              migrationsDir: start.migrationsDir,
              backupDir: start.backupDir,
              host: 'electron',
              spawn: options.spawn,
              // the core's safeStorage questions go on to the main process, the only one with safeStorage
              safeStorage: { available: start.safeStorageAvailable, answer: async (question) => unwrap<string>(await peer.op(question.op, question.payload)) },
              log: options.log,
            });
          } catch (error) {
            if (error instanceof CoreOpenError) return { started: false, failure: { code: error.code, message: error.message, detail: error.detail } };
            throw error;
          }
          host.on('stopped', (reason) => {
            peer.notify('core-stopped', reason);
            // give the message a moment to leave before the process goes
            setTimeout(() => options.exit(CORE_THREAD_DIED), 50);
          });
          return { started: true };
        },
        grant: (args) => {
          const { path, kind } = args as { path: string; kind: 'file' | 'folder' };
          return running().grant(path, kind);
        },
        resolve: (args) => running().resolveRef((args as { ref: string }).ref),
        close: async () => {
          await host?.close();
          host = null;
          setTimeout(() => options.exit(0), 0);
          return true;
        },
      },
    },
    (what, error) => options.log(`core process: ${what}`, error),
  );
  return peer;
}
