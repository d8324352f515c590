import os from 'node:os';
import path from 'node:path';

/**
 * The database the desktop app uses: Electron's userData is <appData>/<productName>,
 * and the app keeps its data in data/qkl.sqlite there. Same rule as electron/main/paths.ts.
 */
export function defaultDatabaseFile(platform = process.platform, env = process.env, home = os.homedir()): string {
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'));
  return path.join(appData, '区块链监管工作台', 'data', 'qkl.sqlite');
}
