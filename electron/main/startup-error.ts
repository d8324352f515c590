import { AppError } from '../api/errors.ts';
import { text } from './text.ts';

export interface StartupErrorBox {
  title: string;
  content: string;
}

// SQLite reports a damaged or foreign file itself (SQLITE_NOTADB, SQLITE_CORRUPT
// and its extended codes), before our quick_check runs.
function isSqliteCorruption(code: unknown): boolean {
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/** What to tell the user when the database cannot be opened; the app quits after showing it. */
export function startupErrorBox(error: unknown): StartupErrorBox {
  // the core's own Chinese message (a database too new, a failed health check …)
  if (error instanceof AppError && error.message) return { title: text.startup.title, content: error.message };
  // the core process reports SQLite's corruption as DB_CORRUPT without a message of its own
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'DB_CORRUPT' || isSqliteCorruption(code)) return { title: text.startup.title, content: text.startup.corrupt };
  return { title: text.startup.title, content: text.startup.unknown };
}
