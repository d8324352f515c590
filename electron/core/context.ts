import type { OpenedDatabase } from '../../db/open.ts';
import type { Operator } from '../api/schemas/people.ts';
import type { JobRegistry } from './jobs/job-registry.ts';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

/** What every service needs; made once per host at start. */
export interface CoreContext {
  database: OpenedDatabase;
  /**
   * The 经办人's name, read by every write (audit log, decided_by, reviewed_by …).
   * Reading it with no 经办人 chosen refuses the write (OPERATOR_REQUIRED): the
   * desktop and browser hosts start without one until session.setOperator.
   */
  readonly actor: string;
  /** who works in this session: a person of the staff list, a name given to the CLI, or null (not chosen yet) */
  operator: Operator | null;
  host: HostKind;
  appVersion: string;
  now(): Date;
  /** progress and cancellation of long calls */
  jobs: JobRegistry;
  /** how this host can unseal the node's private keys */
  keyAccess: KeyAccess;
}

/** Electron's safeStorage, as far as the key service needs it (absent outside Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export interface KeyAccess {
  safeStorage: SafeStorageLike | null;
  /** the CLI's QKL_PASSPHRASE; a call's own passphrase input wins */
  passphrase?: string;
  /** scrypt cost for sealing: test databases only, every host leaves the default */
  scryptN?: number;
}
