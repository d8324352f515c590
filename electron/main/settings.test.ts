import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings } from './settings.ts';

describe('settings', () => {
  it('reads the update server address, trimmed, and the hosts allowed over plain http', () => {
    expect(parseSettings({ updateUrl: '  http://10.1.2.3/qkl/  ', allowHttpHosts: [' 10.1.2.3 ', 'UPDATE.zjg.local', 42, ''], other: 1 })).toEqual({
      updateUrl: 'http://10.1.2.3/qkl/',
      allowHttpHosts: ['10.1.2.3', 'update.zjg.local'],
    });
  });

  it.each([null, 'x', [], {}, { updateUrl: 42 }, { updateUrl: '   ' }, { allowHttpHosts: 'all' }])('falls back to no updates for %j', (raw) => {
    expect(parseSettings(raw)).toEqual({ updateUrl: null, allowHttpHosts: [] });
  });

  it('treats a missing or damaged file as defaults', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-settings-'));
    try {
      const file = path.join(dir, 'settings.json');
      expect(loadSettings(file)).toEqual({ updateUrl: null, allowHttpHosts: [] });
      writeFileSync(file, '{"updateUrl":');
      expect(loadSettings(file)).toEqual({ updateUrl: null, allowHttpHosts: [] });
      writeFileSync(file, JSON.stringify({ updateUrl: 'https://update.zjg.local/qkl/' }));
      expect(loadSettings(file)).toEqual({ updateUrl: 'https://update.zjg.local/qkl/', allowHttpHosts: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
