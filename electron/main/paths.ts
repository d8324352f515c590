import path from 'node:path';

export interface DataPaths {
  /** everything the user would lose with the PC: database, backups, settings */
  dataDir: string;
  dbFile: string;
  backupDir: string;
  windowStateFile: string;
  settingsFile: string;
}

/**
 * Our files live in a "data" folder inside Electron's userData, apart from
 * Chromium's caches there, so that one folder is what to back up or move.
 * Takes the userData path so it is testable without electron.
 */
export function dataPaths(userDataDir: string): DataPaths {
  const dataDir = path.join(userDataDir, 'data');
  return {
    dataDir,
    dbFile: path.join(dataDir, 'qkl.sqlite'),
    backupDir: path.join(dataDir, 'backups'),
    windowStateFile: path.join(dataDir, 'window-state.json'),
    settingsFile: path.join(dataDir, 'settings.json'),
  };
}
