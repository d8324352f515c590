import { callNames, IPC_PREFIX, type QklBridge } from '../api/contract.ts';
import { HOST_EVENT_PREFIX, isHostEvent, type HostEvent, type QklEvents } from '../api/host-events.ts';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * window.qkl: one function per contract call, each forwarding exactly one
 * argument to its own channel. No generic invoke and no ipcRenderer, so a
 * compromised page can reach nothing the contract does not list.
 */
export function buildBridge(invoke: Invoke): QklBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of callNames) {
    const channel = IPC_PREFIX + name;
    api[name] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as QklBridge;
}

export type Subscribe = (channel: string, listener: () => void) => () => void;

/**
 * window.qklEvents: a listener for each listed host event, on its own channel. The
 * listener is called without arguments, so no IPC event object reaches the page.
 */
export function buildEvents(subscribe: Subscribe): QklEvents {
  return Object.freeze({
    on(name: HostEvent, listener: () => void) {
      if (!isHostEvent(name) || typeof listener !== 'function') throw new TypeError('unknown host event');
      return subscribe(HOST_EVENT_PREFIX + name, () => listener());
    },
  });
}
