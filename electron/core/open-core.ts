import os from 'node:os';
import { openDatabase, type OpenOptions } from '../../db/open.ts';
import { appVersion } from './app-version.ts';
import { recoverBundleWork } from './bundle/recovery.ts';
import type { HostKind, KeyAccess } from './context.ts';
import { createCore, type Core, type CoreOptions } from './dispatch.ts';
import { lockDownDataFolder } from './files/private-files.ts';
import { JobBoard } from './jobs/job-board.ts';
import { JobRegistry } from './jobs/job-registry.ts';

export interface OpenCoreOptions extends OpenOptions, CoreOptions {
  host: HostKind;
  actor?: string;
  now?: () => Date;
  keyAccess?: KeyAccess;
  /** the shared memory the host reads jobs from, when the core runs in a worker (electron/core-host) */
  jobBoard?: SharedArrayBuffer;
}

export interface OpenedCore extends Core {
  close(): void;
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Opens the database (migrating it) and the core over it: what every host does at
 * start. Also makes the data folder owner-only and clears what killed bundle runs
 * left behind (their plaintext-free work folders, `.part` files, attachment files
 * of imports that never committed).
 */
export function openCore(options: OpenCoreOptions): OpenedCore {
  const database = openDatabase(options);
  lockDownDataFolder(database.file);
  const core = createCore(
    {
      database,
      actor: options.actor ?? osUser(),
      host: options.host,
      appVersion,
      now: options.now ?? (() => new Date()),
      jobs: new JobRegistry(options.jobBoard ? new JobBoard(options.jobBoard) : undefined),
      keyAccess: options.keyAccess ?? { safeStorage: null },
    },
    options,
  );
  recoverBundleWork(core.ctx);
  return { ...core, close: () => database.close() };
}
