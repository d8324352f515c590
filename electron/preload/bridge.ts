import { callNames, IPC_PREFIX, type QklBridge } from '../api/contract.ts';

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
