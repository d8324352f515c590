import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builderConfig } from './builder-config.ts';
import { checkPackaging, globToRegExp, matchesFileSet } from './check.ts';
import { exampleReleaseConfigFile, parseReleaseConfig } from './release-config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = parseReleaseConfig(JSON.parse(readFileSync(exampleReleaseConfigFile, 'utf8')), false);
const release = { ...example, updateUrl: 'https://update.zjg.local/qkl-desk/', windowsPublisherName: '张家港市市场监督管理局', linuxMaintainer: '信息科 <xxk@zjg.gov.cn>' };

describe('packaging check', () => {
  it('passes for the repository as it is', () => {
    expect(checkPackaging({ root, config: builderConfig(release), release })).toEqual([]);
  });

  it('names what a packaged app would miss', () => {
    const config = builderConfig(release);
    const broken = {
      ...config,
      files: ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**'],
      asarUnpack: [],
      extraResources: [{ from: 'db/migrations', to: 'migrations', filter: ['*.sql'] }],
      fileAssociations: [],
      publish: [{ provider: 'generic' as const, url: 'https://elsewhere/' }],
    };
    const problems = checkPackaging({ root, config: broken, release });
    expect(problems).toEqual(
      expect.arrayContaining([
        'dist/electron/core-process.cjs is loaded at run time but not in "files"',
        'dist/electron/core-worker.cjs is loaded at run time but not in "files"',
        'db/migrations/meta/_journal.json is needed at start but not packed (extraResources filter)',
        'resources/icon.png (the window icon on Linux) is not packed',
        'better_sqlite3.node is not unpacked from app.asar (asarUnpack)',
        '.qklb is not associated with the app',
        `publish url https://elsewhere/ is not the release config's updateUrl ${release.updateUrl}`,
      ]),
    );
  });

  it('matches electron-builder’s patterns, the last one winning', () => {
    expect(globToRegExp('dist/electron/**').test('dist/electron/core-worker.cjs')).toBe(true);
    expect(globToRegExp('**/*.node').test('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(globToRegExp('*.sql').test('meta/x.sql')).toBe(false);
    expect(matchesFileSet('dist/electron/main.cjs.map', ['dist/electron/**', '!**/*.map'])).toBe(false);
    expect(matchesFileSet('dist/electron/main.cjs', ['dist/electron/**', '!**/*.map'])).toBe(true);
  });
});

describe('release config', () => {
  it('takes https, or http to a host the release allows, and refuses the example’s placeholders for a release', () => {
    expect(() => parseReleaseConfig({ ...release, updateUrl: 'http://10.1.2.3/qkl/' }, true)).toThrow(/https/);
    expect(parseReleaseConfig({ ...release, updateUrl: 'http://10.1.2.3/qkl/', allowHttpHosts: ['10.1.2.3'] }, true).updateUrl).toBe('http://10.1.2.3/qkl/');
    expect(() => parseReleaseConfig({ ...release, updateUrl: 'https://update.zjg.local/qkl' }, true)).toThrow(/结尾/);
    expect(() => parseReleaseConfig(JSON.parse(readFileSync(exampleReleaseConfigFile, 'utf8')), true)).toThrow(/示例值/);
    expect(() => parseReleaseConfig({ ...release, windowsPublisherName: '' }, true)).toThrow(/windowsPublisherName/);
  });
});
