import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { registerSqlFunctions } from '../../db/functions.ts';
import type { OpenedDatabase } from '../../db/open.ts';
import * as schema from '../../db/schema/index.ts';
import { appVersion } from '../core/app-version.ts';
import type { HostKind } from '../core/context.ts';
import { createCore, type CoreOptions } from '../core/dispatch.ts';
import type { OpenedCore } from '../core/open-core.ts';
import { JobRegistry } from '../core/jobs/job-registry.ts';

/**
 * A core on a read-only connection to a database the writer has already opened
 * and migrated: it answers the reads of routing.ts while the writer is busy.
 * SQLite refuses any write on this connection; the core answers such a call NEEDS_WRITER
 * and the host asks the writer (routing.ts).
 */
export function openReaderCore(options: { file: string; host: HostKind } & CoreOptions): OpenedCore {
  const file = path.resolve(options.file);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // the writer's settings for reads (db/open.ts): wait out its checkpoints, memory-mapped pages
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('mmap_size = 268435456');
    sqlite.pragma('temp_store = MEMORY');
    // the schema's triggers name these: without them a write is refused as "no such function"
    // instead of as a write on a read-only connection (which the host passes to the writer)
    registerSqlFunctions(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const database: OpenedDatabase = {
    file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    appliedMigrations: [],
    // no PRAGMA optimize: it may write, and the writer runs it at its own close
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
  const core = createCore(
    { database, actor: 'reader', operator: null, host: options.host, appVersion, now: () => new Date(), jobs: new JobRegistry(), keyAccess: { safeStorage: null } },
    options,
  );
  return { ...core, close: database.close };
}
