import type { AppUpdater } from 'electron-updater';

// Updates come from an intranet web server (electron-updater's generic provider),
// whose address is a setting of each installation (settings.json, updateUrl):
// desk PCs have no internet, and bureaus run different servers.
//
// TODO(updates): the sha512 in latest.yml only proves the download matches the
// server's own listing; whoever controls the server or the network path can
// replace both (SECURITY.md). Before any update is downloaded or installed, add a
// check of a detached Ed25519 signature over sha512 + version against a key
// pinned in the app. Until then this module only *checks* for updates: nothing
// calls downloadUpdate(), and autoDownload is off.

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

export interface UpdaterOptions {
  feed: GenericFeed;
  /** a release channel other than "latest"; assigning one turns allowDowngrade on, see applyUpdaterOptions */
  channel: string | null;
  autoDownload: false;
  autoInstallOnAppQuit: false;
  allowPrerelease: false;
  allowDowngrade: false;
  disableWebInstaller: true;
}

/**
 * The updater settings for a configured server address, or null when the address
 * is missing or unusable (updates are then simply off). http is accepted because
 * intranet servers rarely have certificates; integrity must come from the
 * signature check above, not from the transport.
 */
export function updaterOptions(url: string | null | undefined, channel: string | null = null): UpdaterOptions | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // credentials in a settings file would end up in logs and error messages
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (channel !== null && !/^[a-z][a-z0-9-]{0,31}$/.test(channel)) return null;
  return {
    feed: { provider: 'generic', url: parsed.href },
    channel,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: false,
    allowDowngrade: false,
    disableWebInstaller: true,
  };
}

export type UpdaterLike = Pick<
  AppUpdater,
  'setFeedURL' | 'channel' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease' | 'allowDowngrade' | 'disableWebInstaller'
>;

/** Applies the options in the order that matters: the channel setter silently sets allowDowngrade = true. */
export function applyUpdaterOptions(updater: UpdaterLike, options: UpdaterOptions): void {
  updater.setFeedURL(options.feed);
  if (options.channel !== null) updater.channel = options.channel;
  updater.autoDownload = options.autoDownload;
  updater.autoInstallOnAppQuit = options.autoInstallOnAppQuit;
  updater.disableWebInstaller = options.disableWebInstaller;
  // allowPrerelease = true would also allow downgrades
  updater.allowPrerelease = options.allowPrerelease;
  // last, after every assignment that can flip it
  updater.allowDowngrade = options.allowDowngrade;
}

export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Checks the intranet server once. electron-updater is imported here, lazily:
 * loading it loads electron, which plain-Node tests cannot do.
 */
export async function checkForUpdates(options: UpdaterOptions, log: UpdateLog): Promise<void> {
  const { autoUpdater } = await import('electron-updater');
  applyUpdaterOptions(autoUpdater, options);
  autoUpdater.logger = null;
  autoUpdater.on('update-available', (info) => log.info(`update ${info.version} available; not downloaded until signature checking exists`));
  autoUpdater.on('error', (error) => log.warn(`update check failed: ${error.message}`));
  try {
    await autoUpdater.checkForUpdates();
  } catch (error) {
    log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
