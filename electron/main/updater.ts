import type { AppUpdater, ProgressInfo, UpdateCheckResult } from 'electron-updater';
import { text } from './text.ts';

// Updates come from an intranet web server (electron-updater's generic provider),
// whose address is a setting of each installation (settings.json, updateUrl): desk
// PCs have no internet, and bureaus run different servers. Nothing happens without
// the user: a found version is downloaded only after 下载, installed only after 立即
// 重启安装 or 退出时安装. The download is checked by electron-updater against the
// sha512 in the server's latest.yml; on Windows the installer's Authenticode signature
// must also name the publisher written into the app at packaging (publisherName,
// electron-builder.yml), so a server that lists a foreign installer cannot get it
// run. HTTPS, or plain http only for hosts the administrator lists (allowHttpHosts).

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

export interface FeedSettings {
  /** hosts allowed over plain http (lower case) */
  allowHttpHosts?: readonly string[];
  channel?: string | null;
}

/**
 * The updater settings for a configured server address, or null when the address is
 * missing or not allowed (updates are then simply off): https, or http to a host the
 * administrator named; no credentials in the address (they would end up in logs).
 */
export function updaterOptions(url: string | null | undefined, settings: FeedSettings = {}): UpdaterOptions | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const httpAllowed = (settings.allowHttpHosts ?? []).includes(parsed.hostname.toLowerCase());
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && httpAllowed)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const channel = settings.channel ?? null;
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

/** Why updates are off for this address, for the 检查更新 menu item (null: they are on). */
export function updatesOffReason(url: string | null, settings: FeedSettings = {}): string | null {
  if (!url) return text.update.notConfigured;
  if (updaterOptions(url, settings)) return null;
  try {
    if (new URL(url).protocol === 'http:') return text.update.httpNotAllowed(new URL(url).hostname);
  } catch {
    // falls through to the general reason
  }
  return text.update.badAddress;
}

export type UpdaterLike = Pick<
  AppUpdater,
  | 'setFeedURL'
  | 'channel'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowPrerelease'
  | 'allowDowngrade'
  | 'disableWebInstaller'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
  | 'on'
  | 'removeListener'
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

/** How the user is asked and told (native dialogs in the app; a recorder in tests). */
export interface UpdateUi {
  confirmDownload(update: { version: string; releaseNotes: string | null; size: number | null }): Promise<boolean>;
  /** 0–100 while downloading; null when done */
  progress(percent: number | null): void;
  confirmInstall(update: { version: string }): Promise<'now' | 'on-quit' | 'later'>;
  tell(kind: 'info' | 'error', message: string): void;
}

export type UpdateOutcome = 'up-to-date' | 'declined' | 'installing' | 'install-on-quit' | 'deferred' | 'failed';

/** What a failed check or download means for the user. */
export function describeUpdateError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_CHECKSUM_MISMATCH') return text.update.checksum;
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return text.update.signature;
  if (code === 'ERR_UPDATER_WEB_INSTALLER_DISABLED') return text.update.failed;
  if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ERR_CONNECTION|HTTP_ERROR_)/.test(code)) return text.update.unreachable;
  if ((error as { statusCode?: unknown } | null)?.statusCode !== undefined) return text.update.unreachable;
  return text.update.failed;
}

function notesOf(notes: UpdateCheckResult['updateInfo']['releaseNotes']): string | null {
  if (typeof notes === 'string') return notes.replace(/<[^>]*>/g, '').trim() || null;
  if (Array.isArray(notes)) return notes.map((n) => n.note ?? '').join('\n').replace(/<[^>]*>/g, '').trim() || null;
  return null;
}

/**
 * One check, asked for at start (quiet unless something is found) or from 帮助 →
 * 检查更新 (always answers): found → ask → download with progress → verified by
 * electron-updater → ask → install now, on quit, or not.
 */
export class UpdateFlow {
  private running: Promise<UpdateOutcome> | null = null;

  constructor(
    private readonly updater: UpdaterLike,
    options: UpdaterOptions,
    private readonly ui: UpdateUi,
    private readonly log: UpdateLog,
    private readonly currentVersion: string,
  ) {
    applyUpdaterOptions(updater, options);
  }

  run(trigger: 'startup' | 'menu'): Promise<UpdateOutcome> {
    if (this.running) {
      if (trigger === 'menu') this.ui.tell('info', text.update.busy);
      return this.running;
    }
    this.running = this.flow(trigger === 'menu').finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async flow(manual: boolean): Promise<UpdateOutcome> {
    let result: UpdateCheckResult | null;
    try {
      result = await this.updater.checkForUpdates();
    } catch (error) {
      return this.failed(error, manual);
    }
    if (!result?.isUpdateAvailable) {
      if (manual) this.ui.tell('info', text.update.upToDate(this.currentVersion));
      return 'up-to-date';
    }
    const info = result.updateInfo;
    const size = info.files.reduce((sum, f) => sum + (f.size ?? 0), 0);
    this.log.info(`update ${info.version} available`);
    if (!(await this.ui.confirmDownload({ version: info.version, releaseNotes: notesOf(info.releaseNotes), size: size > 0 ? size : null }))) return 'declined';

    const onProgress = (progress: ProgressInfo) => this.ui.progress(Math.round(progress.percent));
    this.updater.on('download-progress', onProgress);
    try {
      await this.updater.downloadUpdate();
    } catch (error) {
      // a download that fails its sha512 or signature is deleted by electron-updater and never installed
      return this.failed(error, true);
    } finally {
      this.updater.removeListener('download-progress', onProgress);
      this.ui.progress(null);
    }
    this.log.info(`update ${info.version} downloaded and verified`);
    const choice = await this.ui.confirmInstall({ version: info.version });
    if (choice === 'now') {
      this.updater.quitAndInstall(false, true);
      return 'installing';
    }
    if (choice === 'on-quit') {
      this.updater.autoInstallOnAppQuit = true;
      return 'install-on-quit';
    }
    return 'deferred';
  }

  private failed(error: unknown, tellUser: boolean): UpdateOutcome {
    this.log.warn(`update failed: ${error instanceof Error ? error.message : String(error)}`);
    if (tellUser) this.ui.tell('error', describeUpdateError(error));
    return 'failed';
  }
}
