// What the host tells the page without being asked, beside the calls of the
// contract: a fixed list of names, each without a payload. The Electron preload
// forwards them from the main process; the browser host's bridge makes them from
// what a browser page can see. Kept free of imports so the preload can bundle it.

export const hostEvents = ['screen-locked'] as const;
export type HostEvent = (typeof hostEvents)[number];

export const HOST_EVENT_PREFIX = 'qkl-event:';

/** window.qklEvents: listen to one listed event; the returned function stops listening. */
export interface QklEvents {
  on(name: HostEvent, listener: () => void): () => void;
}

export function isHostEvent(name: unknown): name is HostEvent {
  return typeof name === 'string' && (hostEvents as readonly string[]).includes(name);
}
