import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../api/errors.ts';
import type { SafeStorageLike } from '../core/context.ts';
import { grantPath, resolveRefForHost, type GrantKind } from '../core/files/file-refs.ts';
import { openCore, type OpenedCore } from '../core/open-core.ts';
import { chooseOperatorByName } from '../core/people/staff-service.ts';
import { openReaderCore } from './open-reader.ts';
import { threadPort } from './ports.ts';
import { readerCalls } from './routing.ts';
import { RpcPeer } from './rpc.ts';
import { syncAsk } from './sync-channel.ts';
import type { OpenFailure, WorkerInit } from './worker-init.ts';

// The core's thread: opens the database and serves the host's messages. Bundled to
// dist/electron/core-worker.cjs for Electron; run through tsx by the browser host.

const init = workerData as WorkerInit;
const port = threadPort(parentPort!);
const log = (what: string, error: unknown) => console.error(`[core ${init.role}] ${what}`, error);

/** safeStorage answered by the host's thread (Electron's main process, through the core process). */
function hostSafeStorage(channel: SharedArrayBuffer): SafeStorageLike {
  const ask = (op: string, payload: string) => syncAsk(channel, (question) => port.post({ kind: 'event', event: 'sync-question', data: question }), { op, payload });
  return {
    isEncryptionAvailable: () => init.safeStorageAvailable,
    encryptString: (plain) => Buffer.from(ask('safeStorage.encrypt', plain), 'base64'),
    decryptString: (sealed) => ask('safeStorage.decrypt', sealed.toString('base64')),
  };
}

function open(): OpenedCore {
  if (init.role === 'reader') return openReaderCore({ file: init.file, host: init.host, onInternalError: log });
  const writer = openCore({
    file: init.file,
    migrationsDir: init.migrationsDir,
    backupDir: init.backupDir,
    host: init.host,
    jobBoard: init.jobBoard,
    keyAccess: { safeStorage: init.syncChannel ? hostSafeStorage(init.syncChannel) : null },
    onInternalError: log,
  });
  if (init.operator && !chooseOperatorByName(writer.ctx, init.operator)) console.error(`提示：经办人员名单中没有在用的“${init.operator}”，请在页面上选择经办人。`);
  return writer;
}

/** Why the database could not be opened: the envelope for the window, the detail for the host's log. */
function failureOf(error: unknown): OpenFailure {
  if (error instanceof AppError) return { code: error.code, message: error.message, detail: error.message };
  const code = (error as { code?: unknown }).code;
  return {
    code: typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code) ? 'DB_CORRUPT' : 'INTERNAL',
    message: '',
    detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}

let core: OpenedCore | null = null;
const opened = (): OpenedCore => {
  if (!core) throw new AppError('CORE_STOPPED', '数据服务尚未打开数据库');
  return core;
};

// The thread loads its modules as soon as it is spawned; the database is opened on
// the host's 'open', so the reader's loading overlaps the writer's and it opens only
// what the writer has migrated.
new RpcPeer(
  port,
  {
    call: (name, input) => {
      // the reader's connection is read-only; the host routes nothing else to it
      if (init.role === 'reader' && !readerCalls.has(name as never)) return Promise.resolve({ ok: false, code: 'UNKNOWN_CALL', message: `没有名为“${name}”的操作` });
      return opened().callByName(name, input);
    },
    ops: {
      open: () => {
        try {
          core = open();
          return { opened: true };
        } catch (error) {
          return { opened: false, failure: failureOf(error) };
        }
      },
      grant: (args) => {
        const { path, kind } = args as { path: string; kind: GrantKind };
        return grantPath(opened().ctx, path, kind);
      },
      resolve: (args) => resolveRefForHost(opened().ctx, (args as { ref: string }).ref),
      close: () => {
        // closing runs PRAGMA optimize and checkpoints the WAL (writer)
        core?.close();
        core = null;
        return true;
      },
    },
  },
  log,
);
