import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from './paths.ts';

describe('dataPaths', () => {
  it('keeps everything of ours in userData/data', () => {
    const userData = path.join('/home/desk/.config', '区块链监管工作台');
    const paths = dataPaths(userData);
    expect(paths).toEqual({
      dataDir: path.join(userData, 'data'),
      dbFile: path.join(userData, 'data', 'qkl.sqlite'),
      backupDir: path.join(userData, 'data', 'backups'),
      windowStateFile: path.join(userData, 'data', 'window-state.json'),
      settingsFile: path.join(userData, 'data', 'settings.json'),
    });
    for (const file of Object.values(paths)) expect(path.relative(userData, file).startsWith('data')).toBe(true);
  });
});
