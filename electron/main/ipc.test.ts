import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNames, IPC_PREFIX } from '../api/contract.ts';
import type { Result } from '../api/errors.ts';
import { openCore, type OpenedCore } from '../core/open-core.ts';
import { bindContract, mainWindowSender, type FrameLike, type InvokeEventLike, type IpcMainLike, type WindowLike } from './ipc.ts';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

/** Records handlers the way ipcMain does, and refuses a channel bound twice as ipcMain would. */
class FakeIpcMain implements IpcMainLike<InvokeEventLike> {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, input: unknown): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, input);
  }
}

function frame(url: string, ids = { processId: 4, routingId: 1 }, parent: FrameLike | null = null): FrameLike {
  return { url, parent, ...ids };
}

/** A main window whose top frame shows `url`, and the event its top frame would send. */
function windowShowing(url: string) {
  const mainFrame = frame(url);
  const webContents = { mainFrame };
  const window: WindowLike & { destroyed: boolean } = {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    webContents,
  };
  const event: InvokeEventLike = { sender: webContents, senderFrame: mainFrame };
  return { window, webContents, mainFrame, event };
}

let dir: string;
let core: OpenedCore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qkl-ipc-'));
  core = openCore({ file: path.join(dir, 'qkl.sqlite'), host: 'test' });
});

afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bindContract', () => {
  it('registers one channel per contract call and nothing else', () => {
    const ipc = new FakeIpcMain();
    bindContract(ipc, core, () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(callNames.map((name) => IPC_PREFIX + name).sort());
    expect(ipc.handlers.size).toBe(callNames.length);
  });

  it('gives a trusted sender the core result', async () => {
    const ipc = new FakeIpcMain();
    const { window, event } = windowShowing('app://qkl/index.html');
    bindContract(ipc, core, mainWindowSender(() => window));
    const result = await ipc.invoke('qkl:app.info', event, {});
    expect(result).toMatchObject({ ok: true, value: { host: 'test', databaseFile: path.join(dir, 'qkl.sqlite') } });
  });

  it('answers an untrusted sender with UNAUTHORIZED and never reaches the core', async () => {
    const ipc = new FakeIpcMain();
    const { window, webContents } = windowShowing('app://qkl/index.html');
    bindContract(ipc, core, mainWindowSender(() => window));
    const evilFrame = frame('https://evil.example/', { processId: 9, routingId: 3 });
    const result = await ipc.invoke('qkl:node.init', { sender: webContents, senderFrame: evilFrame }, { role: 'bureau', name: '攻击者' });
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(result.ok === false && result.message).toMatch(/[\u4e00-\u9fff]/);
    // the refused call changed nothing
    expect(await core.callByName('node.get', {})).toEqual({ ok: true, value: null });
  });

  it('validates input in the core and returns VALIDATION with a Chinese message', async () => {
    const ipc = new FakeIpcMain();
    bindContract(ipc, core, () => true);
    const result = await ipc.invoke('qkl:node.init', windowShowing('app://qkl/').event, { role: 'district', name: '   ' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'name' } });
    expect(result.ok === false && result.message).toMatch(/请填写本节点名称/);
    const wrongType = await ipc.invoke('qkl:units.query', windowShowing('app://qkl/').event, { startRow: 'zero' });
    expect(wrongType).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('lets no stack trace cross when the core itself throws', async () => {
    const ipc = new FakeIpcMain();
    const throwing = {
      callByName: () => Promise.reject(new Error('secret at /home/user/db.ts:12')),
    };
    bindContract(ipc, throwing, () => true);
    const result = await ipc.invoke('qkl:stats.get', windowShowing('app://qkl/').event, {});
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('unbinds every channel it bound', () => {
    const ipc = new FakeIpcMain();
    const unbind = bindContract(ipc, core, () => true);
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('mainWindowSender', () => {
  it('trusts the top frame of the main window on app://qkl', () => {
    const { window, event } = windowShowing('app://qkl/units');
    expect(mainWindowSender(() => window)(event)).toBe(true);
  });

  it('refuses when there is no window or it is destroyed', () => {
    const { window, event } = windowShowing('app://qkl/index.html');
    expect(mainWindowSender(() => null)(event)).toBe(false);
    window.destroyed = true;
    expect(mainWindowSender(() => window)(event)).toBe(false);
  });

  it('refuses another webContents, even one showing our origin', () => {
    const { window } = windowShowing('app://qkl/index.html');
    const other = windowShowing('app://qkl/index.html');
    expect(mainWindowSender(() => window)(other.event)).toBe(false);
  });

  it('refuses a missing (disposed) sender frame', () => {
    const { window, webContents } = windowShowing('app://qkl/index.html');
    expect(mainWindowSender(() => window)({ sender: webContents, senderFrame: null })).toBe(false);
  });

  it('refuses a subframe, even on our origin', () => {
    const { window, webContents, mainFrame } = windowShowing('app://qkl/index.html');
    const child = frame('app://qkl/index.html', { processId: 4, routingId: 2 }, mainFrame);
    expect(mainWindowSender(() => window)({ sender: webContents, senderFrame: child })).toBe(false);
  });

  it('refuses a frame that has a parent even if its ids match the top frame', () => {
    const { window, webContents, mainFrame } = windowShowing('app://qkl/index.html');
    const odd = frame('app://qkl/index.html', { processId: 4, routingId: 1 }, mainFrame);
    expect(mainWindowSender(() => window)({ sender: webContents, senderFrame: odd })).toBe(false);
  });

  it('refuses a top-level frame that is not the window’s current main frame', () => {
    const { window, webContents } = windowShowing('app://qkl/index.html');
    const stale = frame('app://qkl/index.html', { processId: 5, routingId: 1 });
    expect(mainWindowSender(() => window)({ sender: webContents, senderFrame: stale })).toBe(false);
  });

  it.each(['https://evil.example/', 'app://qkl.evil/index.html', 'file:///C:/index.html', 'about:blank', 'devtools://devtools/x'])(
    'refuses the main frame when it shows %s',
    (url) => {
      const { window, event } = windowShowing(url);
      expect(mainWindowSender(() => window)(event)).toBe(false);
    },
  );

  it('refuses a frame that throws on access (disposed during the call)', () => {
    const { window, webContents } = windowShowing('app://qkl/index.html');
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
      processId: 4,
      routingId: 1,
    };
    expect(mainWindowSender(() => window)({ sender: webContents, senderFrame: disposed })).toBe(false);
  });
});
