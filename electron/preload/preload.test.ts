import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, IPC_PREFIX } from '../api/contract.ts';
import { buildBridge } from './bridge.ts';

// electron cannot load in plain Node: the preload's two imports are replaced by recorders.
const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })));
const channels = vi.hoisted(() => new Map<string, Set<(...args: unknown[]) => void>>());

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    send: vi.fn(),
    sendSync: vi.fn(),
    on: (channel: string, listener: (...args: unknown[]) => void) => channels.set(channel, (channels.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => channels.get(channel)?.delete(listener),
  },
}));

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes window.qkl and window.qklEvents, nothing else', async () => {
    await import('./index.ts');
    expect([...exposed.keys()]).toEqual(['qkl', 'qklEvents']);
  });

  it.each(['screen-locked', 'core-stopped', 'files-opened'])('passes the host event %s to the page without the IPC event, and stops on unsubscribe', async (event) => {
    await import('./index.ts');
    const events = exposed.get('qklEvents') as { on(name: string, listener: (...args: unknown[]) => void): () => void };
    expect(Object.keys(events)).toEqual(['on']);
    const heard: unknown[][] = [];
    const off = events.on(event, (...args) => heard.push(args));
    for (const listener of channels.get(`qkl-event:${event}`) ?? []) listener({ sender: 'ipc event object' }, 'extra');
    expect(heard).toEqual([[]]);
    off();
    expect(channels.get(`qkl-event:${event}`)?.size).toBe(0);
    // only the listed events: no door to other channels
    expect(() => events.on('qkl:keys.status', () => {})).toThrow(TypeError);
    expect(channels.has('qkl-event:qkl:keys.status')).toBe(false);
  });

  it('exposes exactly the contract calls, as functions', async () => {
    await import('./index.ts');
    const api = exposed.get('qkl') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof api[name]).toBe('function');
    // no generic door next to the calls
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'require']) expect(api).not.toHaveProperty(forbidden);
  });

  it('forwards each call to its own channel with exactly one argument', async () => {
    await import('./index.ts');
    const api = exposed.get('qkl') as Record<string, (input: unknown, ...rest: unknown[]) => Promise<unknown>>;
    for (const name of callNames) {
      invoke.mockClear();
      const input = { probe: name };
      await expect(api[name]!(input, 'extra argument')).resolves.toEqual({ ok: true, value: { channel: IPC_PREFIX + name, input } });
      expect(invoke).toHaveBeenCalledOnce();
      expect(invoke.mock.calls[0]).toEqual([IPC_PREFIX + name, input]);
    }
  });
});

describe('buildBridge', () => {
  it('is frozen so the page cannot swap a call for its own', () => {
    const bridge = buildBridge(() => Promise.resolve(null));
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('passes a missing input through as undefined (the core treats it as {})', async () => {
    const seen: unknown[][] = [];
    const bridge = buildBridge((channel, input) => {
      seen.push([channel, input]);
      return Promise.resolve(null);
    });
    await (bridge['stats.get'] as unknown as () => Promise<unknown>)();
    expect(seen).toEqual([['qkl:stats.get', undefined]]);
  });
});
