import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { productName, text } from './text.ts';
import type { UpdateUi } from './updater.ts';

// The update flow's questions as native message boxes over the window, its download
// progress on the taskbar button and in the title. Electron's parts are passed in,
// so this is tested with fakes.

export interface MessageBoxLike {
  showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

export type WindowForUpdates = Pick<BrowserWindow, 'setProgressBar' | 'setTitle' | 'isDestroyed'>;

const megabytes = (bytes: number | null) => (bytes === null ? null : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function nativeUpdateUi(dialog: MessageBoxLike, getWindow: () => WindowForUpdates | null): UpdateUi {
  const ask = async (options: MessageBoxOptions): Promise<number> => {
    const window = getWindow();
    const full = { title: text.update.title, noLink: true, ...options };
    const { response } = window && !window.isDestroyed() ? await dialog.showMessageBox(window as BrowserWindow, full) : await dialog.showMessageBox(full);
    return response;
  };
  return {
    async confirmDownload(update) {
      const response = await ask({
        type: 'info',
        message: text.update.available(update.version),
        detail: text.update.availableDetail(update.releaseNotes, megabytes(update.size)),
        buttons: [text.update.download, text.update.notNow],
        defaultId: 0,
        cancelId: 1,
      });
      return response === 0;
    },
    progress(percent) {
      const window = getWindow();
      if (!window || window.isDestroyed()) return;
      window.setProgressBar(percent === null ? -1 : percent / 100);
      window.setTitle(percent === null ? productName : `${productName} — ${text.update.downloading(percent)}`);
    },
    async confirmInstall(update) {
      const response = await ask({
        type: 'question',
        message: text.update.downloaded(update.version),
        detail: text.update.downloadedDetail,
        buttons: [text.update.installNow, text.update.installOnQuit, text.update.later],
        defaultId: 0,
        cancelId: 2,
      });
      return response === 0 ? 'now' : response === 1 ? 'on-quit' : 'later';
    },
    tell(kind, message) {
      void ask({ type: kind === 'error' ? 'error' : 'info', message, buttons: [text.update.ok] });
    },
  };
}
