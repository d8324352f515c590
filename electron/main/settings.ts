import { readFileSync } from 'node:fs';

/**
 * Per-installation settings an administrator writes into the data folder (settings.json):
 *   { "updateUrl": "https://update.zjg.local/qkl-desk/", "allowHttpHosts": ["10.1.2.3"] }
 */
export interface ShellSettings {
  /** the intranet update server; absent = no update checks */
  updateUrl: string | null;
  /** hosts whose updates may come over plain http (an intranet server without a certificate); https needs no entry */
  allowHttpHosts: string[];
}

const defaults: ShellSettings = { updateUrl: null, allowHttpHosts: [] };

/** Reads what is there and ignores the rest: a damaged or missing file means defaults, not a failed start. */
export function parseSettings(raw: unknown): ShellSettings {
  if (typeof raw !== 'object' || raw === null) return defaults;
  const { updateUrl, allowHttpHosts } = raw as Record<string, unknown>;
  return {
    updateUrl: typeof updateUrl === 'string' && updateUrl.trim() !== '' ? updateUrl.trim() : null,
    allowHttpHosts: Array.isArray(allowHttpHosts)
      ? allowHttpHosts.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim().toLowerCase())
      : [],
  };
}

export function loadSettings(file: string): ShellSettings {
  try {
    return parseSettings(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return defaults;
  }
}
