import type { HostEvent, QklEvents } from '../../../electron/api/host-events.ts';

declare global {
  interface Window {
    /** host events (defined by the Electron preload or the browser host's bridge); absent otherwise */
    readonly qklEvents?: QklEvents;
  }
}

/** Listens to one host event; the returned function stops. Without a host, nothing ever comes. */
export function onHostEvent(name: HostEvent, listener: () => void): () => void {
  return window.qklEvents?.on(name, listener) ?? (() => {});
}
