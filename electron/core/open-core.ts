import os from 'node:os';
import { openDatabase, type OpenOptions } from '../../db/open.ts';
import { appVersion } from './app-version.ts';
import { recoverBundleWork } from './bundles/recovery.ts';
import type { Operator } from '../api/schemas/people.ts';
import type { CoreContext, HostKind, KeyAccess } from './context.ts';
import { createCore, type Core, type CoreOptions } from './dispatch.ts';
import { lockDownDataFolder } from './files/private-files.ts';
import { JobBoard } from './jobs/job-board.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { asProgram, requireOperatorName } from './people/operator.ts';

export interface OpenCoreOptions extends OpenOptions, CoreOptions {
  host: HostKind;
  /** a fixed 经办人 name for the whole run (the CLI's --operator, tests); else see firstOperator */
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
 * Who works when the core opens: a given name; on the command line (and in scripts)
 * "命令行（<OS account>）"; on the desktop and browser hosts nobody until the person
 * chooses themselves from the staff list (session.setOperator), so no write goes
 * under a computer account.
 */
function firstOperator(options: OpenCoreOptions): Operator | null {
  if (options.actor) return { staffId: null, name: options.actor, title: null };
  if (options.host === 'cli' || options.host === 'test') return { staffId: null, name: `命令行（${osUser()}）`, title: null };
  return null;
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
  const ctx: CoreContext = {
    database,
    get actor() {
      return requireOperatorName(ctx);
    },
    operator: firstOperator(options),
    host: options.host,
    appVersion,
    now: options.now ?? (() => new Date()),
    jobs: new JobRegistry(options.jobBoard ? new JobBoard(options.jobBoard) : undefined),
    keyAccess: options.keyAccess ?? { safeStorage: null },
  };
  const core = createCore(ctx, options);
  asProgram(ctx, '启动时清理', () => recoverBundleWork(ctx));
  return { ...core, close: () => database.close() };
}
