import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppUpdater, NsisUpdater as NsisUpdaterClass } from 'electron-updater';
import { applyUpdaterOptions, describeUpdateError, updaterOptions, updatesOffReason, UpdateFlow, type UpdateUi, type UpdaterLike } from './updater.ts';

// The update flow against a real HTTP server on 127.0.0.1 serving a real latest.yml,
// run by the real electron-updater (its NSIS updater, whose download checks the sha512
// of latest.yml and then the installer's publisher signature). Only the parts of the
// electron module it reaches for are stood in for: net.request (here Node's http)
// and a session; electron-updater is given its app through its own AppAdapter seam.

const require = createRequire(import.meta.url);

beforeAll(() => {
  const electronPath = require.resolve('electron', { paths: [path.dirname(require.resolve('electron-updater'))] });
  const fakeElectron = {
    net: {
      request: (options: Record<string, unknown>) => {
        const { session: _session, redirect: _redirect, ...rest } = options;
        return http.request(rest as http.RequestOptions);
      },
    },
    session: { fromPartition: () => ({}) },
    autoUpdater: { emit: () => true },
  };
  require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fakeElectron } as unknown as NodeJS.Module;
});

const installer = randomBytes(256 * 1024);
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

let server: http.Server | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The intranet update server: latest.yml (as electron-builder writes it) and the installer it names. */
async function updateServer(options: { listedSha512: string; version?: string }): Promise<string> {
  const version = options.version ?? '0.2.0';
  const name = `qkl-desk-${version}-win-x64.exe`;
  const yml = [
    `version: ${version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${options.listedSha512}`,
    `    size: ${installer.length}`,
    `path: ${name}`,
    `sha512: ${options.listedSha512}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
    'releaseNotes: 数据包交换改用选择文件；打印页可另存为 PDF。',
    '',
  ].join('\n');
  server = http.createServer((req, res) => {
    const file = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    // the channel file is latest.yml on Windows, latest-linux.yml where this test may run
    if (file === 'latest.yml' || file === 'latest-linux.yml') return void res.writeHead(200, { 'content-type': 'text/yaml' }).end(yml);
    if (file === name) return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': installer.length }).end(installer);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

/** electron-updater's NSIS updater with this app's version and its app-update.yml (publisherName as electron-builder writes it). */
function nsisUpdater(publisherName: string[] | null): AppUpdater {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-update-'));
  dirs.push(dir);
  const config = path.join(dir, 'app-update.yml');
  writeFileSync(config, ['provider: generic', 'url: http://placeholder.invalid/', 'updaterCacheDirName: qkl-desk-updater', ...(publisherName ? ['publisherName:', ...publisherName.map((p) => `  - ${p}`)] : []), ''].join('\n'));
  const { NsisUpdater } = require('electron-updater') as { NsisUpdater: typeof NsisUpdaterClass };
  const app = {
    version: '0.1.0',
    name: 'qkl-desk',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
  const updater = new NsisUpdater(null, app as never);
  // with its own app adapter electron-updater leaves the HTTP client to the caller: the one it uses in the app
  const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as { ElectronHttpExecutor: new () => unknown };
  (updater as unknown as { httpExecutor: unknown }).httpExecutor = new ElectronHttpExecutor();
  updater.logger = null;
  return updater;
}

/** A user who answers as told, and a record of what the window showed. */
function user(answers: { download: boolean; install: 'now' | 'on-quit' | 'later' }) {
  const shown: string[] = [];
  const progress: Array<number | null> = [];
  const ui: UpdateUi = {
    confirmDownload: async (u) => {
      shown.push(`ask download ${u.version} ${u.releaseNotes ?? ''} ${u.size ?? ''}`);
      return answers.download;
    },
    progress: (p) => progress.push(p),
    confirmInstall: async (u) => {
      shown.push(`ask install ${u.version}`);
      return answers.install;
    },
    tell: (kind, message) => shown.push(`${kind}: ${message}`),
  };
  return { ui, shown, progress };
}

const quiet = { info: () => {}, warn: () => {} };

describe('update flow against a local update server', () => {
  it('finds the new version, downloads only after consent with progress, verifies it, installs on quit when asked', async () => {
    const url = await updateServer({ listedSha512: sha512(installer) });
    const updater = nsisUpdater(null);
    const { ui, shown, progress } = user({ download: true, install: 'on-quit' });
    const flow = new UpdateFlow(updater, updaterOptions(url, { allowHttpHosts: ['127.0.0.1'] })!, ui, quiet, '0.1.0');
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);

    expect(await flow.run('startup')).toBe('install-on-quit');
    expect(shown).toEqual([`ask download 0.2.0 数据包交换改用选择文件；打印页可另存为 PDF。 ${installer.length}`, 'ask install 0.2.0']);
    expect(progress.at(-1)).toBeNull();
    expect(progress.filter((p) => p !== null).at(-1)).toBe(100);
    // consent given for the install at quit, and only then
    expect(updater.autoInstallOnAppQuit).toBe(true);
  }, 60_000);

  it('downloads nothing when the user declines, and says so when already up to date', async () => {
    const url = await updateServer({ listedSha512: sha512(installer) });
    const updater = nsisUpdater(null);
    let downloads = 0;
    updater.on('download-progress', () => downloads++);
    const declined = user({ download: false, install: 'later' });
    expect(await new UpdateFlow(updater, updaterOptions(url, { allowHttpHosts: ['127.0.0.1'] })!, declined.ui, quiet, '0.1.0').run('menu')).toBe('declined');
    expect(declined.shown).toHaveLength(1);
    expect(downloads).toBe(0);
    expect(declined.progress).toEqual([]);

    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const current = await updateServer({ listedSha512: sha512(installer), version: '0.1.0' });
    const told = user({ download: true, install: 'now' });
    expect(await new UpdateFlow(nsisUpdater(null), updaterOptions(current, { allowHttpHosts: ['127.0.0.1'] })!, told.ui, quiet, '0.1.0').run('menu')).toBe('up-to-date');
    expect(told.shown).toEqual(['info: 当前已是最新版本（0.1.0）。']);
  }, 60_000);

  it('refuses a download whose sha512 does not match latest.yml and installs nothing', async () => {
    const url = await updateServer({ listedSha512: sha512(Buffer.from('another installer')) });
    const updater = nsisUpdater(null);
    let installs = 0;
    (updater as unknown as { quitAndInstall: () => void }).quitAndInstall = () => void installs++;
    const { ui, shown } = user({ download: true, install: 'now' });
    expect(await new UpdateFlow(updater, updaterOptions(url, { allowHttpHosts: ['127.0.0.1'] })!, ui, quiet, '0.1.0').run('menu')).toBe('failed');
    expect(shown.at(-1)).toBe(`error: ${describeUpdateError({ code: 'ERR_CHECKSUM_MISMATCH' })}`);
    expect(shown.at(-1)).toContain('sha512');
    expect(shown.some((s) => s.startsWith('ask install'))).toBe(false);
    expect(installs).toBe(0);
  }, 60_000);

  it('on Windows, refuses an installer not signed by the publisher named at packaging; a signed one installs on restart', async () => {
    const url = await updateServer({ listedSha512: sha512(installer) });
    const refusing = nsisUpdater(['张家港市市场监督管理局']);
    const checked: string[][] = [];
    // electron-updater's seam for the Authenticode check (PowerShell's Get-AuthenticodeSignature on Windows)
    (refusing as unknown as { verifyUpdateCodeSignature: (names: string[], file: string) => Promise<string | null> }).verifyUpdateCodeSignature = async (names) => {
      checked.push(names);
      return 'the file is signed by CN=Someone Else';
    };
    const refused = user({ download: true, install: 'now' });
    expect(await new UpdateFlow(refusing, updaterOptions(url, { allowHttpHosts: ['127.0.0.1'] })!, refused.ui, quiet, '0.1.0').run('menu')).toBe('failed');
    expect(checked).toEqual([['张家港市市场监督管理局']]);
    expect(refused.shown.at(-1)).toBe(`error: ${describeUpdateError({ code: 'ERR_UPDATER_INVALID_SIGNATURE' })}`);

    const accepting = nsisUpdater(['张家港市市场监督管理局']);
    (accepting as unknown as { verifyUpdateCodeSignature: () => Promise<string | null> }).verifyUpdateCodeSignature = async () => null;
    const installs: unknown[][] = [];
    (accepting as unknown as { quitAndInstall: (...args: unknown[]) => void }).quitAndInstall = (...args) => void installs.push(args);
    const accepted = user({ download: true, install: 'now' });
    expect(await new UpdateFlow(accepting, updaterOptions(url, { allowHttpHosts: ['127.0.0.1'] })!, accepted.ui, quiet, '0.1.0').run('menu')).toBe('installing');
    // not silent: the installer shows its window; the app starts again afterwards
    expect(installs).toEqual([[false, true]]);
  }, 60_000);
});

describe('updaterOptions', () => {
  it('uses the generic provider at the configured intranet address, manual download, no downgrades, no web installer', () => {
    expect(updaterOptions('https://update.zjg.local/qkl-desk/')).toEqual({
      feed: { provider: 'generic', url: 'https://update.zjg.local/qkl-desk/' },
      channel: null,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowPrerelease: false,
      allowDowngrade: false,
      disableWebInstaller: true,
    });
  });

  it('takes plain http only for a host the administrator named', () => {
    expect(updaterOptions('http://10.1.2.3/qkl/')).toBeNull();
    expect(updaterOptions('http://10.1.2.3/qkl/', { allowHttpHosts: ['10.1.2.3'] })?.feed.url).toBe('http://10.1.2.3/qkl/');
    expect(updaterOptions('http://10.1.2.4/qkl/', { allowHttpHosts: ['10.1.2.3'] })).toBeNull();
    expect(updatesOffReason('http://10.1.2.4/qkl/', { allowHttpHosts: ['10.1.2.3'] })).toContain('10.1.2.4');
    expect(updatesOffReason(null)).toContain('updateUrl');
    expect(updatesOffReason('https://update.zjg.local/')).toBeNull();
  });

  it.each([null, undefined, '', 'not a url', 'file:///srv/updates/', 'ftp://10.1.2.3/', 'javascript:alert(1)', 'https://admin:secret@10.1.2.3/'])('turns updates off for %j', (url) => {
    expect(updaterOptions(url, { allowHttpHosts: ['10.1.2.3'] })).toBeNull();
  });

  it('accepts only a plain channel name', () => {
    expect(updaterOptions('https://10.1.2.3/', { channel: 'beta' })?.channel).toBe('beta');
    expect(updaterOptions('https://10.1.2.3/', { channel: '../latest' })).toBeNull();
  });
});

describe('applyUpdaterOptions', () => {
  it('switches downgrades off again after assigning a channel (the setter turns them on)', () => {
    const updater = nsisUpdater(null);
    applyUpdaterOptions(updater as UpdaterLike, updaterOptions('https://10.1.2.3/qkl/', { channel: 'beta' })!);
    expect(updater.channel).toBe('beta');
    expect(updater).toMatchObject({ allowDowngrade: false, autoDownload: false, autoInstallOnAppQuit: false, disableWebInstaller: true, allowPrerelease: false });
  });
});
