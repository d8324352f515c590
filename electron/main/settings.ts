import { readFileSync } from 'node:fs';

/** Per-installation settings an administrator writes into the data folder (settings.json). */
export interface ShellSettings {
  /** the intranet update server, e.g. http://10.1.2.3/qkl-desk/; absent = no update checks */
  updateUrl: string | null;
}

const defaults: ShellSettings = { updateUrl: null };

/** Reads what is there and ignores the rest: a damaged or missing file means defaults, not a failed start. */
export function parseSettings(raw: unknown): ShellSettings {
  if (typeof raw !== 'object' || raw === null) return defaults;
  const { updateUrl } = raw as Record<string, unknown>;
  return { updateUrl: typeof updateUrl === 'string' && updateUrl.trim() !== '' ? updateUrl.trim() : null };
}

export function loadSettings(file: string): ShellSettings {
  try {
    return parseSettings(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return defaults;
  }
}
