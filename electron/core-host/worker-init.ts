import type { HostKind } from '../core/context.ts';

/** What a core thread is started with (workerData): plain data, so it crosses threads. */
export interface WorkerInit {
  role: 'writer' | 'reader';
  file: string;
  migrationsDir?: string;
  backupDir?: string;
  host: Extract<HostKind, 'web' | 'electron' | 'test'>;
  /** the job board the host reads progress from and raises cancel flags on */
  jobBoard: SharedArrayBuffer;
  /** writer only, when the host offers safeStorage: the channel of syncAsk */
  syncChannel: SharedArrayBuffer | null;
  /** known once at start: whether safeStorage can seal keys on this machine */
  safeStorageAvailable: boolean;
  /** writer only: the 经办人 named at start (browser host --operator), chosen if on the staff list */
  operator?: string;
}

/** How the host tells a core thread that it could not open the database. */
export interface OpenFailure {
  code: string;
  message: string;
  /** for the host's log only; never shown in a window */
  detail: string;
}
