// Stable error codes cross every boundary (IPC, HTTP, CLI); the message is
// Chinese and says what to do. Stack traces never cross. This module imports
// nothing, so the database layer, the core and the contract all share it (the
// contract re-exports it as part of what callers see).
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'DUPLICATE',
  'CONFLICT',
  'FORBIDDEN',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'DB_TOO_NEW',
  'DB_MIGRATION_MISMATCH',
  'DB_CORRUPT',
  'UNKNOWN_CALL',
  'CANCELLED',
  'UNREADABLE_FILE',
  'UNAUTHORIZED',
  /** a write on the desktop or browser host before anyone chose the 经办人 (session.setOperator) */
  'OPERATOR_REQUIRED',
  /** a private key is sealed with a passphrase and none (or a wrong one) was given */
  'PASSPHRASE_REQUIRED',
  'WRONG_PASSPHRASE',
  /** a bundle or receipt was refused; details.reason names the check */
  'BUNDLE_REFUSED',
  /** the database is locked by another program (the CLI, another window) past the busy timeout */
  'BUSY',
  /** a file could not be written: disk full, no permission, medium removed */
  'WRITE_FAILED',
  /** the core's thread or process stopped (a crash): the window offers to restart it */
  'CORE_STOPPED',
  /** a read that must first write derived data (stale risk scores): the host asks the writer instead; never reaches a user */
  'NEEDS_WRITER',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  /** the input field the error is about, e.g. "uscc" */
  field?: string;
  [key: string]: unknown;
}

export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toEnvelope(): ErrorEnvelope {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | ({ ok: false } & ErrorEnvelope);
