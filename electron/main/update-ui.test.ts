import { describe, expect, it } from 'vitest';
import { productName } from './text.ts';
import { nativeUpdateUi, type MessageBoxLike, type WindowForUpdates } from './update-ui.ts';

function fakes(responses: number[]) {
  const boxes: Array<{ parent: boolean; message: string; buttons: string[]; cancelId?: number }> = [];
  const dialog = {
    showMessageBox(...args: unknown[]) {
      const options = (args.length === 2 ? args[1] : args[0]) as { message: string; buttons: string[]; cancelId?: number };
      boxes.push({ parent: args.length === 2, message: options.message, buttons: options.buttons, cancelId: options.cancelId });
      return Promise.resolve({ response: responses.shift() ?? 0 });
    },
  } as unknown as MessageBoxLike;
  const bars: number[] = [];
  const titles: string[] = [];
  const window: WindowForUpdates = { setProgressBar: (p: number) => void bars.push(p), setTitle: (t: string) => void titles.push(t), isDestroyed: () => false } as never;
  return { dialog, window, boxes, bars, titles };
}

describe('native update dialogs', () => {
  it('asks before downloading and before installing, over the window, cancel meaning no', async () => {
    const f = fakes([0, 1, 1, 2]);
    const ui = nativeUpdateUi(f.dialog, () => f.window);
    expect(await ui.confirmDownload({ version: '0.2.0', releaseNotes: '修复', size: 50 * 1024 * 1024 })).toBe(true);
    expect(await ui.confirmDownload({ version: '0.2.0', releaseNotes: null, size: null })).toBe(false);
    expect(await ui.confirmInstall({ version: '0.2.0' })).toBe('on-quit');
    expect(await ui.confirmInstall({ version: '0.2.0' })).toBe('later');
    expect(f.boxes[0]).toMatchObject({ parent: true, message: '发现新版本 0.2.0', buttons: ['下载', '暂不'], cancelId: 1 });
    expect(f.boxes[2]).toMatchObject({ message: '新版本 0.2.0 已下载并通过校验', buttons: ['立即重启并安装', '退出程序时安装', '暂不安装'], cancelId: 2 });
  });

  it('shows the download on the taskbar and in the title, and clears both', () => {
    const f = fakes([]);
    const ui = nativeUpdateUi(f.dialog, () => f.window);
    ui.progress(45);
    ui.progress(null);
    expect(f.bars).toEqual([0.45, -1]);
    expect(f.titles).toEqual([`${productName} — 正在下载更新 45%`, productName]);
  });

  it('still asks without a window', async () => {
    const f = fakes([0]);
    expect(await nativeUpdateUi(f.dialog, () => null).confirmDownload({ version: '0.2.0', releaseNotes: null, size: null })).toBe(true);
    expect(f.boxes[0]!.parent).toBe(false);
  });
});
