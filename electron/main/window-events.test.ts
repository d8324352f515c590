import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFilesInArgv, OpenedFiles } from '../core-host/opened-files.ts';
import { forwardCoreEvents, onSecondInstance, type FocusableWindow } from './window-events.ts';

describe('bundleFilesInArgv', () => {
  it('takes the .qklb paths a double-click passes, quoted or not, relative ones from the launching folder', () => {
    const argv = ['--allow-file-access-from-files', '"D:\\U盘\\塘桥分局-0003.qklb"', 'notes.txt', 'sub/市局-0001.QKLB', '--original-process-start-time=1', '/media/usb/塘桥分局-0003.qklb'];
    expect(bundleFilesInArgv(argv, '/home/clerk')).toEqual([
      path.resolve('/home/clerk', 'D:\\U盘\\塘桥分局-0003.qklb'),
      '/home/clerk/sub/市局-0001.QKLB',
      '/media/usb/塘桥分局-0003.qklb',
    ]);
    expect(bundleFilesInArgv(['/usr/lib/qkl-desk/qkl-desk', '.'], '/')).toEqual([]);
  });
});

describe('a second start of the program', () => {
  function fakeWindow(minimized: boolean) {
    const calls: string[] = [];
    const window: FocusableWindow = {
      isDestroyed: () => false,
      isMinimized: () => minimized,
      restore: () => void calls.push('restore'),
      focus: () => void calls.push('focus'),
    };
    return { window, calls };
  }

  it('brings the window forward and opens the bundle it was started with, by reference, telling the window', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-argv-'));
    try {
      writeFileSync(path.join(dir, '塘桥分局-0003.qklb'), 'bundle');
      const granted: string[] = [];
      const told: string[] = [];
      const opened = new OpenedFiles(async (file) => (granted.push(file), `picked:${'a'.repeat(32)}`), () => told.push('files-opened'));
      const { window, calls } = fakeWindow(true);
      expect(await onSecondInstance(['C:\\Program Files\\qkl-desk\\qkl-desk.exe', '塘桥分局-0003.qklb'], dir, window, opened)).toBe(1);
      expect(calls).toEqual(['restore', 'focus']);
      expect(granted).toEqual([path.join(dir, '塘桥分局-0003.qklb')]);
      expect(told).toEqual(['files-opened']);
      expect(opened.take()).toEqual([{ ref: `picked:${'a'.repeat(32)}`, name: '塘桥分局-0003.qklb', size: 6 }]);
      expect(opened.take()).toEqual([]);

      // started again without a file: only the window comes forward
      const second = fakeWindow(false);
      expect(await onSecondInstance(['qkl-desk.exe'], dir, second.window, opened)).toBe(0);
      expect(second.calls).toEqual(['focus']);
      expect(told).toEqual(['files-opened']);
      // a file that is gone is skipped
      expect(await onSecondInstance(['qkl-desk.exe', 'gone.qklb'], dir, null, opened)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('forwardCoreEvents', () => {
  it('passes the core’s stop and restart to the window on their channels, until unwired', () => {
    const core = new EventEmitter();
    const on = (event: 'stopped' | 'started', listener: (reason: string) => void) => {
      core.on(event, listener);
      return () => void core.off(event, listener);
    };
    const sent: string[] = [];
    const unwire = forwardCoreEvents({ on }, (channel) => sent.push(channel));
    core.emit('stopped', 'crash');
    core.emit('started', 'restarted');
    unwire();
    core.emit('stopped', 'crash');
    expect(sent).toEqual(['qkl-event:core-stopped', 'qkl-event:core-started']);
  });
});
