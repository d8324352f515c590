import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveUpdateSettings, readReleaseDefaults } from './release-defaults.ts';

describe('release defaults', () => {
  it('reads the update server the release was built for from the packaged package.json, and lets settings.json override it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-release-'));
    try {
      expect(readReleaseDefaults(dir)).toEqual({ updateUrl: null, allowHttpHosts: [] });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'qkl-desk', qklRelease: { updateUrl: 'https://update.zjg.local/qkl-desk/', allowHttpHosts: [] } }));
      const release = readReleaseDefaults(dir);
      expect(release).toEqual({ updateUrl: 'https://update.zjg.local/qkl-desk/', allowHttpHosts: [] });
      expect(effectiveUpdateSettings(release, { updateUrl: null, allowHttpHosts: [] })).toEqual(release);
      expect(effectiveUpdateSettings(release, { updateUrl: 'http://10.1.2.3/qkl/', allowHttpHosts: ['10.1.2.3'] })).toEqual({ updateUrl: 'http://10.1.2.3/qkl/', allowHttpHosts: ['10.1.2.3'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
