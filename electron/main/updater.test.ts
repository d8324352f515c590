import { describe, expect, it, vi } from 'vitest';
import { applyUpdaterOptions, checkForUpdates, updaterOptions, type UpdaterLike } from './updater.ts';

const fake = vi.hoisted(() => {
  /** Behaves like electron-updater's AppUpdater where it matters: the channel setter turns downgrades on. */
  class FakeUpdater {
    autoDownload = true;
    autoInstallOnAppQuit = true;
    allowPrerelease = false;
    allowDowngrade = false;
    disableWebInstaller = false;
    logger: unknown = console;
    feeds: unknown[] = [];
    listeners = new Map<string, (payload: unknown) => void>();
    checks = 0;
    private current: string | null = null;
    get channel(): string | null {
      return this.current;
    }
    set channel(value: string | null) {
      this.current = value;
      this.allowDowngrade = true;
    }
    setFeedURL(options: unknown): void {
      this.feeds.push(options);
    }
    on(event: string, listener: (payload: unknown) => void): this {
      this.listeners.set(event, listener);
      return this;
    }
    checkForUpdates(): Promise<null> {
      this.checks += 1;
      this.listeners.get('update-available')?.({ version: '9.9.9' });
      return Promise.resolve(null);
    }
  }
  return { FakeUpdater, moduleLoads: 0, autoUpdater: new FakeUpdater() };
});

// electron-updater loads electron, which cannot run here; the module must only be loaded when a check starts.
vi.mock('electron-updater', () => {
  fake.moduleLoads += 1;
  return { autoUpdater: fake.autoUpdater };
});

describe('updaterOptions', () => {
  it('uses the generic provider at the configured intranet address, manual download, no downgrades, no web installer', () => {
    expect(updaterOptions('http://10.1.2.3/qkl-desk/')).toEqual({
      feed: { provider: 'generic', url: 'http://10.1.2.3/qkl-desk/' },
      channel: null,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowPrerelease: false,
      allowDowngrade: false,
      disableWebInstaller: true,
    });
    expect(updaterOptions('https://update.zjg.local/qkl/')?.feed.url).toBe('https://update.zjg.local/qkl/');
  });

  it.each([null, undefined, '', 'not a url', 'file:///srv/updates/', 'ftp://10.1.2.3/', 'javascript:alert(1)', 'http://admin:secret@10.1.2.3/'])(
    'turns updates off for %j',
    (url) => {
      expect(updaterOptions(url)).toBeNull();
    },
  );

  it('accepts only a plain channel name', () => {
    expect(updaterOptions('http://10.1.2.3/', 'beta')?.channel).toBe('beta');
    expect(updaterOptions('http://10.1.2.3/', '../latest')).toBeNull();
  });
});

describe('applyUpdaterOptions', () => {
  const make = (): UpdaterLike & InstanceType<typeof fake.FakeUpdater> => new fake.FakeUpdater() as never;

  it('sets the feed and every flag', () => {
    const updater = make();
    applyUpdaterOptions(updater, updaterOptions('http://10.1.2.3/qkl/')!);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'http://10.1.2.3/qkl/' }]);
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowPrerelease: false, allowDowngrade: false, disableWebInstaller: true });
  });

  it('switches downgrades off again after assigning a channel', () => {
    const updater = make();
    applyUpdaterOptions(updater, updaterOptions('http://10.1.2.3/qkl/', 'beta')!);
    expect(updater.channel).toBe('beta');
    expect(updater.allowDowngrade).toBe(false);
  });

  it('does not touch the channel when none is configured', () => {
    const updater = make();
    applyUpdaterOptions(updater, updaterOptions('http://10.1.2.3/qkl/')!);
    expect(updater.channel).toBeNull();
  });
});

describe('checkForUpdates', () => {
  it('loads electron-updater only when a check starts', async () => {
    expect(fake.moduleLoads).toBe(0);
    const log = { info: vi.fn(), warn: vi.fn() };
    await checkForUpdates(updaterOptions('http://10.1.2.3/qkl/')!, log);
    expect(fake.moduleLoads).toBe(1);
  });

  it('configures the shared autoUpdater, checks once and only reports what it found', async () => {
    const { autoUpdater } = (await import('electron-updater')) as unknown as { autoUpdater: InstanceType<typeof fake.FakeUpdater> };
    const log = { info: vi.fn(), warn: vi.fn() };
    const checksBefore = autoUpdater.checks;
    await checkForUpdates(updaterOptions('https://update.zjg.local/qkl/', 'beta')!, log);
    expect(autoUpdater.feeds.at(-1)).toEqual({ provider: 'generic', url: 'https://update.zjg.local/qkl/' });
    expect(autoUpdater.checks).toBe(checksBefore + 1);
    expect(autoUpdater).toMatchObject({ channel: 'beta', autoDownload: false, allowDowngrade: false, disableWebInstaller: true });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('9.9.9'));
  });
});
