import type { OpenedDatabase } from '../../db/open.ts';
import type { JobRegistry } from './jobs/job-registry.ts';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/** What every service needs; made once per host at start. */
export interface CoreContext {
  database: OpenedDatabase;
  /** the person acting, for the audit log (the OS account on a desk PC) */
  actor: string;
  host: HostKind;
  appVersion: string;
  now(): Date;
  /** progress and cancellation of long calls */
  jobs: JobRegistry;
}
